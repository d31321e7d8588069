"""The page editor's language switcher: the translations Wagtail would offer, read with
the list (cms/editorial/edit_reads.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleIndexPage


def offered_and_expected(client, username, page):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    edit = f"/admin/pages/{page.pk}/edit/"
    client.get(edit)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(edit)
    assert response.status_code == 200
    offered = {entry["locale"].language_code for entry in response.context["translations"]}
    # Wagtail's rule, asked of each translation read whole.
    expected = {
        translation.locale.language_code
        for translation in page.get_translations().select_related("locale")
        if translation.permissions_for_user(user).can_edit()
    }
    return offered, expected, len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["editor", "chief", "admin"])
def test_the_language_switcher_offers_what_wagtail_would_at_no_cost_per_language(client, username):
    # The English section: its translations open in wagtail-localize's editor instead.
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")

    offered, expected, queries = offered_and_expected(client, username, news)

    assert offered == expected
    # Wagtail's switcher read two rows more for each of the seven other languages (47-49
    # on the demo; about 35 here).
    assert queries <= 40
