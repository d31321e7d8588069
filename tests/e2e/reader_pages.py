"""The demo pages the browser tests visit, in each script direction, and their addresses."""

import urllib.parse

LANGUAGES = ["en", "ar"]
# Slugs are shared by every language of a page in the demo newsroom.
PAGES = {
    "home": "",
    "section": "news/",
    "article": "news/novosibirsk-rail-container-hub/",
    "interview": "interviews/aswan-nubian-museum-curator/",
    "partner": "partners/abay-online/",
    "category": "categories/economics/",
    "country": "countries/br/",
    "search": "search/?q={query}",
    "newsletter": "newsletter/subscribe/",
}
SEARCHED = {"en": "port", "ar": "الصين"}  # words that find several stories in each language


def address(language, name):
    query = urllib.parse.quote(SEARCHED[language])
    return f"/{language}/{PAGES[name].format(query=query)}"
