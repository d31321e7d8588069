"""Editors set partners up in the admin: products, accounts, keys shown once, the log."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.syndication.models import ApiKey, Delivery, PartnerAccount, Product
from partners.models import PartnerPage
from tests.syndication.conftest import RUSSIAN_PARTNER, make_account, pull

KEY = re.compile(r"nk_[0-9a-f]{8}_[\w-]{20,}")


def as_user(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def shown_key(response):
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    keys = set(KEY.findall(response.content.decode()))
    assert len(keys) == 1
    return keys.pop()


@pytest.mark.django_db
def test_a_partner_manager_issues_a_key_that_is_shown_once_and_stored_hashed(
    client, russian_news_product
):
    account = make_account(russian_news_product)
    manager = as_user(client, "partners")
    response = manager.post(
        reverse("syndication-keys:add"), {"account": account.pk, "label": "Their CMS"}
    )
    raw_key = shown_key(response)
    stored = ApiKey.objects.get(account=account)
    assert raw_key not in str(list(ApiKey.objects.values_list()))
    assert raw_key.startswith(f"nk_{stored.prefix}_") and stored.matches(raw_key)
    assert pull(client, raw_key).status_code == 200

    listing = manager.get(reverse("syndication-keys:index")).content.decode()
    edit = manager.get(reverse("syndication-keys:edit", args=[stored.pk])).content.decode()
    assert stored.prefix in listing
    assert raw_key not in listing and raw_key not in edit


@pytest.mark.django_db
def test_rotating_and_revoking_keys_in_the_admin(client, russian_news_product):
    account = make_account(russian_news_product)
    key = ApiKey(account=account)
    first_key = key.generate()
    key.save()
    manager = as_user(client, "partners")

    rotate = reverse("syndication-keys:rotate", args=[key.pk])
    assert rotate in manager.get(reverse("syndication-keys:index")).content.decode()
    assert manager.get(rotate).status_code == 200  # asks first
    second_key = shown_key(manager.post(rotate))
    assert pull(client, first_key).status_code == 403
    assert pull(client, second_key).status_code == 200

    successor = ApiKey.objects.get(account=account, revoked_at__isnull=True)
    response = manager.post(reverse("syndication-keys:revoke", args=[successor.pk]))
    assert response.status_code == 302
    assert pull(client, second_key).status_code == 403


@pytest.mark.django_db
def test_a_partner_manager_defines_a_product_and_subscribes_a_partner(client, locales):
    manager = as_user(client, "partners")
    response = manager.post(
        reverse("syndication-products:add"),
        {
            "name": "Hindi everything",
            "description": "",
            "include_articles": "on",
            "include_interviews": "on",
            "locales": [locales["hi"].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    partner = PartnerPage.objects.get(slug="deccan-wire-service", locale__language_code="en")
    response = manager.post(
        reverse("syndication-accounts:add"),
        {
            "partner": partner.pk,
            "is_active": "on",
            "products": [Product.objects.get(name="Hindi everything").pk],
            "endpoint_url": "",
            "push_format": "ninjs",
        },
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    account = PartnerAccount.objects.get(partner=partner)
    assert account.push_secret in response.content.decode()  # shown this once
    assert [product.name for product in account.products.all()] == ["Hindi everything"]


@pytest.mark.django_db
def test_a_partner_has_one_account_whichever_translation_is_chosen(client, russian_news_product):
    make_account(russian_news_product)
    english = PartnerPage.objects.get(slug=RUSSIAN_PARTNER, locale__language_code="en")
    russian = PartnerPage.objects.get(
        translation_key=english.translation_key, locale__language_code="ru"
    )
    response = as_user(client, "partners").post(
        reverse("syndication-accounts:add"),
        {"partner": russian.pk, "push_format": "ninjs"},
    )
    assert response.status_code == 200
    assert "already has an account" in response.content.decode()
    assert PartnerAccount.objects.count() == 1


@pytest.mark.django_db
def test_the_delivery_log_is_read_only_and_reporters_have_no_syndication_admin(client):
    manager = as_user(client, "partners")
    assert manager.get(reverse("syndication-deliveries:index")).status_code == 200
    assert manager.get(reverse("syndication-deliveries:add")).status_code in (302, 403)

    reporter = as_user(client, "reporter")
    for name in ["products", "accounts", "keys", "deliveries"]:
        assert reporter.get(reverse(f"syndication-{name}:index")).status_code in (302, 403)


@pytest.mark.django_db
def test_every_syndication_admin_page_renders(admin_client, russian_news_product):
    account = make_account(russian_news_product)
    key = ApiKey(account=account)
    key.generate()
    key.save()
    delivery = Delivery.objects.create(
        account=account, guid="urn:newsroom:x:ru", version=1, media_type="application/json"
    )
    attempt = delivery.log.create(number=1, status_code=502, error="HTTP 502: bad gateway")
    pages = [
        reverse("syndication-deliveries:inspect", args=[attempt.pk]),
        reverse("syndication-deliveries:resend", args=[attempt.pk]),
        reverse("syndication-products:index"),
        reverse("syndication-products:add"),
        reverse("syndication-products:edit", args=[russian_news_product.pk]),
        reverse("syndication-accounts:index"),
        reverse("syndication-accounts:add"),
        reverse("syndication-accounts:edit", args=[account.pk]),
        reverse("syndication-accounts:rotate", args=[account.pk]),
        reverse("syndication-keys:index"),
        reverse("syndication-keys:add"),
        reverse("syndication-keys:edit", args=[key.pk]),
        reverse("syndication-keys:revoke", args=[key.pk]),
        reverse("syndication-deliveries:index"),
    ]
    for url in pages:
        assert admin_client.get(url).status_code == 200, url
    assert admin_client.get(reverse("syndication-keys:delete", args=[key.pk])).status_code in (
        302,
        403,
    )


@pytest.mark.django_db
def test_the_account_stays_the_partners_when_its_chosen_translation_is_deleted(
    client, russian_news_product
):
    account = make_account(russian_news_product)
    key = ApiKey(account=account)
    raw_key = key.generate()
    key.save()
    english = account.partner
    english.delete()

    account.refresh_from_db()
    assert account.partner.translation_key == account.partner_key == english.translation_key
    assert account.partner.locale.language_code != "en"
    assert account.language_codes() == ["en", "ru"]
    assert pull(client, raw_key).status_code == 200
