"""The story as Wagtail's API v2 shows a page at /api/v2/pages/<id>/, field for field.

Built from the item rather than by the API's serializers, which need a request through the
API's router; the names and nesting follow what NewsroomPagesAPIViewSet answers.
"""

import json

from .base import iso


def api_page(item):
    data = {
        "id": item.page_id,
        "meta": {
            "type": item.page_type,
            "detail_url": None,
            "html_url": item.url,
            "slug": item.url.rstrip("/").rsplit("/", 1)[-1],
            "first_published_at": iso(item.first_published_at),
            "locale": item.language,
            # Beyond Wagtail's fields: what a partner needs to replace an earlier copy.
            "guid": item.guid,
            "version": item.version,
            "credit_line": item.credit_line,
        },
        "title": item.title,
        "lead": item.lead,
        "last_published_at": iso(item.modified_at),
        "category": (
            {"slug": item.category[0], "name": item.category[1]} if item.category else None
        ),
        "countries": [{"code": code, "name": name} for code, name in item.countries],
        "authors": [
            {
                "name": author.name,
                "slug": author.slug,
                "kind": author.kind,
                "role": author.role,
                "url": author.url,
            }
            for author in item.authors
        ],
        "hero_image_rendition": (
            {
                "url": item.image.url,
                "full_url": item.image.url,
                "width": item.image.width,
                "height": item.image.height,
                "alt": item.image.caption,
            }
            if item.image
            else None
        ),
        "hero_caption": item.image.caption if item.image else "",
        "photo_credit": item.image.credit if item.image else "",
        "body": item.body_html,
        "notes": [
            {"kind": note.kind, "date": iso(note.date), "text": note.text} for note in item.notes
        ],
    }
    if item.tags is not None:
        data["tags"] = list(item.tags)
    return data


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


class WagtailApiFormatter:
    name = "wagtail-api"
    media_type = "application/json"

    def render_item(self, item):
        return dumps(api_page(item))

    def render_items(self, items, *, title, url):
        return dumps({"meta": {"total_count": len(items)}, "items": [api_page(i) for i in items]})
