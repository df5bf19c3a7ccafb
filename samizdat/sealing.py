"""Sealing what a copy of the database must not reveal, with a key that is not in it.

The secret comes from the environment (NEWSLETTER_KEY) or a key file (NEWSLETTER_KEY_FILE),
never from a table. Each use derives its own key from it by name (HKDF), so a value sealed
for one purpose cannot be opened as another's. Sealed values are Fernet tokens: AES with an
authentication tag, so a wrong key is refused, not read as garbage.
"""

import base64
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MIN_KEY_LENGTH = 32


class Unsealable(Exception):
    """A sealed value the current key does not open: sealed with another key, or altered."""


def derive(purpose):
    """32 bytes for `purpose`, from the configured secret; refuses a missing or short one."""
    return _derive(settings.NEWSLETTER_KEY, purpose)


@cache
def _derive(secret, purpose):
    if not secret or len(secret) < MIN_KEY_LENGTH:
        raise ImproperlyConfigured(
            "Set NEWSLETTER_KEY (or NEWSLETTER_KEY_FILE) to a random string of 32+ characters."
        )
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode())
    return hkdf.derive(secret.encode())


def fernet(purpose):
    return Fernet(base64.urlsafe_b64encode(derive(purpose)))


def seal(purpose, text):
    return fernet(purpose).encrypt(text.encode()).decode()


def unseal(purpose, sealed):
    """The text `seal(purpose, ...)` sealed; Unsealable if this key did not seal it."""
    try:
        return fernet(purpose).decrypt(sealed.encode()).decode()
    except (InvalidToken, ValueError) as error:
        raise Unsealable(purpose) from error
