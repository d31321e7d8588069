"""Whatever a reader or a script sends to a public address, the answer is 2xx, 3xx or 4xx:
never a server error, and nothing logged as one. Search, the API's listed bad parameters
and the subscribe form's fields have their own suites (tests/search, tests/api,
tests/newsletter); this one covers addresses, pagination, feeds, the API's parameters in
any combination, and the newsletter's links."""

import logging
import urllib.parse

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LANGUAGES = ["en", "ru", "pt", "zh-hans", "hi", "ar", "fa", "am"]
LISTINGS = ["news/", "interviews/", "partners/", "categories/economics/", "countries/br/"]
FEEDS = ["feeds/rss/", "feeds/news/atom/", "feeds/categories/economics/rss/"]
HOSTILE_SEGMENTS = [
    "..",
    "%2e%2e",
    "%2e%2e%2f",
    "..%2f..%2fetc%2fpasswd",
    "%00",
    "%c0%ae%c0%ae",
    "%ff%fe",
    "%e2%80%ae",  # right-to-left override
    "\u202egpj.exe",
    "آخر-الأخبار",
    "новости",
    "😀-story",
    "a" * 300,
    "<script>",
    "'\"",
    "%0d%0aSet-Cookie:x=1",
    "~",
    ";",
    "&",
    "*",
]
LOCALE_PREFIXES = ["xx", "en-US", "EN", "en-us", "zh-Hans", "zh", "ar-SA", "", "..", "%2e%2e"]
PAGE_NUMBERS = ["-1", "0", str(10**9), str(10**30), "abc", "1e3", "", "1.5", "%00", "٣", "²"]

hypothesis_settings = settings(
    max_examples=500,  # five properties, 2,500 inputs: about 25 s of a suite on SQLite
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class ErrorLog(logging.Handler):
    """Every ERROR logged while a request is answered (Django logs 500s at django.request)."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def reader():
    """A client that answers like the real server would: exceptions become 500s."""
    handler = ErrorLog()
    logging.getLogger().addHandler(handler)
    cache.clear()
    client = Client(raise_request_exception=False)

    def get(path, **kwargs):
        response = client.get(path, **kwargs)
        logged = [handler.format(record) for record in handler.records]
        assert response.status_code < 500, f"{path} answered {response.status_code}"
        assert not logged, f"{path} logged errors: {logged}"
        return response

    def post(path, data, **kwargs):
        response = client.post(path, data, **kwargs)
        logged = [handler.format(record) for record in handler.records]
        assert response.status_code < 500, f"{path} answered {response.status_code}"
        assert not logged, f"{path} logged errors: {logged}"
        return response

    get.post = post
    yield get
    logging.getLogger().removeHandler(handler)
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", LOCALE_PREFIXES)
@pytest.mark.parametrize("segment", HOSTILE_SEGMENTS)
def test_hostile_addresses_are_never_a_server_error(reader, prefix, segment):
    reader(f"/{prefix}/{segment}/")
    reader(f"/{prefix}/news/{segment}/")


@pytest.mark.django_db
@pytest.mark.parametrize("segment", HOSTILE_SEGMENTS)
def test_hostile_feed_and_sitemap_addresses_are_never_a_server_error(reader, segment):
    reader(f"/en/feeds/categories/{segment}/rss/")
    reader(f"/ar/feeds/countries/{segment}/atom/")
    reader(f"/sitemap-{segment}.xml")
    reader(f"/api/v2/pages/{segment}/")
    reader(f"/en/newsletter/confirm/{segment}/")
    reader(f"/en/newsletter/unsubscribe/{segment}/")


def test_a_very_long_address_is_not_a_server_error(reader, db):
    reader("/en/" + "segment/" * 2_000)
    reader("/en/news/?" + "page=1&" * 5_000)


@pytest.mark.django_db
@pytest.mark.parametrize("listing", LISTINGS)
@pytest.mark.parametrize("number", PAGE_NUMBERS)
def test_any_page_number_on_a_listing_shows_a_page_of_it(reader, listing, number):
    response = reader(f"/en/{listing}?page={number}")

    # Paginator.get_page(): nonsense is the first page, past the end is the last.
    assert response.status_code == 200


@pytest.mark.django_db
@hypothesis_settings
@given(
    language=st.sampled_from(LANGUAGES),
    path=st.lists(
        st.one_of(st.sampled_from(HOSTILE_SEGMENTS), st.text(min_size=1, max_size=20)),
        min_size=1,
        max_size=4,
    ),
)
def test_any_path_under_a_language_is_never_a_server_error(reader, language, path):
    quoted = "/".join(urllib.parse.quote(segment, safe="") for segment in path)
    reader(f"/{language}/{quoted}/")


@pytest.mark.django_db
@hypothesis_settings
@given(
    address=st.sampled_from([*LISTINGS, *FEEDS, "search/", "news-sitemap.xml"]),
    parameters=st.dictionaries(
        st.sampled_from(["page", "q", "category", "country", "type", "locale", "format", "x"]),
        st.one_of(st.sampled_from(PAGE_NUMBERS), st.text(max_size=40)),
        max_size=4,
    ),
)
def test_any_query_string_on_listings_and_feeds_is_never_a_server_error(
    reader, address, parameters
):
    reader(f"/ar/{address}", data=parameters)


API_PARAMETERS = [
    "type",
    "fields",
    "order",
    "limit",
    "offset",
    "locale",
    "category",
    "country",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "id",
    "slug",
    "search",
    "search_operator",
    "first_published_at",
    "html_path",
    "is_member",
    "code",
    "width",
]
API_VALUES = st.one_of(
    st.text(max_size=30),
    st.integers().map(str),
    st.sampled_from(
        [
            "articles.ArticlePage",
            "interviews.InterviewPage",
            "*",
            "-title",
            "random",
            "en",
            "zh-hans",
            "economics",
            "BR",
            "title,lead",
            "body(*)",
            "_,id",
            "/en/news/",
            "true",
        ]
    ),
)


@pytest.mark.django_db
@hypothesis_settings
@given(
    endpoint=st.sampled_from(["pages", "images", "categories", "countries", "pages/find"]),
    parameters=st.dictionaries(st.sampled_from(API_PARAMETERS), API_VALUES, max_size=5),
)
def test_any_combination_of_api_parameters_is_never_a_server_error(reader, endpoint, parameters):
    response = reader(f"/api/v2/{endpoint}/", data=parameters)

    if response.status_code == 400:
        assert response.json()["message"]


@pytest.mark.django_db
@hypothesis_settings
@given(token=st.text(max_size=200), action=st.sampled_from(["confirm", "unsubscribe"]))
def test_any_newsletter_link_token_is_never_a_server_error(reader, token, action):
    address = f"/en/newsletter/{action}/{urllib.parse.quote(token, safe='') or 'x'}/"
    reader(address)
    reader.post(address, {"List-Unsubscribe": "One-Click"})


FORM_ERROR, ACCEPTED = {400}, {302}
# Repeated fields follow Django's rule, the last value counts; so two addresses subscribe
# the second, and a repeated language is one language.
HOSTILE_SUBSCRIPTIONS = {
    "huge email": ({"email": "a" * 1_000_000 + "@example.org", "consent": "on"}, FORM_ERROR),
    "unknown languages": ({"email": "r@example.org", "languages": ["xx", "../"]}, FORM_ERROR),
    "two emails": ({"email": ["one@example.org", "two@example.org"]}, ACCEPTED),
    "two consents": ({"email": "r@example.org", "consent": ["on", ""]}, FORM_ERROR),
    "many languages": ({"email": "r@example.org", "languages": ["en"] * 5_000}, ACCEPTED),
    "NUL": ({"email": "\x00@example.org"}, FORM_ERROR),
    "RTL override": ({"email": "reader@exa\u202emple.org"}, FORM_ERROR),
    "no consent": ({"email": "r@example.org", "consent": ""}, FORM_ERROR),
    "empty": ({"consent": ""}, FORM_ERROR),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(HOSTILE_SUBSCRIPTIONS))
def test_hostile_subscribe_posts_are_a_form_error_or_a_plain_subscription(reader, case):
    fields, expected = HOSTILE_SUBSCRIPTIONS[case]
    data = {"languages": "en", "consent": "on"} | fields

    response = reader.post("/en/newsletter/subscribe/", data)

    assert response.status_code in expected
