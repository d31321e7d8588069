import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Locale

from cms.demo.synthetic import ArticleGenerator


class Command(BaseCommand):
    help = (
        "Add N synthetic live articles per locale to the demo newsroom, for scale tests, "
        "then rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="articles per locale")
        parser.add_argument(
            "--locales",
            default="all",
            help="'all' or comma-separated language codes, e.g. en,ru,zh-hans",
        )
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="leave the search index as it is (bulk inserts send no signals to update it)",
        )

    def handle(self, *args, articles, locales, seed, no_index, **options):
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
        verbosity = options["verbosity"]
        total, inserting = self.insert(generators, articles, verbosity)
        rate = total / inserting
        report = f"Inserted {total} articles in {inserting:.1f} s ({rate:.0f} per second); "
        if no_index:
            report += "search index left as it was (--no-index): run update_index."
        else:
            report += f"search index rebuilt in {self.rebuild_search_index(verbosity):.1f} s."
        if verbosity:
            self.stdout.write(report)

    def insert(self, generators, articles, verbosity):
        """(articles inserted, seconds taken)."""
        started = time.monotonic()
        total = articles * len(generators)
        with tqdm(total=total, unit="article", disable=verbosity == 0) as progress:
            for generator in generators:
                progress.set_description(generator.locale.language_code)
                generator.generate(articles, progress)
        return total, time.monotonic() - started

    def rebuild_search_index(self, verbosity):
        # Bulk inserts send no post_save signals, so nothing indexed the new pages one by one.
        started = time.monotonic()
        call_command("update_index", verbosity=verbosity, stdout=self.stdout)
        return time.monotonic() - started

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
