"""The stories' HTML as XHTML elements, for formats that carry the text as XML."""

import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

XHTML = "http://www.w3.org/1999/xhtml"


def xhtml_body(html, title=""):
    """An <html> element in the XHTML namespace holding `html` as its body.

    Python's HTML parser closes what the text leaves open and decodes entities such as
    &nbsp; that XML does not know, so any stored rich text becomes well-formed XML.
    """
    root = ET.Element(f"{{{XHTML}}}html")
    head = ET.SubElement(root, f"{{{XHTML}}}head")
    ET.SubElement(head, f"{{{XHTML}}}title").text = title
    body = ET.SubElement(root, f"{{{XHTML}}}body")
    append_children(body, BeautifulSoup(html, "html.parser"))
    return root


def append_children(parent, node):
    last = None
    for child in node.children:
        if isinstance(child, Comment | Doctype | ProcessingInstruction):
            continue
        if isinstance(child, NavigableString):
            if last is None:
                parent.text = (parent.text or "") + str(child)
            else:
                last.tail = (last.tail or "") + str(child)
        elif isinstance(child, Tag):
            attributes = {
                name: " ".join(value) if isinstance(value, list) else value
                for name, value in child.attrs.items()
                if ":" not in name  # prefixed names would need namespaces XHTML lacks
            }
            last = ET.SubElement(parent, f"{{{XHTML}}}{child.name.lower()}", attributes)
            append_children(last, child)
