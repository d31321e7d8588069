"""Not found and server error pages answer in the reader's language and direction."""

import pytest
from bs4 import BeautifulSoup
from django.conf.urls.i18n import i18n_patterns
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext
from django.views.defaults import server_error

from cms.urls import urlpatterns as site_urlpatterns

LANGUAGES = ["en", "ru", "pt", "zh-hans", "hi", "ar", "fa", "am"]
RIGHT_TO_LEFT = {"ar", "fa"}


def failing_view(request):
    raise RuntimeError("a failure the reader must not see")


# The site's addresses plus one that fails, for the tests marked with this module's urls.
urlpatterns = i18n_patterns(path("failing/", failing_view), prefix_default_language=True)
urlpatterns += site_urlpatterns


def in_language(language, message):
    with translation.override(language):
        return gettext(message)


def direction(language):
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_has_the_site_chrome_in_the_reader_language(client, language):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    document = BeautifulSoup(response.content, "html.parser")
    assert document.html["lang"] == language
    assert document.html["dir"] == direction(language)
    assert document.h1.get_text() == in_language(language, "Page not found")
    assert document.find("header", class_="site-header").find("form", role="search")
    assert document.find("nav", class_="language-switcher")
    assert document.find("a", class_="site-logo")["href"] == f"/{language}/"
    assert document.find("footer", class_="site-footer")
    assert document.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.django_db
@pytest.mark.urls(__name__)
@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error_page_answers_in_the_reader_language(language):
    client = Client(raise_request_exception=False)

    response = client.get(f"/{language}/failing/")

    assert response.status_code == 500
    document = BeautifulSoup(response.content, "html.parser")
    assert document.html["lang"] == language
    assert document.html["dir"] == direction(language)
    front_page = document.find("a", href=f"/{language}/")
    assert front_page.get_text() == in_language(language, "Go to the front page")
    assert "a failure the reader must not see" not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "fa"])
def test_server_error_page_needs_no_database_and_no_context(language, django_assert_num_queries):
    """What Django's handler renders when the database itself is what failed."""
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language), django_assert_num_queries(0):
        response = server_error(request)
        bare = render_to_string("500.html")

    assert response.status_code == 500
    assert response.content.decode() == bare
    assert f'<html lang="{language}" dir="{direction(language)}">' in bare
    assert "<link" not in bare and "<script" not in bare  # nothing else to fetch
