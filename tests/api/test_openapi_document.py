"""/api/openapi.json describes the partner APIs as the code answers them: the parameters each
operation accepts and the values it allows (test_openapi_conformance.py checks the answers)."""

import json
from typing import get_args

import pytest
import schemathesis
import yaml
from django.conf import settings
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.images import get_image_model
from wagtail.models import get_page_models

from cms.api.endpoints import (
    CategoriesAPIViewSet,
    CountriesAPIViewSet,
    NewsroomImagesAPIViewSet,
    NewsroomPagesAPIViewSet,
)
from cms.api.openapi import DOCUMENT, openapi_document
from cms.syndication.api import DEFAULT_LIMIT, MAX_LIMIT
from cms.syndication.formatters import FORMATS
from cms.taxonomy.models import Category, Country

LISTINGS = {
    "/api/v2/pages/": (NewsroomPagesAPIViewSet, get_page_models()),
    "/api/v2/images/": (NewsroomImagesAPIViewSet, [get_image_model()]),
    "/api/v2/categories/": (CategoriesAPIViewSet, [Category]),
    "/api/v2/countries/": (CountriesAPIViewSet, [Country]),
}


def operation(path):
    return openapi_document()["paths"][path]["get"]


def resolved(item):
    """A parameter or schema, following its $ref within the document."""
    while "$ref" in item:
        node = openapi_document()
        for part in item["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        item = node
    return item


def query_parameters(path):
    parameters = (resolved(p) for p in operation(path)["parameters"])
    return {p["name"]: resolved(p["schema"]) for p in parameters if p["in"] == "query"}


@pytest.mark.django_db
def test_the_document_is_served_as_json_and_as_written(client):
    as_json = client.get("/api/openapi.json")
    as_yaml = client.get("/api/openapi.yaml")

    assert as_json.status_code == as_yaml.status_code == 200
    assert as_json["Content-Type"] == "application/json"
    assert json.loads(as_json.content) == yaml.safe_load(DOCUMENT.read_text())
    assert as_yaml["Content-Type"].startswith("application/yaml")
    assert as_yaml.content == DOCUMENT.read_bytes()


def test_the_document_is_valid_openapi_3():
    schemathesis.openapi.from_dict(openapi_document()).validate()


@pytest.mark.parametrize("path", LISTINGS)
def test_a_listing_documents_exactly_the_parameters_it_accepts(path):
    viewset, models = LISTINGS[path]
    accepted = set(viewset.known_query_parameters)
    for model in models:
        # Wagtail matches any column among a type's API fields (?slug=, ?kind=print).
        accepted |= set(viewset.get_available_fields(model, db_fields_only=True))

    assert set(query_parameters(path)) == accepted


def test_the_documented_values_are_those_the_code_allows():
    languages = [code for code, _name in settings.LANGUAGES]
    schemas = openapi_document()["components"]["schemas"]
    parameters = query_parameters("/api/v2/pages/")
    pull = query_parameters("/api/syndication/v1/items/")

    assert schemas["LanguageCode"]["enum"] == languages
    assert set(schemas["PageType"]["enum"]) == {m._meta.label for m in get_page_models()}
    assert parameters["limit"]["maximum"] == getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    assert parameters["rich_text_format"]["enum"] == list(get_args(RichTextOutputFormat))
    assert set(pull["format"]["enum"]) == set(FORMATS)
    assert (pull["limit"]["maximum"], pull["limit"]["default"]) == (MAX_LIMIT, DEFAULT_LIMIT)
