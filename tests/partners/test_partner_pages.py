import pytest
from django.utils.html import escape
from wagtail.models import Page

from partners.models import PartnerPage


@pytest.mark.django_db
def test_partner_page_shows_carried_stories_in_its_language(client):
    partner = PartnerPage.objects.get(locale__language_code="ru", slug="neva-morning-post")
    originals = [link.page for link in partner.republications.all()]
    assert originals, "the demo partner carries some stories"
    expected = [
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale=partner.locale)
        .first()
        or page
        for page in originals
    ]

    response = client.get(partner.url)

    assert response.status_code == 200
    for story in expected:
        assert escape(story.title) in response.text
    assert "Россия" in response.text  # its country, in the page's language


@pytest.mark.django_db
def test_partner_index_lists_partners_of_its_locale_with_languages(client):
    response = client.get("/ar/partners/")
    partners = list(response.context["page_of_results"])
    assert len(partners) == 10
    assert all(partner.locale.language_code == "ar" for partner in partners)
    assert "البرتغالية" in response.text  # a partner language, named in Arabic
