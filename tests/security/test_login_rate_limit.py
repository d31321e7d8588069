"""The admin login stops answering a client that keeps guessing passwords (django-axes)."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

LOGIN_URL = "/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "locked-out-editor", "editor@example.org", PASSWORD
    )


def log_in(address, password, username="locked-out-editor"):
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")
    return client.post(LOGIN_URL, {"username": username, "password": password})


def test_wrong_passwords_are_answered_with_the_login_form_until_the_limit(editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in("203.0.113.7", "wrong")
        assert response.status_code == 200
        assert b'name="password"' in response.content


def test_a_client_past_the_limit_gets_429_with_a_readable_message(editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in("203.0.113.8", "wrong")

    response = log_in("203.0.113.8", "wrong")

    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many failed logins" in text
    assert "Please try again in 15 minutes." in text
    # Even the right password is refused from that address during the cool-off.
    assert log_in("203.0.113.8", PASSWORD).status_code == 429


def test_other_clients_still_log_in_while_one_is_locked_out(editor):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        log_in("203.0.113.9", "wrong", username="someone-else")

    response = log_in("198.51.100.4", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_locked_out_client_is_let_in_again_after_the_cool_off(editor, time_machine):
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        log_in("203.0.113.10", "wrong")
    assert log_in("203.0.113.10", PASSWORD).status_code == 429

    time_machine.move_to("2026-11-25 10:16:00+00:00", tick=False)

    assert log_in("203.0.113.10", PASSWORD).status_code == 302
