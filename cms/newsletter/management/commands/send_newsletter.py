"""Send the weekly newsletter now, in this process: what beat's job does through Celery."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.newsletter.digest import has_stories, previous_week, week_start
from cms.newsletter.sending import deliver_batch, digest_batches, recipients


class Command(BaseCommand):
    help = (
        "Send each language's digest of an ISO week (default: the last complete week) to "
        "its confirmed subscribers who have not had it yet."
    )

    def add_arguments(self, parser):
        parser.add_argument("--week", help="ISO week, e.g. 2026-W47")
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would be sent, send nothing"
        )

    def handle(self, *args, week=None, dry_run=False, **options):
        week = week or previous_week()
        try:
            week_start(week)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if dry_run:
            self.report_plan(week)
            return
        sent = {}
        for language, subscriber_ids in digest_batches(week):
            sent[language] = sent.get(language, 0) + deliver_batch(week, language, subscriber_ids)
        for language, count in sent.items():
            self.stdout.write(f"{week} {language}: {count} sent")
        self.stdout.write(f"{week}: {sum(sent.values())} digests sent")

    def report_plan(self, week):
        for language, _name in settings.LANGUAGES:
            if not has_stories(language, week):
                self.stdout.write(f"{week} {language}: no stories, nothing to send")
                continue
            count = recipients(language, week).count()
            self.stdout.write(f"{week} {language}: would send {count}")
