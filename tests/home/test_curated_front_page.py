"""What readers see of a curated front page: the picks in their slots and order, the newest
stories where a slot is empty, expired or its story gone, the breaking-news banner until
its time, and caches (the page cache, the CDN) that never outlive a pick or a banner."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from articles.models import ArticlePage
from cms.demo.front_page import BANNERS, PICKS
from home.front_page import FrontPagePick
from interviews.models import InterviewPage
from tests.factories import make_article
from tests.loopback import PurgeRecorder, serving

CARD_LINKS = re.compile(r'class="story-card__title"><a href="([^"]+)"')


def newest(model, language, count):
    stories = model.objects.live().filter(locale__language_code=language)
    return list(stories.order_by("-first_published_at", "-pk")[:count])


def curate(home, stories, picks_until=None, **banner):
    """Publish the home page with these picks, as a chief editor's revision would."""
    home.front_page_picks = [FrontPagePick(story=story, until=picks_until) for story in stories]
    for name, value in banner.items():
        setattr(home, f"banner_{name}", value)
    home.save_revision().publish()


def top_cards(html):
    """Addresses of the cards in the top stories section, in order."""
    section = html.split('class="home-top"', 1)[1].split("</section>", 1)[0]
    return CARD_LINKS.findall(section)


def feed(html):
    return html.split('class="news-feed"', 1)[1].split("</ol>", 1)[0]


def read(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "ar", "am"])
def test_the_demo_curates_each_language_with_a_top_story_that_is_not_the_newest(client, language):
    html = read(client, language)

    picked = [
        story.url
        for slug in PICKS[language]
        for story in [
            page
            for model in (ArticlePage, InterviewPage)
            for page in model.objects.live().filter(locale__language_code=language, slug=slug)
        ]
    ]
    assert top_cards(html)[: len(picked)] == picked
    assert picked[0] != newest(ArticlePage, language, 1)[0].url
    banner = html.split('role="region"', 1)[1].split("</div>", 1)[0]
    assert escape(BANNERS[language]) in banner
    assert f'href="{picked[0]}"' in banner


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_newer_story_leaves_the_demos_top_story_in_place(client, home_pages, language):
    before = top_cards(read(client, language))
    article = ArticlePage.objects.live().filter(locale__language_code=language).first()
    story = make_article(article.get_parent(), category=article.category, published=timezone.now())

    html = read(client, language)

    assert top_cards(html)[0] == before[0]
    # The newest story still shows: in the first slot left to the newest, or in the feed.
    assert story.url in top_cards(html) or f'href="{story.url}"' in feed(html)


@pytest.mark.django_db
def test_picks_fill_the_slots_in_order_and_leave_the_latest_news(client, home_pages):
    russian = newest(ArticlePage, "ru", 8)
    picks = [russian[5], russian[2], russian[7]]
    curate(home_pages["ru"], picks)

    html = read(client, "ru")

    # Three picked slots, then the newest story not picked.
    assert top_cards(html) == [story.url for story in [*picks, russian[0]]]
    listed = feed(html)
    assert all(f'href="{story.url}"' not in listed for story in [*picks, russian[0]])
    assert f'href="{russian[1].url}"' in listed


@pytest.mark.django_db
def test_with_nothing_picked_the_newest_stories_lead(client, home_pages):
    curate(home_pages["ru"], [])

    html = read(client, "ru")

    assert top_cards(html) == [story.url for story in newest(ArticlePage, "ru", 4)]
    assert 'role="region"' in html  # the demo's banner is not a pick: it stays


@pytest.mark.django_db
def test_an_interview_can_be_picked_and_leaves_the_interviews_list(client, home_pages):
    interview = newest(InterviewPage, "ru", 1)[0]
    curate(home_pages["ru"], [interview])

    html = read(client, "ru")

    assert top_cards(html)[0] == interview.url
    interviews = html.split('id="interviews-heading"', 1)[1].split("</section>", 1)[0]
    assert f'href="{interview.url}"' not in interviews
    assert CARD_LINKS.findall(interviews)


@pytest.mark.django_db
def test_an_expired_pick_gives_its_slot_to_the_newest_story(client, home_pages):
    older = newest(ArticlePage, "ru", 6)[5]
    curate(home_pages["ru"], [older], picks_until=timezone.now() + timedelta(hours=1))
    assert top_cards(read(client, "ru"))[0] == older.url

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        html = read(client, "ru")

    assert top_cards(html)[0] == newest(ArticlePage, "ru", 1)[0].url
    assert f'href="{older.url}"' in feed(html)  # back among the latest news


@pytest.mark.django_db
def test_an_unpublished_pick_gives_its_slot_to_the_newest_story(client, home_pages):
    russian = newest(ArticlePage, "ru", 6)
    curate(home_pages["ru"], [russian[5], russian[4]])

    russian[5].unpublish()

    assert top_cards(read(client, "ru"))[:2] == [russian[0].url, russian[4].url]


@pytest.mark.django_db
def test_the_banner_links_its_page_or_address_until_its_time(client, home_pages):
    story = newest(ArticlePage, "ru", 3)[2]
    until = timezone.now() + timedelta(minutes=30)
    curate(home_pages["ru"], [], text="Срочно: порт закрыт из-за шторма", page=story, until=until)

    banner = read(client, "ru").split('role="region"', 1)[1].split("</div>", 1)[0]
    assert 'aria-labelledby="breaking-news-label"' in read(client, "ru")
    assert "Срочно: порт закрыт из-за шторма" in banner
    assert f'href="{story.url}"' in banner

    curate(home_pages["ru"], [], page=None, url="https://example.org/storm", until=until)
    assert 'href="https://example.org/storm"' in read(client, "ru")

    with time_machine.travel(until + timedelta(seconds=1)):
        html = read(client, "ru")
    assert 'role="region"' not in html
    assert "Срочно" not in html


@pytest.mark.django_db
def test_the_banner_keeps_its_line_but_drops_a_link_to_a_page_taken_down(client, home_pages):
    story = newest(ArticlePage, "ru", 3)[2]
    curate(home_pages["ru"], [], text="Обновление: мост открыт", page=story, url="")

    story.unpublish()

    banner = read(client, "ru").split('role="region"', 1)[1].split("</div>", 1)[0]
    assert "Обновление: мост открыт" in banner
    assert "<a " not in banner


@pytest.mark.django_db
def test_each_language_keeps_its_own_front_page(client, home_pages):
    english_before = top_cards(read(client, "en"))
    russian = newest(ArticlePage, "ru", 6)
    curate(home_pages["ru"], [russian[5]], text="Только по-русски")

    assert top_cards(read(client, "en")) == english_before
    assert "Только по-русски" not in read(client, "en")
    assert top_cards(read(client, "ru"))[0] == russian[5].url


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.mark.django_db
def test_a_cached_front_page_is_not_kept_past_a_picks_time(client, home_pages, page_cache):
    older = newest(ArticlePage, "ru", 6)[5]
    until = timezone.now() + timedelta(minutes=2)
    curate(home_pages["ru"], [older], picks_until=until)

    first = client.get("/ru/")
    again = client.get("/ru/")
    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    assert top_cards(again.content.decode())[0] == older.url

    with time_machine.travel(until + timedelta(seconds=1)):
        after = client.get("/ru/")

    assert after["X-Page-Cache"] == "miss"
    assert top_cards(after.content.decode())[0] == newest(ArticlePage, "ru", 1)[0].url


@pytest.mark.django_db
def test_a_cached_front_page_is_not_kept_past_its_banners_time(client, home_pages, page_cache):
    until = timezone.now() + timedelta(minutes=5)
    curate(home_pages["ru"], [], text="Внимание: перекрыта трасса", until=until)

    assert "Внимание" in client.get("/ru/").content.decode()
    assert client.get("/ru/")["X-Page-Cache"] == "hit"
    with time_machine.travel(until + timedelta(seconds=1)):
        after = client.get("/ru/")

    assert after["X-Page-Cache"] == "miss"
    assert "Внимание" not in after.content.decode()


def s_maxage(response):
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))


@pytest.mark.django_db
def test_the_cdn_is_told_to_keep_the_front_page_no_longer_than_its_next_change(
    client, home_pages, page_cache, settings
):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        curate(home_pages["ru"], [], text="Срочно", until=start + timedelta(minutes=10))
        assert s_maxage(client.get("/ru/")) == 600
    with time_machine.travel(start + timedelta(minutes=4), tick=False):
        kept = client.get("/ru/")
    # Served from the page cache, the time left is counted from now.
    assert kept["X-Page-Cache"] == "hit"
    assert s_maxage(kept) == 360
    # A front page with no pick or banner running out keeps the usual time (the demo's).
    assert s_maxage(client.get("/en/")) == settings.FRONTEND_CACHE_SECONDS


@pytest.mark.django_db
def test_publishing_the_front_page_purges_the_cached_page_and_the_cdn(
    client, home_pages, page_cache, settings
):
    PurgeRecorder.purged = []
    with serving(PurgeRecorder) as server:
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": server.url,
            }
        }
        client.get("/ru/")
        assert client.get("/ru/")["X-Page-Cache"] == "hit"
        older = newest(ArticlePage, "ru", 6)[5]

        curate(home_pages["ru"], [older])

        after = client.get("/ru/")
    assert after["X-Page-Cache"] == "miss"
    assert top_cards(after.content.decode())[0] == older.url
    assert "/ru/" in {path for _host, path in PurgeRecorder.purged}


def first_read(client, language):
    """Queries of the front page's first reader, the facts every page reads kept already
    (as tests/core/test_query_budgets.py counts)."""
    cache.clear()
    client.get(f"/{language}/no-such-page/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/{language}/").status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "en"])
def test_picks_and_banner_cost_the_front_page_no_query(client, home_pages, language):
    curated = first_read(client, language)

    curate(home_pages[language], [], text="", page=None)

    assert first_read(client, language) == curated
