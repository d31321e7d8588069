"""A byline's names as one line of text, in a language's own way of listing them."""

from django.utils import translation
from django.utils.translation import pgettext


def list_separator():
    # Arabic and Persian write "، ", Chinese "、": the catalogue holds each language's own.
    return pgettext("separator between items of a short list", ", ")


def names_of(authors, language=None):
    """ "Anna Petrova, Ivan Sokolov" in `language` (the active one by default); "" for none."""
    with translation.override(language or translation.get_language()):
        separator = list_separator()
    return separator.join(author.name for author in authors)
