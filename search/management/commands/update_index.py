import time

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search.indexing import rebuild


class Command(WagtailUpdateIndex):
    help = "Rebuild the admin's search index (Wagtail's) and the readers' search index."

    def handle(self, **options):
        super().handle(**options)
        if options.get("schema_only"):
            return
        started = time.monotonic()
        total = rebuild()
        self.write(
            f"Readers' search: {total} documents indexed in {time.monotonic() - started:.1f} s"
        )
