"""A story leaves the site as one item: the public feeds and every partner format agree."""

import uuid

import feedparser
import pytest

from cms.distribution.items import guid_for
from tests.syndication.conftest import (
    issue_key,
    make_account,
    make_product,
    pull,
    pull_all,
    russian_article,
)

FORMATS = ["ninjs", "newsml", "rss", "atom", "wagtail-api"]


def public_feed(client, path):
    return feedparser.parse(client.get(path).content)


@pytest.mark.django_db
def test_a_partner_reading_the_public_feed_and_the_pull_api_sees_one_identifier(client):
    story = russian_article(title="Один идентификатор")
    key = issue_key(make_account(make_product("Russian news", languages=["ru"])))

    public = public_feed(client, "/ru/feeds/rss/")
    public_ids = {entry.title: entry.id for entry in public.entries}
    pulled, _cursor = pull_all(client, key)
    pulled_ids = {item["headlines"][0]["value"]: item["uri"] for item in pulled}

    assert public_ids["Один идентификатор"] == pulled_ids["Один идентификатор"]
    assert public_ids["Один идентификатор"] == guid_for(story)
    # A UUID 5 URN: stable for the story in its language, whatever its title or address.
    parsed = uuid.UUID(guid_for(story).removeprefix("urn:uuid:"))
    assert parsed.version == 5 and parsed == uuid.uuid5(story.translation_key, "ru")


@pytest.mark.django_db
@pytest.mark.parametrize("name", FORMATS)
def test_every_partner_format_carries_the_public_feeds_identifier(client, name):
    story = russian_article(title="Во всех форматах")
    key = issue_key(make_account(make_product("Russian news", languages=["ru"])))

    body = pull(client, key, format=name, limit=200).content.decode()

    assert guid_for(story) in body
    assert "urn:newsroom:" not in body


@pytest.mark.django_db
def test_public_and_partner_feeds_sign_and_file_a_story_alike(client):
    story = russian_article(title="Одна подпись")
    key = issue_key(make_account(make_product("Russian news", languages=["ru"])))

    public = next(
        e for e in public_feed(client, "/ru/feeds/rss/").entries if e.id == guid_for(story)
    )
    partner = next(
        e
        for e in feedparser.parse(pull(client, key, format="rss", limit=200).content).entries
        if e.id == guid_for(story)
    )

    assert public.author == partner.author == "Новости Сети"
    assert [tag.term for tag in public.tags] == [tag.term for tag in partner.tags]
    assert story.category.name in [tag.term for tag in public.tags]
