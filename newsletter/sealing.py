"""Subscribers' addresses, sealed with a key that lives outside the database.

The key comes from the environment (NEWSLETTER_KEY) or a key file (NEWSLETTER_KEY_FILE),
never from a table, so a copy of the database alone holds only ciphertext and keyed hashes.
Keys are derived from it by purpose (samizdat.sealing): one encrypts addresses (Fernet: AES
with an authentication tag) and one makes the lookup hash that finds a subscriber without
decrypting every row.
"""

import hashlib
import hmac
import json

from cryptography.fernet import InvalidToken

from samizdat import sealing

ADDRESS = "newsletter address"
LOOKUP = "newsletter lookup"
UNSUBSCRIBE = "newsletter unsubscribe"


def normalize(address):
    """One spelling per mailbox for the lookup: the domain part is case-insensitive."""
    local, _, domain = address.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def seal(address):
    return sealing.fernet(ADDRESS).encrypt(address.encode()).decode()


def unseal(sealed):
    return sealing.fernet(ADDRESS).decrypt(sealed.encode()).decode()


def lookup(address, language):
    """The keyed hash that finds a subscription of this address in this language."""
    key = sealing.derive(LOOKUP)
    message = f"{language}\0{normalize(address)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def confirmation_token(address, language):
    """The signed, sealed and dated payload of a confirmation link: nothing is stored yet."""
    payload = json.dumps({"a": address, "l": language}).encode()
    return sealing.fernet(ADDRESS).encrypt(payload).decode()


def open_confirmation(token, max_age):
    """(address, language) from a confirmation token, or None if forged or expired."""
    try:
        payload = sealing.fernet(ADDRESS).decrypt(token.encode(), ttl=max_age)
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
    return sealing.fernet(UNSUBSCRIBE).encrypt(lookup.encode()).decode()


def open_unsubscribe(token):
    """The lookup hash from an unsubscribe token, or None if it was not made by us."""
    try:
        return sealing.fernet(UNSUBSCRIBE).decrypt(token.encode()).decode()
    except (InvalidToken, ValueError):
        return None
