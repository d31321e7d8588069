"""The admin's "Refresh now" button."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request

from .tasks import refresh_exchange_rates_job, refresh_weather_job


@require_POST
def refresh_now(request):
    def enqueue():
        refresh_exchange_rates_job.delay()
        refresh_weather_job.delay()

    try:
        transaction.on_commit(enqueue)
    except Exception as error:  # an unreachable broker must not cost the editor a 500
        messages.error(
            request, _("The refresh could not be started: %(error)s") % {"error": error}
        )
    else:
        messages.success(request, _("Rates and weather are being refreshed."))
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
