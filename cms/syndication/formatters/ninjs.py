"""IPTC ninjs 2.1 (News in JSON): one story an object, many a JSON array."""

import json
import uuid

from .base import iso

NINJS_VERSION = "2.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
PROVIDER = "Network News"


def ninjs_item(item):
    data = {
        "uri": item.guid,
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "profile": item.kind,
        "version": str(item.version),
        "firstcreated": iso(item.first_published_at),
        "versioncreated": iso(item.modified_at),
        "pubstatus": "usable",
        "language": item.language,
        "headlines": [{"role": "main", "value": item.title}],
        "descriptions": [{"role": "summary", "contenttype": "text/plain", "value": item.lead}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": item.body_html,
                "charcount": len(item.body_text),
                "wordcount": len(item.body_text.split()),
            },
            {"role": "main", "contenttype": "text/plain", "value": item.body_text},
        ],
        "by": item.byline,
        "copyrightholder": PROVIDER,
        "copyrightnotice": item.credit_line,
        "usageterms": item.credit_line,
        "infosources": [{"name": PROVIDER, "role": "originator"}],
        "renditions": [{"name": "web", "href": item.url, "contenttype": "text/html"}],
        "altids": [{"role": "page-id", "value": str(item.page_id)}],
    }
    # ninjs has no field for corrections: they travel as descriptions with their role, so
    # a partner's editor sees what changed and when.
    data["descriptions"] += [
        {"role": note.kind, "contenttype": "text/plain", "value": f"{iso(note.date)} {note.text}"}
        for note in item.notes
    ]
    subjects = []
    if item.category:
        slug, name = item.category
        subjects.append({"name": name, "literal": f"category:{slug}", "rel": "category"})
    subjects += [
        {"name": tag, "literal": f"tag:{tag}", "rel": "keyword"} for tag in item.tags or ()
    ]
    if subjects:
        data["subjects"] = subjects
    if item.countries:
        data["places"] = [
            {"name": name, "literal": f"country:{code}", "rel": "about"}
            for code, name in item.countries
        ]
    if item.image:
        data["associations"] = [picture(item)]
    return data


def picture(item):
    image = item.image
    association = {
        "name": "featureimage",
        # A UUID URN of its own, derived from the story's: stable as the story's is.
        "uri": uuid.uuid5(uuid.UUID(item.guid.removeprefix("urn:uuid:")), "featureimage").urn,
        "type": "picture",
        "renditions": [
            {
                "name": "web",
                "href": image.url,
                "contenttype": "image/jpeg",
                "width": image.width,
                "height": image.height,
            }
        ],
    }
    if image.caption:
        association["descriptions"] = [{"role": "caption", "value": image.caption}]
    if image.credit:
        association["by"] = image.credit
    return association


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


class NinjsFormatter:
    name = "ninjs"
    media_type = "application/json"

    def render_item(self, item):
        return dumps(ninjs_item(item))

    def render_items(self, items, *, title, url):
        return dumps([ninjs_item(item) for item in items])
