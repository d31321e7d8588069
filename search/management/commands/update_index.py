import time

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search.indexing import rebuild


class Command(WagtailUpdateIndex):
    help = "Rebuild the admin's search index (Wagtail's) and the readers' search index."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--readers-only",
            action="store_true",
            help="rebuild only the readers' search index (e.g. after a bulk import)",
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
