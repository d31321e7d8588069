"""The translation status report counts what the database holds, per locale."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

LANGUAGES = ["ru", "pt", "zh-hans", "hi", "ar", "fa", "am"]


def counts_from_database(language):
    # Sections and stories: each language's home page is its own front page.
    sources = Page.objects.live().filter(locale__language_code="en", depth__gt=2)
    live_translations = Page.objects.live().filter(
        locale__language_code=language,
        translation_key__in=sources.values("translation_key"),
    )
    translated = live_translations.count()
    return {"translated": translated, "out_of_date": 0, "missing": sources.count() - translated}


def counts_from_report(html, language):
    row = re.search(rf'<tr data-locale="{language}">(.*?)</tr>', html, re.S).group(1)
    return {state: int(count) for state, count in re.findall(r'data-count="(\w+)">(\d+)<', row)}


@pytest.mark.django_db
def test_report_counts_equal_the_database(admin_client):
    response = admin_client.get("/admin/translation-status/")
    assert response.status_code == 200
    for language in LANGUAGES:
        assert counts_from_report(response.text, language) == counts_from_database(language)


@pytest.mark.django_db
def test_report_counts_an_out_of_date_translation(admin_client):
    russian = Page.objects.live().filter(locale__language_code="ru", depth=4).first()
    source = russian.get_translation(russian.get_default_locale().get_default()).specific
    source.save_revision().publish()

    report = counts_from_report(admin_client.get("/admin/translation-status/").text, "ru")

    assert report["out_of_date"] == 1
    assert report["translated"] == counts_from_database("ru")["translated"] - 1


@pytest.mark.django_db
def test_a_front_page_curated_in_english_leaves_every_translation_up_to_date(admin_client):
    before = admin_client.get("/admin/translation-status/").text
    english_home = Page.objects.get(locale__language_code="en", depth=2).specific
    english_home.banner_text = "Polls open at eight"
    english_home.save_revision().publish()

    after = admin_client.get("/admin/translation-status/").text

    for language in LANGUAGES:
        assert counts_from_report(after, language) == counts_from_report(before, language)
        assert counts_from_report(after, language)["out_of_date"] == 0


@pytest.mark.django_db
def test_report_sorts_by_any_column(admin_client, django_capture_on_commit_callbacks):
    Page.objects.filter(locale__language_code="am", depth=4).first().specific.unpublish()

    ascending = admin_client.get("/admin/translation-status/?ordering=missing").text
    descending = admin_client.get("/admin/translation-status/?ordering=-missing").text
    order = re.findall(r'<tr data-locale="([^"]+)">', descending)

    assert order[0] == "am"
    assert re.findall(r'<tr data-locale="([^"]+)">', ascending)[-1] == "am"
    assert admin_client.get("/admin/translation-status/?ordering=nonsense").status_code == 200


@pytest.mark.django_db
def test_locale_page_links_each_page_to_its_translation_editor(admin_client):
    response = admin_client.get("/admin/translation-status/ru/?state=translated")
    assert response.status_code == 200
    russian = Page.objects.live().filter(locale__language_code="ru", depth=4).first()
    assert f"/admin/pages/{russian.pk}/edit/" in response.text

    missing = admin_client.get("/admin/translation-status/ru/?state=missing")
    assert "/admin/localize/submit/page/" in missing.text
    unknown = admin_client.get("/admin/translation-status/xx/", follow=True)
    assert unknown.redirect_chain == [("/admin/translation-status/", 302)]
    assert "no language" in unknown.text


def as_user(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.mark.django_db
def test_translator_reads_the_report_of_their_language_only(client):
    translator = as_user(client, "translator-ru")

    overview = translator.get("/admin/translation-status/")

    assert overview.status_code == 200
    assert re.findall(r'<tr data-locale="([^"]+)">', overview.text) == ["ru"]
    assert translator.get("/admin/translation-status/ar/").status_code == 403


@pytest.mark.django_db
def test_the_languages_translator_is_offered_to_start_a_translation_an_editor_is_not(client):
    missing = as_user(client, "translator-ru").get("/admin/translation-status/ru/?state=missing")
    assert missing.status_code == 200
    assert "/admin/localize/submit/page/" in missing.text
    assert "select_locale=ru" in missing.text

    missing = as_user(client, "editor").get("/admin/translation-status/ru/?state=missing")
    assert missing.status_code == 200
    assert "/admin/localize/submit/page/" not in missing.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "shown"),
    [("widgets", False), ("partners", False), ("reporter", False), ("translator-ru", True)],
)
def test_report_shows_in_the_menu_and_dashboard_only_to_those_who_may_read_it(
    client, username, shown
):
    dashboard = as_user(client, username).get("/admin/").text

    assert ("/admin/translation-status/" in dashboard) is shown


@pytest.mark.django_db
def test_a_languages_list_comes_a_page_of_rows_at_a_time(admin_client, monkeypatch):
    # A newsroom's archive is tens of thousands of pages: the list is paged, its rows are
    # every page of the state once, and the counts stay the report's.
    from cms.localization import views

    monkeypatch.setattr(views, "ROWS_PER_PAGE", 3)
    expected = counts_from_database("ru")["translated"]
    assert expected > 6

    seen, number = [], 1
    while True:
        response = admin_client.get(f"/admin/translation-status/ru/?state=translated&p={number}")
        rows = re.findall(r'href="/admin/pages/(\d+)/edit/"', response.text)
        assert 0 < len(rows) <= 3
        seen += rows
        assert f"Translated ({expected})" in response.text
        if len(seen) >= expected:
            break
        assert f"p={number + 1}" in response.text  # the next page is offered
        number += 1

    assert len(seen) == len(set(seen)) == expected
    beyond = admin_client.get(f"/admin/translation-status/ru/?state=translated&p={number + 5}")
    assert beyond.status_code == 200  # an address past the end shows the last page
