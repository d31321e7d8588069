"""Subscribing: consent, bad input, robots, repeated addresses, the rate limit, the form."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from cms.newsletter.models import Subscriber
from tests.newsletter.conftest import LANGUAGES, html_of, link_path

THANKS = "/en/newsletter/subscribe/thanks/"


@pytest.mark.django_db
def test_a_subscription_stores_consent_and_mails_a_confirmation_link(subscribe):
    response = subscribe("Reader@Example.COM", languages=["en", "ar"])

    assert response.status_code == 302
    assert response["Location"] == THANKS
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.com"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_version == settings.NEWSLETTER_CONSENT_VERSION
    assert subscriber.consented_at is not None
    assert subscriber.language_codes() == "ar, en"
    [message] = mail.outbox
    assert message.to == ["reader@example.com"]
    assert link_path(message, "confirm").startswith("/en/newsletter/confirm/")
    assert link_path(message, "unsubscribe") in message.extra_headers["List-Unsubscribe"]
    assert "/newsletter/confirm/" in html_of(message)


@pytest.mark.django_db
def test_the_thank_you_page_says_to_check_the_inbox(client):
    response = client.get(THANKS)
    assert response.status_code == 200
    assert "Check your inbox" in response.text


@pytest.mark.django_db
def test_without_consent_nothing_is_stored_and_the_form_says_why(subscribe):
    response = subscribe(consent=False)

    assert response.status_code == 400
    assert "We can only send the newsletter with your consent." in response.text
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("consent", ["0", "off", "no", "None", " false", ["", "on"], ["0", "on"]])
def test_consent_posted_as_0_or_another_no_is_refused_and_nothing_is_stored(
    client, django_capture_on_commit_callbacks, consent
):
    # Django's checkbox reads every non-empty value but "false" as ticked: "0" subscribed.
    data = {"email": "reader@example.com", "languages": ["en"], "consent": consent, "website": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/newsletter/subscribe/", data)

    assert response.status_code == 400
    assert "We can only send the newsletter with your consent." in response.text
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("consent", ["on", "true", "True", "1", "yes"])
def test_consent_posted_as_on_true_1_or_yes_subscribes(
    client, django_capture_on_commit_callbacks, consent
):
    data = {"email": "reader@example.com", "languages": ["en"], "consent": consent, "website": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/newsletter/subscribe/", data)

    assert (response.status_code, response["Location"]) == (302, THANKS)
    assert Subscriber.objects.filter(email="reader@example.com").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["", "not-an-address", "two@@example.com", "a@b@c"])
def test_a_bad_address_is_a_form_error(subscribe, email):
    response = subscribe(email)

    assert response.status_code == 400
    assert 'class="newsletter-form__error"' in response.text
    assert not Subscriber.objects.exists()


@pytest.mark.django_db
def test_no_language_is_a_form_error(subscribe):
    response = subscribe(languages=[])
    assert response.status_code == 400
    assert "Choose at least one language." in response.text


@pytest.mark.django_db
def test_a_filled_honeypot_looks_like_success_but_stores_and_sends_nothing(subscribe):
    response = subscribe(website="http://spam.example")

    assert response.status_code == 302
    assert response["Location"] == THANKS
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_subscribing_again_adds_no_row_and_answers_the_same(subscribe):
    first = subscribe("reader@example.com")
    again = subscribe("READER@example.com ", languages=["ru"])

    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
    assert Subscriber.objects.filter(email="reader@example.com").count() == 1
    # The owner has their link; a post soon after sends nothing more (see
    # tests/security/test_newsletter_enumeration.py for the limits).
    assert len(mail.outbox) == 1
    assert Subscriber.objects.get().language_codes() == "en"


@pytest.mark.django_db
def test_the_rate_limit_answers_429_after_five_posts_from_one_address(subscribe):
    limit, _window = settings.NEWSLETTER_SUBSCRIBE_LIMIT
    for number in range(limit):
        assert subscribe(f"reader{number}@example.com").status_code == 302

    response = subscribe("one-more@example.com")

    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert response["Retry-After"]
    assert not Subscriber.objects.filter(email="one-more@example.com").exists()


@pytest.mark.django_db
def test_the_rate_limit_counts_each_client_address(client, subscribe):
    limit, _window = settings.NEWSLETTER_SUBSCRIBE_LIMIT
    for number in range(limit + 1):
        subscribe(f"reader{number}@example.com")

    other = client.post(
        "/en/newsletter/subscribe/",
        {"email": "x@example.com", "languages": ["en"], "consent": "on"},
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_is_on_the_home_page_of_every_locale(client, language):
    html = client.get(f"/{language}/").text

    direction = "rtl" if language in {"ar", "fa"} else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert html.count('class="newsletter-form"') == 1
    assert f'action="/{language}/newsletter/subscribe/" method="post"' in html
    checked = re.findall(
        r'<input type="checkbox" name="languages" value="([^"]+)"[^>]*checked', html
    )
    assert checked == [language]
    assert 'name="consent"' in html
    trap = re.search(r'<div class="visually-hidden" aria-hidden="true">.*?</div>', html, re.S)
    assert 'name="website"' in trap.group() and 'autocomplete="off"' in trap.group()


@pytest.mark.django_db
def test_the_subscribe_page_shows_the_form_once(client):
    html = client.get("/ru/newsletter/subscribe/").text
    assert html.count('class="newsletter-form"') == 1
    assert '<html lang="ru"' in html


TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)  # what HTTP can carry
FORM_VALUES = st.one_of(TEXT, st.none())  # None: the field is left out
# Consent is a value that means yes (a browser's "on", a script's "true", "1" or "yes"),
# every time the field is sent; anything else, "0" and "off" included, is no consent.
CONSENT_GIVEN = {"on", "true", "1", "yes"}
CONSENTS = st.one_of(
    st.sampled_from(["on", "true", "1", "yes", "TRUE", "", "false", "0", "off", "no", " on"]),
    FORM_VALUES,
    st.lists(st.sampled_from(["on", "0", ""]), min_size=2, max_size=3),  # a repeated field
)


def gives_consent(consent):
    values = consent if isinstance(consent, list) else [consent]
    return all(isinstance(value, str) and value.lower() in CONSENT_GIVEN for value in values)


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    email=st.one_of(st.emails(), FORM_VALUES),
    languages=st.lists(st.one_of(st.sampled_from(LANGUAGES), TEXT), max_size=4),
    consent=CONSENTS,
    website=st.one_of(st.just(""), FORM_VALUES),
)
def test_any_subscribe_post_is_answered_without_an_error(
    client, django_capture_on_commit_callbacks, email, languages, consent, website
):
    cache.clear()
    # The examples share one test's database: rows of earlier examples are still there.
    stored = Subscriber.objects.count()
    data = {"email": email, "languages": languages, "consent": consent, "website": website}
    data = {key: value for key, value in data.items() if value is not None}
    with django_capture_on_commit_callbacks(execute=True):  # the job that stores the post
        response = client.post("/en/newsletter/subscribe/", data)

    assert response.status_code in {302, 400}
    if response.status_code == 302 and not website:
        assert Subscriber.objects.filter(email=email.strip().lower()).exists()
    if not website and not gives_consent(consent):
        assert response.status_code == 400
        assert Subscriber.objects.count() == stored
