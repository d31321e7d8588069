"""Refusals of our own admin views: a 403, not Wagtail's redirect to the dashboard.

Wagtail's admin answers a PermissionDenied raised in a view with a redirect home and a
message; a script reads that as success, so our views refuse with a real 403 instead.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied


def forbidden(request):
    return permission_denied(request, PermissionDenied())


def admin_view_requires(test):
    """Decorate an admin view: users for whom test(user) is false get a 403."""

    def decorator(view):
        @wraps(view)
        def checked_view(request, *args, **kwargs):
            if not test(request.user):
                return forbidden(request)
            return view(request, *args, **kwargs)

        return checked_view

    return decorator
