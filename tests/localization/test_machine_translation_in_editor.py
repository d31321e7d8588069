"""The translation editor's machine-translate button, with the service mocked at HTTP."""

import json
from urllib.parse import parse_qs

import pytest
import responses
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from tests.localization.test_machine_translation import DEEPL_PRO_URL, payload

DEEPL = {
    "CLASS": "cms.localization.machine_translators.NewsroomDeepLTranslator",
    "OPTIONS": {"AUTH_KEY": "test-key"},
}


@pytest.fixture
def russian_draft(client, db, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEEPL
    client.force_login(get_user_model().objects.get(username="admin"))
    english = Page.objects.live().filter(locale__language_code="en", depth=4)
    source = english.exclude(
        translation_key__in=Page.objects.filter(locale__language_code="ru").values(
            "translation_key"
        )
    ).first()
    russian = Locale.objects.get(language_code="ru")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
        {"locales": [russian.pk]},
    )
    draft = source.get_translation(russian)
    return Translation.objects.get(
        source__object_id=source.translation_key, target_locale=russian
    ), draft


def press_machine_translate(client, translation, draft):
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    return client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": edit_url},
        follow=True,
    )


@pytest.mark.django_db
def test_a_refusing_service_leaves_the_translator_in_the_editor_with_a_message(
    client, russian_draft
):
    translation, draft = russian_draft
    with responses.RequestsMock() as http:
        http.post(DEEPL_PRO_URL, body=payload("deepl_403_forbidden.json"), status=403)
        response = press_machine_translate(client, translation, draft)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/admin/pages/{draft.pk}/edit/"
    assert "did not answer properly" in response.text
    assert not StringTranslation.objects.filter(
        locale=draft.locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()


@pytest.mark.django_db
def test_a_working_service_fills_the_segments(client, russian_draft):
    translation, draft = russian_draft
    segments = translation.source.stringsegment_set.count()

    def answer(request):
        texts = parse_qs(request.body)["text"]
        body = {
            "translations": [
                {"detected_source_language": "EN", "text": f"[ru] {t}"} for t in texts
            ]
        }
        return 200, {"Content-Type": "application/json"}, json.dumps(body)

    with responses.RequestsMock() as http:
        http.add_callback(responses.POST, DEEPL_PRO_URL, callback=answer)
        response = press_machine_translate(client, translation, draft)

    assert response.status_code == 200
    machine = StringTranslation.objects.filter(
        locale=draft.locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert machine.count() == segments
    assert all(t.data.startswith("[ru] ") for t in machine)
