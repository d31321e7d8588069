import os

from django.http import HttpResponse

# As large as the article page the run measured (the command passes its size on).
BODY = b"<!DOCTYPE html><title>bare</title>" + b"x" * max(
    0, int(os.environ.get("BENCH_BARE_BYTES", "20000")) - 34
)


def bare_page(request):
    """What Django alone costs: a fixed HTML body of a page's size, no database, no template."""
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")
