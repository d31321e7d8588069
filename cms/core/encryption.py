"""Secrets we must read back (a partner's push secret signs every push) kept encrypted in
the database: Fernet with settings.ENCRYPTION_KEYS, or with keys derived from SECRET_KEY
and SECRET_KEY_FALLBACKS. The first key encrypts; any of them decrypts."""

import base64
import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class UnreadableSecret(Exception):
    """The stored secret was encrypted with a key that is no longer configured."""


def derived_key(secret_key):
    """A Fernet key of its own from Django's SECRET_KEY (never the SECRET_KEY itself)."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=b"newsroom-cms",
        info=b"secrets encrypted at rest",
    )
    return base64.urlsafe_b64encode(hkdf.derive(secret_key.encode()))


def configured_keys():
    if settings.ENCRYPTION_KEYS:
        return tuple(settings.ENCRYPTION_KEYS)
    return tuple(derived_key(key) for key in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS])


@functools.lru_cache(maxsize=4)
def cipher(keys):
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(text):
    return cipher(configured_keys()).encrypt(text.encode()).decode()


def decrypt(token):
    try:
        return cipher(configured_keys()).decrypt(token.encode()).decode()
    except InvalidToken:
        raise UnreadableSecret(
            "The secret was encrypted with a key no longer in ENCRYPTION_KEYS or SECRET_KEY "
            "(and its fallbacks); set a new one."
        ) from None
