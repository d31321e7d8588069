"""Import the new entries of partners' feeds as draft articles, now."""

from django.core.management.base import BaseCommand, CommandError

from cms.inbound.importer import import_partner_feeds
from cms.inbound.models import PartnerFeed


class Command(BaseCommand):
    help = "Import new entries of active partner feeds (or of --feed ids) as draft articles."

    def add_arguments(self, parser):
        parser.add_argument("--feed", type=int, action="append", help="a feed id; repeatable")

    def handle(self, *args, feed=None, **options):
        feeds = None
        if feed:
            feeds = list(PartnerFeed.objects.filter(pk__in=feed).select_related("partner"))
            missing = set(feed) - {f.pk for f in feeds}
            if missing:
                raise CommandError(f"no partner feed with id {', '.join(map(str, missing))}")
        for report in import_partner_feeds(feeds):
            if report.error:
                self.stderr.write(f"{report.feed}: skipped, {report.error}")
            else:
                self.stdout.write(
                    f"{report.feed}: {len(report.imported)} imported as drafts, "
                    f"{report.skipped} already imported"
                )
