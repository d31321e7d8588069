"""The answer to a client that django-axes has locked out of the admin login."""

import math

from axes.helpers import get_cool_off
from django.shortcuts import render


def login_locked_out(request, original_response=None, credentials=None):
    """429 with a page that says, in the reader's language, how long to wait."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else 0
    return render(request, "core/login_locked.html", {"cooloff_minutes": minutes}, status=429)
