import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Locale

from cms.demo.synthetic import ArticleGenerator


class Command(BaseCommand):
    help = "Add N synthetic articles per locale to the demo newsroom, for scale tests."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="articles per locale")
        parser.add_argument(
            "--locales",
            default="all",
            help="'all' or comma-separated language codes, e.g. en,ru,zh-hans",
        )
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, articles, locales, seed, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1.")
        codes = self.language_codes(locales)
        found = {
            locale.language_code: locale
            for locale in Locale.objects.filter(language_code__in=codes)
        }
        missing = [code for code in codes if code not in found]
        if missing:
            raise CommandError(
                f"No locale {', '.join(missing)} in the database: run load_demo_newsroom first."
            )
        try:
            generators = [ArticleGenerator(found[code], seed) for code in codes]
        except LookupError as error:
            raise CommandError(str(error)) from error
        started = time.monotonic()
        total = articles * len(generators)
        with tqdm(total=total, unit="article", disable=options["verbosity"] == 0) as progress:
            for generator in generators:
                progress.set_description(generator.locale.language_code)
                generator.generate(articles, progress)
        elapsed = time.monotonic() - started
        if options["verbosity"]:
            self.stdout.write(
                f"Added {total} articles in {elapsed:.1f} s ({total / elapsed:.0f} per second)."
            )

    def language_codes(self, locales):
        configured = [code for code, _name in settings.LANGUAGES]
        if locales == "all":
            return configured
        codes = [code.strip() for code in locales.split(",") if code.strip()]
        unknown = [code for code in codes if code not in configured]
        if unknown or not codes:
            raise CommandError(
                f"Unknown language {', '.join(unknown) or '(none)'}; "
                f"choose from {', '.join(configured)} or 'all'."
            )
        return codes
