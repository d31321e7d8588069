"""Signed links: a confirmation that expires, and an unsubscribe link that never does."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class BadLink(Exception):
    """The link was not signed by us, or was changed."""


class ExpiredLink(BadLink):
    """The link was ours but is too old, or a later unsubscribe replaced it."""


@dataclass(frozen=True)
class Confirmation:
    """What the reader asked for when subscribing; applied when they confirm."""

    key: str
    languages: list
    consent_version: str
    consented_at: datetime
    # The subscriber's last consent event when the link was made: an unsubscribe after
    # it, by the reader or an administrator, outranks the link.
    last_event: int


def confirmation_token(subscriber, languages, consent_version, consented_at, last_event):
    payload = {
        "k": str(subscriber.key),
        "l": list(languages),
        "v": consent_version,
        "t": int(consented_at.timestamp()),
        "e": last_event,
    }
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(payload, compress=True)


def read_confirmation(token):
    try:
        payload = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(
            token, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature as error:
        raise BadLink from error
    if "e" not in payload:
        # Mailed before links were bound to the consent history: a later unsubscribe
        # could not be told from it. Refused as expired; subscribing again mails a new one.
        raise ExpiredLink
    return Confirmation(
        key=payload["k"],
        languages=payload["l"],
        consent_version=payload["v"],
        consented_at=datetime.fromtimestamp(payload["t"], tz=UTC),
        last_event=payload["e"],
    )


def unsubscribe_token(subscriber):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(subscriber.key.hex)


def read_unsubscribe(token):
    """The subscriber key the link was made for."""
    try:
        return signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise BadLink from error
