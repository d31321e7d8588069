import time

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search.indexing import rebuild
from search.page_titles import rebuild_titles


class Command(WagtailUpdateIndex):
    help = (
        "Rebuild Wagtail's search index (images, documents, snippets, the API), the readers' "
        "search index and the admin's page titles."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--readers-only",
            action="store_true",
            help="skip Wagtail's index: rebuild only ours, the readers' search and the admin's "
            "page titles (e.g. after a bulk import)",
        )

    def handle(self, **options):
        self.verbosity = options["verbosity"]
        if not options["readers_only"]:
            super().handle(**options)
        if options.get("schema_only"):
            return
        started = time.monotonic()
        total = rebuild()
        self.write(
            f"Readers' search: {total} documents indexed in {time.monotonic() - started:.1f} s"
        )
        started = time.monotonic()
        total = rebuild_titles()
        self.write(
            f"Admin's page search: {total} page titles indexed in "
            f"{time.monotonic() - started:.1f} s"
        )
