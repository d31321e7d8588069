from django.core.management.base import BaseCommand

from cms.jobs.periodic import PERIODIC_JOBS, install_periodic_jobs


class Command(BaseCommand):
    help = "Create the periodic jobs Celery beat runs; idempotent, keeps edits made in the admin."

    def handle(self, *args, **options):
        created = set(install_periodic_jobs())
        for job in PERIODIC_JOBS:
            state = "created" if job.name in created else "already there"
            self.stdout.write(f"{job.name}: {state}")
