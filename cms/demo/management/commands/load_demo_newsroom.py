import time

from django.core.management.base import BaseCommand

from cms.demo.newsroom import DemoNewsroom


class Command(BaseCommand):
    help = "Build the demo newsroom (eight locales, articles, interviews, partners). Idempotent."

    def handle(self, *args, **options):
        started = time.monotonic()
        DemoNewsroom(log=lambda line: self.stdout.write(line)).load()
        self.stdout.write(
            self.style.SUCCESS(f"Demo newsroom ready in {time.monotonic() - started:.1f} s.")
        )
