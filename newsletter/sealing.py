"""Subscribers' addresses, sealed with a key that lives outside the database.

The key comes from the environment (NEWSLETTER_KEY) or a key file (NEWSLETTER_KEY_FILE),
never from a table, so a copy of the database alone holds only ciphertext and keyed hashes.
Two keys are derived from it: one encrypts addresses (Fernet: AES with an authentication
tag) and one makes the lookup hash that finds a subscriber without decrypting every row.
"""

import base64
import hashlib
import hmac
import json
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MIN_KEY_LENGTH = 32


def _derive(purpose):
    secret = settings.NEWSLETTER_KEY
    if not secret or len(secret) < MIN_KEY_LENGTH:
        raise ImproperlyConfigured(
            "Set NEWSLETTER_KEY (or NEWSLETTER_KEY_FILE) to a random string of 32+ characters."
        )
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode())
    return hkdf.derive(secret.encode())


@cache
def _fernet(secret):
    return Fernet(base64.urlsafe_b64encode(_derive("newsletter address")))


@cache
def _lookup_key(secret):
    return _derive("newsletter lookup")


@cache
def _unsubscribe_fernet(secret):
    return Fernet(base64.urlsafe_b64encode(_derive("newsletter unsubscribe")))


def normalize(address):
    """One spelling per mailbox for the lookup: the domain part is case-insensitive."""
    local, _, domain = address.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def seal(address):
    return _fernet(settings.NEWSLETTER_KEY).encrypt(address.encode()).decode()


def unseal(sealed):
    return _fernet(settings.NEWSLETTER_KEY).decrypt(sealed.encode()).decode()


def lookup(address, language):
    """The keyed hash that finds a subscription of this address in this language."""
    key = _lookup_key(settings.NEWSLETTER_KEY)
    message = f"{language}\0{normalize(address)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def confirmation_token(address, language):
    """The signed, sealed and dated payload of a confirmation link: nothing is stored yet."""
    payload = json.dumps({"a": address, "l": language}).encode()
    return _fernet(settings.NEWSLETTER_KEY).encrypt(payload).decode()


def open_confirmation(token, max_age):
    """(address, language) from a confirmation token, or None if forged or expired."""
    try:
        payload = _fernet(settings.NEWSLETTER_KEY).decrypt(token.encode(), ttl=max_age)
        data = json.loads(payload)
        return data["a"], data["l"]
    except (InvalidToken, ValueError, KeyError, TypeError):
        return None


def unsubscribe_token(lookup):
    """The sealed lookup hash an unsubscribe link carries: it names one subscription.

    Sealed with the list's own key, not SECRET_KEY, so replacing SECRET_KEY never breaks the
    links in e-mails already sent, and the link shows neither the address nor the value that
    finds its row in the database. It does not expire: RFC 8058 links must keep working.
    """
    return _unsubscribe_fernet(settings.NEWSLETTER_KEY).encrypt(lookup.encode()).decode()


def open_unsubscribe(token):
    """The lookup hash from an unsubscribe token, or None if it was not made by us."""
    try:
        return _unsubscribe_fernet(settings.NEWSLETTER_KEY).decrypt(token.encode()).decode()
    except (InvalidToken, ValueError):
        return None
