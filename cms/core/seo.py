"""schema.org structured data (JSON-LD) for the reader's pages, built as plain dicts.

The builders take values already resolved (absolute URLs, renditions, the language), so
they run no queries of their own; `templatetags/seo_tags.py` gathers those values.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

SCHEMA = "https://schema.org"
HEADLINE_LENGTH = 110  # Google ignores an article whose headline is longer
# The first is the feeds' and the API's rendition too, so one file serves them all; Google
# asks for 16:9, 4:3 and 1:1 pictures at least 1200 wide (our pictures are 16:9).
STORY_RENDITIONS = [
    "width-1200|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
]
# Inside <script>, "</script>" or "<!--" in a headline would end or derail the element;
# JSON allows each of these characters escaped, so the data reads the same.
SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_ld(data):
    """The data as JSON safe to put between <script type="application/ld+json"> tags."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(SCRIPT_ESCAPES))


def iso_duration(seconds):
    """ISO 8601 duration: 842 -> "PT14M2S"."""
    hours, rest = divmod(int(seconds or 0), 3600)
    minutes, seconds = divmod(rest, 60)
    units = ((hours, "H"), (minutes, "M"), (seconds, "S"))
    return "PT" + ("".join(f"{value}{unit}" for value, unit in units if value) or "0S")


def iso_datetime(value):
    return value.isoformat() if value else None


def image_object(url, width, height):
    return {"@type": "ImageObject", "url": url, "width": width, "height": height}


def organization(name, url, logo):
    """The network, as the author and publisher of every story; `logo` an image_object."""
    return {"@type": "Organization", "name": name, "url": url, "logo": logo}


def author(name, url, *, person=True, same_as=()):
    """Who signs a story: a Person, or an Organization for an agency credit."""
    data = {"@type": "Person" if person else "Organization", "name": name, "url": url}
    if same_as:
        data["sameAs"] = list(same_as)
    return data


def news_article(
    page, *, url, language, images, publisher, authors=(), keywords=(), video_id=None
):
    """A NewsArticle for an article or an interview (a StoryPage); signed by `authors`
    (author() dicts), or else by the publisher."""
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": Truncator(page.title).chars(HEADLINE_LENGTH),
        "description": page.lead,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": language,
        "datePublished": iso_datetime(page.first_published_at),
        "dateModified": iso_datetime(page.modified_at),
        "author": list(authors) or publisher,
        "publisher": publisher,
        "isAccessibleForFree": True,
    }
    if images:
        data["image"] = images
    if page.category:
        data["articleSection"] = page.category.name
    if page.countries:
        data["about"] = [
            {"@type": "Country", "name": country.name, "identifier": country.code}
            for country in page.countries
        ]
    if keywords:
        data["keywords"] = list(keywords)
    if video_id:
        data["video"] = {"@id": video_id}
    return data


def video_object(page, *, url, language, thumbnails, content_url="", embed_url=""):
    """A VideoObject for a story with a video: the uploaded recording or the embedded player."""
    data = {
        "@context": SCHEMA,
        "@type": "VideoObject",
        "@id": f"{url}#video",
        "name": page.title,
        "description": page.lead,
        "thumbnailUrl": thumbnails,
        "uploadDate": iso_datetime(page.first_published_at),
        "duration": iso_duration(page.video_duration),
        "inLanguage": language,
        "url": url,
    }
    if content_url:
        data["contentUrl"] = content_url
    if embed_url:
        data["embedUrl"] = embed_url
    return data


def breadcrumb_list(trail):
    """A BreadcrumbList from (name, absolute URL) pairs, the home page first."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def website(*, name, url, language, search_url, publisher):
    """The site of one language, with the search box crawlers may offer (a SearchAction)."""
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": name,
        "url": url,
        "inLanguage": language,
        "publisher": publisher,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search_url}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }
