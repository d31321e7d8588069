"""IPTC NewsML-G2 2.33: one story a newsItem, many a newsMessage holding their newsItems."""

import xml.etree.ElementTree as ET

from django.utils import timezone

from .base import iso
from .xhtml import xhtml_body

NAR = "http://iptc.org/std/nar/2006-10-01/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STANDARD_VERSION = "2.33"
CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
PROVIDER = "Network News"

ET.register_namespace("", NAR)
ET.register_namespace("html", "http://www.w3.org/1999/xhtml")


def nar(name):
    return f"{{{NAR}}}{name}"


def child(parent, name, text=None, **attributes):
    element = ET.SubElement(parent, nar(name), {k: v for k, v in attributes.items() if v})
    if text is not None:
        element.text = text
    return element


def news_item(item):
    root = ET.Element(
        nar("newsItem"),
        {
            "guid": item.guid,
            "version": str(item.version),
            "standard": "NewsML-G2",
            "standardversion": STANDARD_VERSION,
            "conformance": "power",
            XML_LANG: item.language,
        },
    )
    child(root, "catalogRef", href=CATALOG)
    rights = child(root, "rightsInfo")
    child(child(rights, "copyrightHolder", literal=PROVIDER), "name", PROVIDER)
    child(rights, "usageTerms", item.credit_line)
    item_meta(root, item)
    content_meta(root, item)
    content_set = child(root, "contentSet")
    inline = child(content_set, "inlineXML", contenttype="application/xhtml+xml")
    inline.append(xhtml_body(item.body_html, item.title))
    return root


def item_meta(root, item):
    meta = child(root, "itemMeta")
    child(meta, "itemClass", qcode="ninat:text")
    child(meta, "provider", literal=PROVIDER)
    child(meta, "versionCreated", iso(item.modified_at))
    child(meta, "firstCreated", iso(item.first_published_at))
    child(meta, "pubStatus", qcode="stat:usable")
    child(meta, "profile", item.kind)
    for note in item.notes:
        child(meta, "edNote", f"{note.kind} {iso(note.date)}: {note.text}", role=note.kind)
    if item.version > 1:
        # IPTC's signal for a corrected or updated version of an item sent before.
        child(meta, "signal", qcode="sig:update")
    child(meta, "link", rel="irel:seeAlso", href=item.url, contenttype="text/html")


def content_meta(root, item):
    meta = child(root, "contentMeta")
    child(meta, "contentCreated", iso(item.first_published_at))
    child(meta, "contentModified", iso(item.modified_at))
    for author in item.authors:
        creator = child(meta, "creator", uri=author.url, type=f"cpnat:{author.kind}")
        child(creator, "name", author.name)
    if not item.authors:
        child(child(meta, "creator", literal=item.byline), "name", item.byline)
    child(meta, "language", tag=item.language)
    for tag in item.tags or ():
        child(meta, "keyword", tag)
    if item.category:
        slug, name = item.category
        subject = child(meta, "subject", type="cpnat:abstract", literal=f"category:{slug}")
        child(subject, "name", name)
    for code, name in item.countries:
        subject = child(meta, "subject", type="cpnat:geoArea", literal=f"country:{code}")
        child(subject, "name", name)
    child(meta, "headline", item.title)
    child(meta, "by", item.byline)
    child(meta, "creditline", item.credit_line)
    child(meta, "description", item.lead, role="drol:summary")


def document(element):
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


class NewsmlFormatter:
    name = "newsml"
    media_type = "application/vnd.iptc.g2.newsitem+xml"

    def render_item(self, item):
        return document(news_item(item))

    def render_items(self, items, *, title, url):
        message = ET.Element(nar("newsMessage"))
        header = child(message, "header")
        child(header, "sent", iso(timezone.now()))
        child(header, "origin", title)
        item_set = child(message, "itemSet")
        for item in items:
            item_set.append(news_item(item))
        return document(message)
