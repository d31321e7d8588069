"""Celery beat's schedule: installed once, kept in the database, shown and edited in the admin."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

from articles.models import ArticlePage
from cms.celery import app
from cms.jobs.periodic import PERIODIC_JOBS, PeriodicJob, install_periodic_jobs
from cms.jobs.tasks import publish_scheduled_pages

PUBLISH_SCHEDULED = "Publish scheduled pages"


@pytest.mark.django_db
def test_setup_creates_scheduled_publishing_every_minute(capsys):
    call_command("setup_periodic_jobs")

    job = PeriodicTask.objects.get(name=PUBLISH_SCHEDULED)
    assert (job.interval.every, job.interval.period) == (1, IntervalSchedule.MINUTES)
    assert job.enabled and job.expire_seconds == 60
    assert job.task in app.tasks
    assert f"{PUBLISH_SCHEDULED}: created" in capsys.readouterr().out


@pytest.mark.django_db
def test_setup_again_keeps_what_an_editor_changed():
    install_periodic_jobs()
    PeriodicTask.objects.filter(name=PUBLISH_SCHEDULED).update(enabled=False)

    assert install_periodic_jobs() == []
    assert PeriodicTask.objects.filter(name=PUBLISH_SCHEDULED, enabled=False).count() == 1


def test_every_listed_job_names_a_celery_task():
    app.loader.import_default_modules()
    assert {job.task for job in PERIODIC_JOBS} <= set(app.tasks)


@pytest.mark.django_db
def test_a_crontab_job_is_installed_in_utc():
    job = PeriodicJob("Nightly check", "cms.jobs.publish_scheduled_pages", crontab="5 3 * * *")
    install_periodic_jobs([job])

    crontab = PeriodicTask.objects.get(name="Nightly check").crontab
    assert (crontab.minute, crontab.hour, str(crontab.timezone)) == ("5", "3", "UTC")


def test_a_job_needs_exactly_one_schedule():
    with pytest.raises(ValueError):
        PeriodicJob("Never", "cms.jobs.publish_scheduled_pages")


@pytest.mark.django_db
def test_scheduled_publishing_publishes_a_page_whose_time_has_come():
    article = ArticlePage.objects.live().first()
    article.title = "Port strike ends"
    article.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))

    publish_scheduled_pages.apply()

    article.refresh_from_db()
    assert article.title == "Port strike ends"


def test_admin_lists_the_schedule(admin_client):
    install_periodic_jobs()

    response = admin_client.get("/admin/periodic-jobs/")

    assert response.status_code == 200
    assert PUBLISH_SCHEDULED in response.text
    assert "every minute" in response.text


def test_admin_edits_the_schedule(admin_client):
    install_periodic_jobs()
    job = PeriodicTask.objects.get(name=PUBLISH_SCHEDULED)
    hourly, _ = IntervalSchedule.objects.get_or_create(every=1, period=IntervalSchedule.HOURS)

    response = admin_client.post(
        f"/admin/periodic-jobs/edit/{job.pk}/",
        {
            "name": job.name,
            "task": job.task,
            "enabled": "on",
            "interval": hourly.pk,
            "kwargs": "{}",
            "expire_seconds": "3600",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    job.refresh_from_db()
    assert job.interval == hourly


def test_admin_refuses_a_job_with_two_schedules(admin_client):
    install_periodic_jobs()
    job = PeriodicTask.objects.get(name=PUBLISH_SCHEDULED)
    crontab = CrontabSchedule.objects.create(minute="0", hour="*")
    response = admin_client.post(
        f"/admin/periodic-jobs/edit/{job.pk}/",
        {
            "name": job.name,
            "task": job.task,
            "interval": job.interval_id,
            "crontab": crontab.pk,
            "kwargs": "{}",
        },
    )

    assert response.status_code == 200
    assert "Only one of clocked, interval, crontab" in response.text


@pytest.mark.parametrize(
    "url", ["/admin/job-intervals/", "/admin/job-crontabs/", "/admin/periodic-jobs/new/"]
)
def test_admin_opens_the_schedules(admin_client, url):
    install_periodic_jobs()
    assert admin_client.get(url).status_code == 200
