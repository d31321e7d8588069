"""Threat: forged and replayed pushes. A push captured on its way or from a partner's logs
was valid forever, since its signature covered only the body: sent again later, it put an
old version of a story back on the partner's site. And the push secret was kept in plain
text and shown again in the account's edit form, so whoever read the database or the admin
page could sign pushes of their own.

Now the signature covers the time and the delivery id too, and a partner checks them as
docs/partner-push.md says; these tests check recorded pushes with that very code. The
secret is encrypted at rest, shown once when issued, and only ever rotated.
"""

import re
import sqlite3
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from cms.core.encryption import derived_key
from cms.syndication.models import PartnerAccount
from cms.syndication.tasks import retry_due_deliveries
from tests.conftest import REPO_ROOT, subprocess_env
from tests.loopback import STAND_IN_NETWORKS
from tests.syndication.conftest import (
    make_account,
    make_russian_news_product,
    partner_endpoint,
    russian_article,
)

DOC = REPO_ROOT / "docs" / "partner-push.md"


def documented_check():
    """check_push() exactly as docs/partner-push.md gives it to partners."""
    code = re.search(r"```python\n(.*?)```", DOC.read_text(), re.DOTALL).group(1)
    namespace = {}
    exec(compile(code, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
    return namespace["check_push"]


check_push = documented_check()


def as_user(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def russian_news_product(db):
    PartnerAccount.objects.all().delete()  # the demo's: one is the partner's these tests use
    return make_russian_news_product()


@pytest.fixture
def receiver(settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = STAND_IN_NETWORKS
    with partner_endpoint() as server:
        yield server


@pytest.fixture
def pushed_account(russian_news_product, receiver):
    return make_account(russian_news_product, endpoint_url=receiver.url)


def record_push(receiver, callbacks):
    """Publish a story; returns the push the partner's endpoint recorded."""
    with callbacks(execute=True):
        russian_article()
    return receiver.requests[-1]


def checked(request, secret, seen, now=None):
    return check_push(secret, request["headers"], request["body"], seen, now=now)


@pytest.mark.django_db
def test_a_recorded_push_passes_the_documented_check_once_and_its_replay_is_refused(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    push = record_push(receiver, django_capture_on_commit_callbacks)
    seen = set()

    assert checked(push, pushed_account.push_secret, seen) == "accepted"
    assert checked(push, pushed_account.push_secret, seen) == "replayed"


@pytest.mark.django_db
def test_a_push_replayed_after_five_minutes_is_refused_as_stale(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    push = record_push(receiver, django_capture_on_commit_callbacks)
    # A partner whose memory of delivery ids was lost still refuses it, by its time.
    later = timezone.now() + timedelta(minutes=5, seconds=30)
    assert checked(push, pushed_account.push_secret, set(), now=later.timestamp()) == "stale"


@pytest.mark.django_db
def test_a_replay_with_a_new_time_or_delivery_id_fails_the_signature(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    push = record_push(receiver, django_capture_on_commit_callbacks)
    headers = push["headers"]
    later = str(int(headers["X-Newsroom-Timestamp"]) + 600)
    fresh_time = {**headers, "X-Newsroom-Timestamp": later}
    new_id = {**headers, "X-Newsroom-Delivery": "00000000-0000-4000-8000-000000000000"}

    for forged in (fresh_time, new_id):
        request = {**push, "headers": forged}
        assert checked(request, pushed_account.push_secret, set()) == "forged"


@pytest.mark.django_db
def test_every_retry_is_signed_with_the_time_it_is_sent(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    receiver.status = 503
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        record_push(receiver, django_capture_on_commit_callbacks)
    receiver.status = 200
    with time_machine.travel(start + timedelta(minutes=1), tick=False):
        assert retry_due_deliveries() == 1
        retry = receiver.requests[-1]
        first = receiver.requests[0]
        # The first attempt would now be stale; the retry, signed a minute later, is not.
        assert retry["headers"]["X-Newsroom-Delivery"] == first["headers"]["X-Newsroom-Delivery"]
        assert int(retry["headers"]["X-Newsroom-Timestamp"]) == int(start.timestamp()) + 60
        assert checked(retry, pushed_account.push_secret, set()) == "accepted"


@pytest.mark.django_db
def test_the_push_secret_is_not_stored_in_plain_text(russian_news_product):
    account = make_account(russian_news_product)
    secret = account.push_secret
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM syndication_partneraccount WHERE id = %s", [account.pk])
        row = cursor.fetchone()
    assert len(secret) >= 40
    assert not any(secret in str(column) for column in row)
    assert PartnerAccount.objects.get(pk=account.pk).push_secret == secret


@pytest.mark.django_db
def test_the_account_form_never_shows_the_push_secret_nor_lets_one_be_chosen(
    client, russian_news_product
):
    account = make_account(russian_news_product)
    secret = account.push_secret
    manager = as_user(client, "partners")
    edit_url = reverse("syndication-accounts:edit", args=[account.pk])

    assert secret not in manager.get(edit_url).content.decode()
    assert secret not in manager.get(reverse("syndication-accounts:index")).content.decode()

    response = manager.post(
        edit_url,
        {
            "partner": account.partner.pk,
            "is_active": "on",
            "products": [russian_news_product.pk],
            "push_format": "ninjs",
            "push_secret": "weak",
        },
    )
    assert response.status_code == 302
    assert PartnerAccount.objects.get(pk=account.pk).push_secret == secret


@pytest.mark.django_db
def test_rotating_shows_the_new_secret_once_and_pushes_are_signed_with_it(
    client, pushed_account, receiver, django_capture_on_commit_callbacks
):
    old_secret = pushed_account.push_secret
    manager = as_user(client, "partners")
    rotate_url = reverse("syndication-accounts:rotate", args=[pushed_account.pk])
    edit_page = manager.get(reverse("syndication-accounts:edit", args=[pushed_account.pk]))
    assert rotate_url in edit_page.content.decode()
    assert rotate_url in manager.get(reverse("syndication-accounts:index")).content.decode()
    assert manager.get(rotate_url).status_code == 200  # asks first
    assert PartnerAccount.objects.get(pk=pushed_account.pk).push_secret == old_secret

    response = manager.post(rotate_url)
    new_secret = PartnerAccount.objects.get(pk=pushed_account.pk).push_secret
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert new_secret != old_secret and new_secret in response.content.decode()
    edit_page = manager.get(reverse("syndication-accounts:edit", args=[pushed_account.pk]))
    assert new_secret not in edit_page.content.decode()

    push = record_push(receiver, django_capture_on_commit_callbacks)
    assert checked(push, old_secret, set()) == "forged"
    assert checked(push, new_secret, set()) == "accepted"


@pytest.mark.django_db
def test_only_those_who_may_change_accounts_rotate_a_push_secret(client, russian_news_product):
    account = make_account(russian_news_product)
    secret = account.push_secret
    rotate_url = reverse("syndication-accounts:rotate", args=[account.pk])

    response = as_user(client, "reporter").post(rotate_url)

    assert response.status_code in (302, 403)
    assert secret not in response.content.decode()
    assert PartnerAccount.objects.get(pk=account.pk).push_secret == secret


def manage(*args, env):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def test_the_migration_encrypts_the_secrets_stored_before_it(demo_newsroom_copy):
    database, media = demo_newsroom_copy
    secret_key = "migration-test-secret-key"
    env = subprocess_env(database, media, SECRET_KEY=secret_key, ENCRYPTION_KEYS="")
    cipher = Fernet(derived_key(secret_key))
    with sqlite3.connect(database) as db:
        ids = [row[0] for row in db.execute("SELECT id FROM syndication_partneraccount")]
        for account_id in ids:
            token = cipher.encrypt(f"partner-secret-{account_id}".encode()).decode()
            db.execute(
                "UPDATE syndication_partneraccount SET push_secret_encrypted = ? WHERE id = ?",
                [token, account_id],
            )
    assert ids, "the demo newsroom has partner accounts"

    # Back to before encryption: the secrets in plain text, as they were stored then.
    manage("migrate", "syndication", "0003", "-v0", env=env)
    with sqlite3.connect(database) as db:
        plain = dict(db.execute("SELECT id, push_secret FROM syndication_partneraccount"))
    assert plain == {account_id: f"partner-secret-{account_id}" for account_id in ids}

    manage("migrate", "syndication", "-v0", env=env)

    with sqlite3.connect(database) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(syndication_partneraccount)")]
        query = "SELECT id, push_secret_encrypted FROM syndication_partneraccount"
        stored = dict(db.execute(query))
    assert "push_secret" not in columns
    for account_id in ids:
        assert "partner-secret" not in stored[account_id]
        secret = cipher.decrypt(stored[account_id].encode()).decode()
        assert secret == f"partner-secret-{account_id}"
