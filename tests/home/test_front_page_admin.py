"""Curating a front page in the admin: who may, the form's refusals, preview, publication
with its audit log, and each language's front page kept through translation upkeep."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from articles.models import ArticleIndexPage, ArticlePage
from cms.localization.desk import translators_desk
from home.models import HomePage

User = get_user_model()


def as_user(client, username):
    client.force_login(User.objects.get(username=username))
    return client


def edit_url(home):
    return reverse("wagtailadmin_pages:edit", args=[home.pk])


def refused(response):
    """Wagtail refuses with 403, or sends a browser back to the dashboard saying why."""
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def newest(language, count):
    stories = ArticlePage.objects.live().filter(locale__language_code=language)
    return list(stories.order_by("-first_published_at", "-pk")[:count])


def front_page_form(home, stories, until="", action="action-publish", **banner):
    """The edit form as the admin posts it: the page's current picks removed, these added."""
    current = list(home.front_page_picks.all())
    forms = [
        {"id": pick.pk, "story": pick.story_id, "ORDER": n, "DELETE": "1"}
        for n, pick in enumerate(current)
    ]
    forms += [
        {"id": "", "story": story.pk, "until": until, "ORDER": len(current) + n}
        for n, story in enumerate(stories)
    ]
    data = {
        "title": home.title,
        "slug": home.slug,
        "front_page_picks": inline_formset(forms, initial=len(current)),
        "banner_text": "",
        "banner_page": "",
        "banner_url": "",
        "banner_until": "",
        "comments": inline_formset([]),
        action: action,
    }
    data.update({f"banner_{name}": value for name, value in banner.items()})
    return nested_form_data(data)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("username", ["reporter", "editor", "translator-ru", "translator-ar"])
def test_only_chief_editors_open_a_home_pages_editor(client, home_pages, username, language):
    response = as_user(client, username).get(edit_url(home_pages[language]))

    refused(response)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "ar"])
@pytest.mark.parametrize("username", ["chief", "admin"])
def test_chief_editors_curate_every_languages_front_page_in_its_editor(
    client, home_pages, username, language
):
    response = as_user(client, username).get(edit_url(home_pages[language]))

    assert response.status_code == 200
    html = response.content.decode()
    # Wagtail's page editor with the front page tab, not wagtail-localize's segment editor.
    assert 'name="front_page_picks-TOTAL_FORMS"' in html
    assert 'name="banner_text"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["reporter", "translator-ru"])
def test_others_cannot_publish_a_front_page_by_posting_the_form(client, home_pages, username):
    home = home_pages["ru"]
    before = list(home.front_page_picks.values_list("story_id", flat=True))

    response = as_user(client, username).post(
        edit_url(home), front_page_form(home, newest("ru", 1), text="Взлом")
    )

    refused(response)
    home.refresh_from_db()
    assert list(home.front_page_picks.values_list("story_id", flat=True)) == before
    assert home.banner_text != "Взлом"


@pytest.mark.django_db
def test_a_chief_editor_publishes_picks_and_banner_with_an_audit_entry(
    client, home_pages, django_capture_on_commit_callbacks, mailoutbox
):
    home = home_pages["en"]
    stories = newest("en", 10)[7:9]
    until = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    desk_before = [(pile.name, pile.count) for pile in translators_desk(Locale.objects.all())]

    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(client, "chief").post(
            edit_url(home),
            front_page_form(home, stories, until=until, text="Live: the summit opens", url=""),
        )

    assert response.status_code == 302
    home = HomePage.objects.get(pk=home.pk)
    assert list(home.front_page_picks.values_list("story_id", flat=True)) == [
        story.pk for story in stories
    ]
    assert all(pick.until is not None for pick in home.front_page_picks.all())
    entry = PageLogEntry.objects.filter(page=home, action="wagtail.publish").latest("timestamp")
    assert entry.user.username == "chief"
    html = client.get("/en/").content.decode()
    assert "Live: the summit opens" in html
    # The home page is no story: translators are neither mailed nor given work for it.
    assert not [message for message in mailoutbox if "translate" in message.subject.lower()]
    desk_after = [(pile.name, pile.count) for pile in translators_desk(Locale.objects.all())]
    assert desk_after == desk_before


@pytest.mark.django_db
def test_the_form_refuses_picks_readers_could_not_see_there(client, home_pages):
    home = home_pages["en"]
    english = newest("en", 3)
    russian = newest("ru", 1)[0]
    draft = english[2]
    draft.unpublish()
    section = ArticleIndexPage.objects.get(locale=home.locale, slug="news")
    chief = as_user(client, "chief")
    revisions = home.revisions.count()

    refusals = {
        "Choose a story in the language of this home page.": [russian],
        "Choose a story readers can see": [draft],
        "This story is already on the front page.": [english[0], english[0]],
        "Choose a story: an article or an interview.": [section],
    }
    for message, stories in refusals.items():
        response = chief.post(edit_url(home), front_page_form(home, stories))
        assert response.status_code == 200, message
        assert message in response.content.decode()

    response = chief.post(
        edit_url(home),
        front_page_form(home, [], text="", url="https://example.org/", page=english[0].pk),
    )
    html = response.content.decode()
    assert "Link to a page or to an address, not both." in html
    assert "Write the banner&#x27;s text, or clear its link and time." in html
    assert home.revisions.count() == revisions


@pytest.mark.django_db
def test_the_preview_shows_the_drafts_picks_and_readers_the_live_ones(client, home_pages):
    home = home_pages["ru"]
    live_top = client.get("/ru/").context["top_story"]
    draft_top = newest("ru", 10)[9]
    chief = as_user(client, "chief")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[home.pk])

    posted = chief.post(url, front_page_form(home, [draft_top], text="Черновик"))
    assert posted.json()["is_valid"]
    preview = chief.get(url).content.decode()

    assert draft_top.url in preview.split('class="home-top"', 1)[1].split("</article>", 1)[0]
    assert "Черновик" in preview
    client.logout()
    assert client.get("/ru/").context["top_story"].pk == live_top.pk


def english_home_source():
    english = HomePage.objects.get(locale__language_code="en")
    source, _created = TranslationSource.update_or_create_from_instance(english)
    return english, source


@pytest.mark.django_db
def test_updating_a_home_pages_translation_keeps_that_languages_front_page(
    home_pages, django_capture_on_commit_callbacks
):
    russian = home_pages["ru"]
    russian_picks = list(russian.front_page_picks.values_list("story_id", flat=True))
    russian_banner = russian.banner_text
    english = home_pages["en"]
    english.banner_text = "English only: the summit opens"
    english.front_page_picks = []
    english.save_revision().publish()
    english, source = english_home_source()
    translation = Translation.objects.get(source=source, target_locale=russian.locale)
    translation.enabled = True  # a chief editor restarts the synced translation
    translation.save()

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    russian = HomePage.objects.get(pk=russian.pk)
    assert list(russian.front_page_picks.values_list("story_id", flat=True)) == russian_picks
    assert russian.banner_text == russian_banner
    assert russian.title != english.title  # its translated title is still its own
    # Nor is the English line offered to translators.
    assert not StringSegment.objects.filter(
        source=source, string__data__contains="English only"
    ).exists()


@pytest.mark.django_db
def test_a_new_translation_of_the_home_page_starts_with_an_empty_front_page(home_pages):
    english = home_pages["en"]
    assert english.front_page_picks.exists() and english.banner_text

    german = english.copy_for_translation(Locale.objects.create(language_code="de"))

    german = HomePage.objects.get(pk=german.pk)
    assert not german.front_page_picks.exists()
    assert german.banner_text == "" and german.banner_page is None
