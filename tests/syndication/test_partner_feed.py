"""The reader site's per-partner feed: what the partner republishes, in its languages."""

import feedparser
import pytest

from cms.distribution.items import credit_line, guid_for
from partners.models import PartnerPage
from tests.syndication.conftest import RUSSIAN_PARTNER, article_in, make_account, russian_article


def partner_slug(language, slug=RUSSIAN_PARTNER):
    english = PartnerPage.objects.get(slug=slug, locale__language_code="en")
    return PartnerPage.objects.get(
        translation_key=english.translation_key, locale__language_code=language
    ).slug


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.django_db
@pytest.mark.parametrize("format_name", ["rss", "atom"])
def test_the_partner_feed_lists_its_products_stories_with_full_text_and_credit(
    client, russian_news_product, format_name
):
    make_account(russian_news_product)
    story = russian_article(title="Лента партнёра")
    article_in("en")  # not in the partner's Russian-only product

    url = f"/ru/feeds/partners/{partner_slug('ru')}/{format_name}/"
    feed = read_feed(client, url)
    ids = [entry.id for entry in feed.entries]
    assert ids[0] == guid_for(story)
    assert all("/ru/" in entry.link for entry in feed.entries)
    entry = feed.entries[0]
    assert entry.title == "Лента партнёра"
    assert "Body text of a test article." in entry.content[0].value
    assert credit_line("ru") in entry.content[0].value
    # Signed as the public feeds sign it: the network's name in the story's language.
    assert entry.author == "Новости Сети"


@pytest.mark.django_db
def test_the_partner_feed_answers_under_the_partners_slug_in_each_language(
    client, russian_news_product
):
    make_account(russian_news_product)
    english = read_feed(client, f"/en/feeds/partners/{partner_slug('en')}/rss/")
    russian = read_feed(client, f"/ru/feeds/partners/{partner_slug('ru')}/rss/")
    assert [e.id for e in english.entries] == [e.id for e in russian.entries]


@pytest.mark.django_db
def test_an_unknown_partner_or_one_without_an_account_is_404(client, russian_news_product):
    make_account(russian_news_product)
    assert client.get("/ru/feeds/partners/no-such-partner/rss/").status_code == 404
    other = partner_slug("en", "zagros-daily")
    assert client.get(f"/en/feeds/partners/{other}/atom/").status_code == 404
