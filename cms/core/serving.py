"""A serving process, ready before its first request.

Python's full garbage collection walks every object the process holds: in a worker that
has loaded Django, Wagtail and our apps that is some hundred thousand objects that live
as long as it does, and a request that happens to trigger the collection waits about
130 ms for it (measured on the admin's Articles listing: one request in ten took twice
the others). Frozen once the code is loaded, they are left out of every collection, and
the pause drops to about 25 ms.
"""

import gc

from django.urls import get_resolver


def ready_to_serve():
    # Every view module is imported by the URL patterns: now, not on the first request,
    # so that they are among what is frozen.
    get_resolver().url_patterns  # noqa: B018
    gc.freeze()
