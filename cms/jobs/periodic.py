"""The periodic jobs Celery beat runs, installed in the database by `setup_periodic_jobs`.

Add a job with one entry in PERIODIC_JOBS. Editors see and change the schedule in the
admin (Settings → Background jobs); installing again never overrides their changes.
"""

import json
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: str
    every: timedelta | None = None
    crontab: str | None = None  # "minute hour day-of-month month day-of-week", in UTC
    kwargs: dict = field(default_factory=dict)

    def __post_init__(self):
        if (self.every is None) == (self.crontab is None):
            raise ValueError(f"{self.name}: give exactly one of `every` or `crontab`")

    @property
    def expires_after(self):
        """A run that waited longer than its period is stale: the next one does its work."""
        if self.every is not None:
            return int(self.every.total_seconds())
        return None


PERIODIC_JOBS = [
    PeriodicJob(
        "Publish scheduled pages",
        "cms.jobs.publish_scheduled_pages",
        every=timedelta(minutes=1),
    ),
    PeriodicJob(
        "Retry partner deliveries",
        "syndication.retry_due_deliveries",
        every=timedelta(minutes=1),
    ),
    PeriodicJob(
        "Refresh exchange rates", "widgets.refresh_exchange_rates", every=timedelta(hours=1)
    ),
    PeriodicJob("Refresh weather", "widgets.refresh_weather", every=timedelta(hours=1)),
    PeriodicJob(
        "Import partner feeds", "inbound.import_partner_feeds", every=timedelta(minutes=30)
    ),
    # Mondays at 06:00 UTC, the digest of the week that just ended.
    PeriodicJob(
        "Send the weekly newsletter", "newsletter.send_weekly_digest", crontab="0 6 * * 1"
    ),
]


INTERVAL_UNITS = [
    (86400, IntervalSchedule.DAYS),
    (3600, IntervalSchedule.HOURS),
    (60, IntervalSchedule.MINUTES),
    (1, IntervalSchedule.SECONDS),
]


def schedule_for(job):
    if job.every is not None:
        seconds = int(job.every.total_seconds())
        # In the largest whole unit, so the admin reads "every 1 minute", not "60 seconds".
        unit_seconds, period = next(
            (size, period) for size, period in INTERVAL_UNITS if seconds % size == 0
        )
        interval, _ = IntervalSchedule.objects.get_or_create(
            every=seconds // unit_seconds, period=period
        )
        return {"interval": interval}
    minute, hour, day_of_month, month_of_year, day_of_week = job.crontab.split()
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute=minute,
        hour=hour,
        day_of_month=day_of_month,
        month_of_year=month_of_year,
        day_of_week=day_of_week,
        timezone="UTC",
    )
    return {"crontab": crontab}


@transaction.atomic
def install_periodic_jobs(jobs=PERIODIC_JOBS):
    """Create the missing periodic tasks; return the names of those created."""
    created = []
    for job in jobs:
        if PeriodicTask.objects.filter(name=job.name).exists():
            continue
        PeriodicTask.objects.create(
            name=job.name,
            task=job.task,
            kwargs=json.dumps(job.kwargs),
            expire_seconds=job.expires_after,
            **schedule_for(job),
        )
        created.append(job.name)
    return created
