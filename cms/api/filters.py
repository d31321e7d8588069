"""The query parameters of the partners' API. A value we cannot honour is a 400 saying why."""

import re
from types import SimpleNamespace

import regex
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale, get_page_models

from cms.taxonomy.models import Category, Country, PageCountry

SLUG = re.compile(r"^[-\w]+$", re.ASCII)
# Wagtail's database search fails with a 500 on a double quote or a NUL (SQLite), or on a
# query of only separators such as U+2028: words are all a partner's search needs.
NOT_IN_WORDS = regex.compile(r"[^\p{L}\p{M}\p{N}'-]+")
# Our parameters share their names with page fields (ArticlePage.category, PartnerPage.country)
# that Wagtail's field filter would read as primary keys.
TAXONOMY_PARAMETERS = ("category", "country")


def quoted(value):
    return repr(value[:40])


def locale_from(request):
    """The Locale that `?locale=` names, or None without the parameter."""
    code = request.GET.get("locale")
    if code is None:
        return None
    codes = [language for language, _name in settings.LANGUAGES]
    # Checked against the settings first: some databases refuse some strings (NUL) outright.
    locale = Locale.objects.filter(language_code=code).first() if code in codes else None
    if locale is None:
        raise BadRequestError(f"locale must be one of {', '.join(codes)}, not {quoted(code)}")
    return locale


class FieldsFilter(wagtail_filters.FieldsFilter):
    """Wagtail's `?field=value` filters, minus our taxonomy parameters; bad values are a 400."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET.copy()
        for name in TAXONOMY_PARAMETERS:
            query.pop(name, None)
        try:
            return super().filter_queryset(SimpleNamespace(GET=query), queryset, view)
        except ValidationError as error:
            # e.g. ?first_published_at=yesterday, which Wagtail lets through to a 500.
            raise BadRequestError(f"field filter error: {' '.join(error.messages)}") from error
        except (ValueError, TypeError) as error:
            raise BadRequestError(f"field filter error: {error}") from error


class SearchFilter(wagtail_filters.SearchFilter):
    """Wagtail's `?search=`, given only the words of the query."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        # The first 200 characters, as the readers' search page takes.
        words = NOT_IN_WORDS.sub(" ", request.GET["search"][:200]).split()
        if not words:
            raise BadRequestError("search must contain a word")
        if request.GET.get("search_operator", "or") not in ("and", "or"):
            raise BadRequestError('search_operator must be "and" or "or"')
        query = request.GET.copy()
        query["search"] = " ".join(words)
        return super().filter_queryset(SimpleNamespace(GET=query), queryset, view)


class LocaleFilter(BaseFilterBackend):
    """`?locale=ru`. Wagtail's own filter answers an unknown code with a 404."""

    def filter_queryset(self, request, queryset, view):
        locale = locale_from(request)
        return queryset if locale is None else queryset.filter(locale=locale)


class TaxonomyFilter(BaseFilterBackend):
    """`?category=<slug>` and `?country=<ISO code>`; pages of types without them drop out."""

    def filter_queryset(self, request, queryset, view):
        if "category" in request.GET:
            queryset = queryset.filter(in_category(request.GET["category"]))
        if "country" in request.GET:
            queryset = queryset.filter(in_country(request.GET["country"]))
        return queryset


def page_fields_linking(model):
    """(page model, field name) of every page foreign key to the model, e.g. story categories.

    Found rather than listed, so that a new story type is filterable as soon as it exists.
    """
    return [
        (page_model, field.name)
        for page_model in get_page_models()
        for field in page_model._meta.concrete_fields
        if field.is_relation and field.related_model is model and field.model is page_model
    ]


def in_category(slug):
    if not (SLUG.match(slug) and Category.objects.filter(slug=slug).exists()):
        raise BadRequestError(f"category must be the slug of a category, not {quoted(slug)}")
    condition = Q()
    for page_model, field in page_fields_linking(Category):
        pages = page_model.objects.filter(**{f"{field}__slug": slug})
        condition |= Q(pk__in=pages.values("pk"))
    return condition


def in_country(code):
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise BadRequestError(f"country must be a two-letter ISO 3166 code, not {quoted(code)}")
    code = code.upper()
    if not Country.objects.filter(code=code).exists():
        raise BadRequestError(f"no country has the code {code}")
    linked = PageCountry.objects.filter(country__code=code).values("page_id")
    condition = Q(pk__in=linked)
    for page_model, field in page_fields_linking(Country):
        pages = page_model.objects.filter(**{f"{field}__code": code})
        condition |= Q(pk__in=pages.values("pk"))
    return condition
