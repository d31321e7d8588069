import time

from django.core.management.base import BaseCommand

from cms.demo.newsroom import DemoNewsroom


class Command(BaseCommand):
    help = "Build the demo newsroom (eight locales, articles, interviews, partners). Idempotent."

    def handle(self, *args, **options):
        started = time.monotonic()
        verbose = options["verbosity"] > 0
        DemoNewsroom(log=self.stdout.write if verbose else lambda line: None).load()
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(f"Demo newsroom ready in {time.monotonic() - started:.1f} s.")
            )
