"""A page on another site cannot make its visitors' browsers post our newsletter forms.

The subscribe form sits on cached pages, so it carries no per-reader CSRF token; without
another check any site could make every visitor's browser subscribe addresses of its
choosing (and fill their inboxes with our confirmation mails). Browsers say where a post
comes from in Sec-Fetch-Site and Origin; posts from other sites are refused with 403,
while clients that send neither header (curl, old browsers) still pass.
"""

import pytest
from django.core import mail
from django.test import override_settings

from cms.newsletter.models import Subscriber
from tests.newsletter.conftest import link_path

THANKS = "/en/newsletter/subscribe/thanks/"


def refused(response):
    return response.status_code == 403 and "sent from another website" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://attacker.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "https://attacker.example"},  # a browser without fetch metadata
        {"Origin": "null"},  # a sandboxed frame or a data: page
        {"Origin": "https://testserver"},  # our host, but not our scheme
    ],
)
def test_a_subscribe_post_from_another_site_is_refused_and_stores_nothing(subscribe, headers):
    response = subscribe("victim@example.com", headers=headers)

    assert refused(response)
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
        {"Sec-Fetch-Site": "none"},  # typed or bookmarked by the reader
        {"Origin": "http://testserver"},  # a browser without fetch metadata
        {},  # curl, or an old browser
    ],
)
def test_a_subscribe_post_from_our_own_page_is_accepted(subscribe, headers):
    response = subscribe("reader@example.com", headers=headers)

    assert response.status_code == 302
    assert response["Location"] == THANKS
    assert Subscriber.objects.filter(email="reader@example.com").exists()


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["news.example", "www.news.example"])
@pytest.mark.parametrize(
    "origin, accepted",
    [("http://www.news.example", True), ("http://blog.news.example", False)],
)
def test_a_same_site_post_is_accepted_only_from_a_host_we_serve(client, origin, accepted):
    response = client.post(
        "/en/newsletter/subscribe/",
        {"email": "reader@example.com", "languages": ["en"], "consent": "on"},
        headers={"Host": "news.example", "Sec-Fetch-Site": "same-site", "Origin": origin},
    )

    assert (response.status_code == 302) is accepted
    assert refused(response) is not accepted


@pytest.mark.django_db
@override_settings(CSRF_TRUSTED_ORIGINS=["https://partner.example", "https://*.network.example"])
@pytest.mark.parametrize(
    "origin, accepted",
    [
        ("https://partner.example", True),
        ("https://ru.network.example", True),
        ("http://partner.example", False),
        ("https://partner.example.attacker.example", False),
    ],
)
def test_origins_trusted_for_csrf_may_post_the_form(subscribe, origin, accepted):
    response = subscribe(headers={"Sec-Fetch-Site": "cross-site", "Origin": origin})

    assert (response.status_code == 302) is accepted


@pytest.mark.django_db
def test_getting_the_form_from_another_site_is_not_refused(client):
    response = client.get(
        "/en/newsletter/subscribe/",
        headers={"Sec-Fetch-Site": "cross-site", "Origin": "https://attacker.example"},
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_cross_site_post_cannot_confirm_a_subscription(client, subscribe):
    subscribe("reader@example.com")
    path = link_path(mail.outbox[-1], "confirm")

    response = client.post(
        path, headers={"Sec-Fetch-Site": "cross-site", "Origin": "https://attacker.example"}
    )

    assert refused(response)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert client.post(path, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


@pytest.mark.django_db
def test_a_one_click_unsubscribe_is_accepted_from_a_webmail_page(client, subscribe):
    """RFC 8058: the mail client posts it, from wherever it runs; the signed link is the
    authority, and it only ever stops mail."""
    subscribe("reader@example.com")
    path = link_path(mail.outbox[-1], "unsubscribe")

    response = client.post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        headers={"Sec-Fetch-Site": "cross-site", "Origin": "https://webmail.example"},
    )

    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
