"""The periodic import of partners' feeds."""

from celery import shared_task

from .importer import import_partner_feeds


@shared_task(name="inbound.import_partner_feeds")
def import_partner_feeds_job():
    """Import the new entries of every active partner feed as drafts. Idempotent."""
    return sum(len(report.imported) for report in import_partner_feeds())
