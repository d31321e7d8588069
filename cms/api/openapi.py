"""The partners' APIs described in OpenAPI 3 (openapi.yaml beside this file), for their tools.

The document is written by hand and checked against the code by tests/api/; it is served as
written (YAML) and as JSON, which more tools read.
"""

from functools import cache
from pathlib import Path

import yaml
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

DOCUMENT = Path(__file__).with_name("openapi.yaml")


@cache
def openapi_document():
    """The document as data; read once per process."""
    return yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))


@require_GET
@cache_control(public=True, max_age=3600)
def openapi_json(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})


@require_GET
@cache_control(public=True, max_age=3600)
def openapi_yaml(request):
    return HttpResponse(DOCUMENT.read_bytes(), content_type="application/yaml; charset=utf-8")
