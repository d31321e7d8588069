"""A machine-translation service that fails leaves the translator where they were."""

import logging

import requests
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request

logger = logging.getLogger(__name__)

# wagtail-localize's machine_translate view lets the service's error through as a 500.
GUARDED_VIEWS = {"wagtail_localize:machine_translate"}


class MachineTranslationErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = getattr(request, "resolver_match", None)
        if match is None or match.view_name not in GUARDED_VIEWS:
            return None
        if not isinstance(exception, requests.RequestException | ValueError | KeyError):
            return None
        logger.warning("Machine translation failed: %s", exception)
        messages.error(
            request,
            _(
                "The machine translation service did not answer properly (%(error)s). "
                "Nothing was changed; try again later or translate by hand."
            )
            % {"error": exception.__class__.__name__},
        )
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
