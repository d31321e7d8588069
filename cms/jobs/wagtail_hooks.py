from django.utils.translation import gettext_lazy as _
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup


class PeriodicJobViewSet(ModelViewSet):
    """Celery beat's schedule, read from the database: what runs when, and whether it ran."""

    model = PeriodicTask
    name = "periodic-jobs"
    icon = "time"
    menu_label = _("Periodic jobs")
    # Beat writes these rows on every run; they reference nothing editors look up.
    add_to_reference_index = False
    list_display = [
        "name",
        "task",
        Column("scheduler", label=_("Schedule")),
        "enabled",
        "last_run_at",
        "total_run_count",
    ]
    list_filter = ["enabled", "task"]
    search_fields = ["name", "task", "description"]
    ordering = ["name"]
    form_fields = [
        "name",
        "task",
        "enabled",
        "interval",
        "crontab",
        "kwargs",
        "queue",
        "expire_seconds",
        "one_off",
        "start_time",
        "description",
    ]

    def get_index_view_kwargs(self, **kwargs):
        queryset = PeriodicTask.objects.select_related("interval", "crontab", "solar", "clocked")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class IntervalViewSet(ModelViewSet):
    model = IntervalSchedule
    name = "job-intervals"
    icon = "repeat"
    menu_label = _("Intervals")
    add_to_reference_index = False
    form_fields = ["every", "period"]


class CrontabViewSet(ModelViewSet):
    model = CrontabSchedule
    name = "job-crontabs"
    icon = "calendar-alt"
    menu_label = _("Crontabs")
    add_to_reference_index = False
    list_display = ["__str__", "timezone"]
    form_fields = ["minute", "hour", "day_of_week", "day_of_month", "month_of_year", "timezone"]


class BackgroundJobsViewSetGroup(ModelViewSetGroup):
    items = (PeriodicJobViewSet, IntervalViewSet, CrontabViewSet)
    menu_icon = "cogs"
    menu_label = _("Background jobs")
    menu_name = "background-jobs"
    menu_order = 900


@hooks.register("register_admin_viewset")
def register_background_jobs():
    return BackgroundJobsViewSetGroup()
