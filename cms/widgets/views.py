"""The admin's "Refresh now" button."""

import logging

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request

from cms.core.admin_access import admin_view_requires

from .tasks import refresh_exchange_rates_job, refresh_weather_job

logger = logging.getLogger(__name__)

REFRESH_PERMISSIONS = ["widgets.change_exchangerate", "widgets.change_weatherreport"]


def may_refresh(user):
    """Widget managers (and administrators): those who may change rates and weather."""
    return user.has_perms(REFRESH_PERMISSIONS)


@require_POST
@admin_view_requires(may_refresh)
def refresh_now(request):
    # Started at once, not on commit: the view writes nothing for the jobs to wait for.
    try:
        refresh_exchange_rates_job.delay()
        refresh_weather_job.delay()
    except Exception:  # an unreachable broker, or a provider run in-process: not a 500
        # The error names provider and broker addresses: for the log, not for the page.
        logger.exception("Rates and weather refresh could not be started")
        messages.error(request, _("The refresh could not be started; the server log says why."))
    else:
        messages.success(request, _("Rates and weather are being refreshed."))
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
