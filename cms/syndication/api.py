"""The pull API: a partner reads its products' stories since a cursor, in a format it names.

GET /api/syndication/v1/items/?since=<cursor>&format=ninjs&limit=50 with its key in
`Authorization: Bearer <key>` (or `X-Api-Key`). Errors are JSON with a message; a wrong
key is a 401, a revoked key (or a suspended partner) a 403, a bad parameter a 400.
"""

import json
from urllib.parse import urlencode

from django.http import JsonResponse
from django.http.response import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from cms.core.stories import story_models
from cms.distribution.items import items_for_pages

from .cursor import BadCursor, Cursor
from .formatters import UnknownFormat, get_formatter
from .models import KEY_PREFIX_LENGTH, ApiKey
from .selection import Selection

DEFAULT_LIMIT, MAX_LIMIT = 50, 200
KEY_SHAPE_LENGTH = len("nk_") + KEY_PREFIX_LENGTH + 1


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status, self.message = status, message

    def response(self):
        response = JsonResponse({"error": self.message}, status=self.status)
        if self.status == 401:
            response["WWW-Authenticate"] = 'Bearer realm="syndication"'
        return response


def presented_key(request):
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("X-Api-Key", "").strip()


def authenticate(request):
    """The partner account whose valid, unrevoked key the request carries."""
    raw_key = presented_key(request)
    if not raw_key:
        raise ApiError(401, "An API key is required: Authorization: Bearer <key>.")
    prefix = raw_key[3 : 3 + KEY_PREFIX_LENGTH] if raw_key.startswith("nk_") else ""
    key = (
        ApiKey.objects.select_related("account__partner").filter(prefix=prefix).first()
        if len(raw_key) > KEY_SHAPE_LENGTH
        else None
    )
    if key is None or not key.matches(raw_key):
        raise ApiError(401, "This API key is not valid.")
    if key.is_revoked:
        raise ApiError(403, "This API key has been revoked.")
    if not key.account.is_active:
        raise ApiError(403, "This partner's syndication is suspended.")
    ApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key.account


def parameters(request):
    unknown = set(request.GET) - {"since", "format", "limit"}
    if unknown:
        raise ApiError(400, f"Unknown parameter(s): {', '.join(sorted(unknown))}.")
    try:
        formatter = get_formatter(request.GET.get("format", "ninjs"))
    except UnknownFormat as error:
        raise ApiError(400, str(error)) from None
    limit = request.GET.get("limit", str(DEFAULT_LIMIT))
    if not (limit.isascii() and limit.isdigit() and 1 <= int(limit) <= MAX_LIMIT):
        raise ApiError(400, f"`limit` must be a whole number from 1 to {MAX_LIMIT}.")
    since = request.GET.get("since")
    try:
        cursor = Cursor.parse(since) if since else None
    except BadCursor as error:
        raise ApiError(400, str(error)) from None
    return formatter, int(limit), cursor


def next_stories(selection, cursor, limit):
    """Up to `limit` + 1 stories after the cursor, oldest change first, over every story type."""
    stories = []
    for model in story_models():
        queryset = selection.stories(model)
        if cursor is not None:
            queryset = queryset.filter(cursor.after())
        queryset = queryset.order_by("last_published_at", "pk").only("pk", "last_published_at")
        stories.extend(queryset[: limit + 1])
    stories.sort(key=Cursor.of)
    return stories[: limit + 1]


@require_GET
def items(request):
    try:
        account = authenticate(request)
        formatter, limit, cursor = parameters(request)
    except ApiError as error:
        return error.response()

    stories = next_stories(Selection(account), cursor, limit)
    has_more = len(stories) > limit
    stories = stories[:limit]
    next_cursor = Cursor.of(stories[-1]) if stories else cursor
    found = items_for_pages(stories, base_url=request.build_absolute_uri("/"))
    body = formatter.render_items(
        found,
        title=f"{account}: syndication",
        url=request.build_absolute_uri(request.path),
    )
    if formatter.media_type == "application/json":
        body = with_paging(json.loads(body), next_cursor, has_more)

    response = HttpResponse(body, content_type=f"{formatter.media_type}; charset=utf-8")
    response["X-Has-More"] = "true" if has_more else "false"
    if next_cursor is not None:
        response["X-Next-Cursor"] = str(next_cursor)
        query = urlencode({**request.GET.dict(), "since": str(next_cursor)})
        response["Link"] = f'<{request.build_absolute_uri(request.path)}?{query}>; rel="next"'
    response["Cache-Control"] = "private, no-store"
    return response


def with_paging(document, next_cursor, has_more):
    """JSON formats carry the paging in the body too: a list is wrapped, a dict's meta grows."""
    paging = {"next_cursor": str(next_cursor) if next_cursor else None, "has_more": has_more}
    if isinstance(document, dict):
        document.setdefault("meta", {}).update(paging)
    else:
        document = {"items": document, **paging}
    return json.dumps(document, ensure_ascii=False).encode()
