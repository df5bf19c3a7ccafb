"""Ed25519 signatures in minisign's file formats, so readers can check a copy with minisign.

We write the formats on top of `cryptography`'s Ed25519 rather than depend on a minisign
package: the formats are a few fixed-size fields, and `cryptography` is already the
maintained library we trust for the curve itself. Signatures are the prehashed kind ("ED",
BLAKE2b-512 of the file), which every minisign since 0.8 verifies and which does not need
the whole file in memory.

The secret key lives outside the database: a file named by SAMIZDAT_SIGNING_KEY_FILE or the
key itself in SAMIZDAT_SIGNING_KEY. It is minisign's unencrypted secret key format
(`minisign -G -W` makes one), so the same key works with the minisign tool.
"""

import base64
import hashlib
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SIGNATURE_SUFFIX = ".minisig"
_UNTRUSTED = "untrusted comment: "
_TRUSTED = "trusted comment: "


class BadSignature(Exception):
    """The signature does not match the file, or was made by another key."""


def _read_base64_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if lines and lines[0].startswith(_UNTRUSTED):
        lines = lines[1:]
    if not lines:
        raise ValueError("empty key")
    return base64.b64decode(lines[0])


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # eight random bytes that name the key in every signature
    key: Ed25519PublicKey

    @property
    def fingerprint(self):
        """The key id as minisign prints it (hex of the little-endian number)."""
        return self.key_id[::-1].hex().upper()

    def raw(self):
        return self.key.public_bytes(Encoding.Raw, PublicFormat.Raw)

    def as_base64(self):
        return base64.b64encode(b"Ed" + self.key_id + self.raw()).decode()

    def as_file(self):
        return f"{_UNTRUSTED}minisign public key {self.fingerprint}\n{self.as_base64()}\n"

    @classmethod
    def parse(cls, text):
        blob = _read_base64_line(text)
        if len(blob) != 42 or blob[:2] != b"Ed":
            raise ValueError("not a minisign public key")
        return cls(blob[2:10], Ed25519PublicKey.from_public_bytes(blob[10:]))

    def verify(self, data, signature_text):
        """Check a .minisig for `data`; return its trusted comment or raise BadSignature."""
        lines = signature_text.splitlines()
        try:
            if not lines[0].startswith(_UNTRUSTED) or not lines[2].startswith(_TRUSTED):
                raise BadSignature("not a minisign signature file")
            blob = base64.b64decode(lines[1], validate=True)
            comment = lines[2][len(_TRUSTED) :]
            global_signature = base64.b64decode(lines[3], validate=True)
        except (IndexError, ValueError) as error:
            raise BadSignature("not a minisign signature file") from error
        if len(blob) != 74 or blob[:2] not in (b"Ed", b"ED"):
            raise BadSignature("unknown signature algorithm")
        if blob[2:10] != self.key_id:
            raise BadSignature(f"signed by another key ({blob[2:10][::-1].hex().upper()})")
        signed = hashlib.blake2b(data).digest() if blob[:2] == b"ED" else data
        try:
            self.key.verify(blob[10:], signed)
            self.key.verify(global_signature, blob[10:] + comment.encode())
        except InvalidSignature as error:
            raise BadSignature("the signature does not match") from error
        return comment


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    key: Ed25519PrivateKey

    @classmethod
    def generate(cls):
        return cls(secrets.token_bytes(8), Ed25519PrivateKey.generate())

    @property
    def public(self):
        return PublicKey(self.key_id, self.key.public_key())

    def as_file(self):
        """minisign's secret key file, unencrypted (kdf "\\0\\0"), with its checksum."""
        seed = self.key.private_bytes_raw()
        secret = seed + self.public.raw()
        checksum = hashlib.blake2b(b"Ed" + self.key_id + secret, digest_size=32).digest()
        blob = b"Ed" + b"\0\0" + b"B2" + bytes(32 + 8 + 8) + self.key_id + secret + checksum
        return f"{_UNTRUSTED}samizdat signing key {self.public.fingerprint}\n" + (
            base64.b64encode(blob).decode() + "\n"
        )

    @classmethod
    def parse(cls, text):
        blob = _read_base64_line(text)
        if len(blob) != 158 or blob[:2] != b"Ed" or blob[4:6] != b"B2":
            raise ValueError("not a minisign secret key")
        if blob[2:4] != b"\0\0":
            raise ValueError("the key is encrypted; export it with `minisign -C -W` first")
        key_id, secret, checksum = blob[54:62], blob[62:126], blob[126:158]
        expected = hashlib.blake2b(b"Ed" + key_id + secret, digest_size=32).digest()
        if checksum != expected:
            raise ValueError("the secret key is damaged (checksum mismatch)")
        key = cls(key_id, Ed25519PrivateKey.from_private_bytes(secret[:32]))
        if key.public.raw() != secret[32:]:
            raise ValueError("the secret key is damaged (public half differs)")
        return key

    def sign(self, data, comment="", now=time.time):
        """A .minisig text for `data`; the trusted comment carries the time and `comment`."""
        signature = self.key.sign(hashlib.blake2b(data).digest())
        trusted = f"timestamp:{int(now())}" + (f"\t{comment}" if comment else "")
        global_signature = self.key.sign(signature + trusted.encode())
        return (
            f"{_UNTRUSTED}signature from samizdat key {self.public.fingerprint}\n"
            f"{base64.b64encode(b'ED' + self.key_id + signature).decode()}\n"
            f"{_TRUSTED}{trusted}\n"
            f"{base64.b64encode(global_signature).decode()}\n"
        )


def configured_key():
    """The newsroom's signing key from the environment or its file; None if there is none."""
    text = os.environ.get("SAMIZDAT_SIGNING_KEY") or getattr(settings, "SIGNING_KEY", "")
    path = os.environ.get("SAMIZDAT_SIGNING_KEY_FILE") or getattr(settings, "SIGNING_KEY_FILE", "")
    if not text and path:
        text = Path(path).read_text()
    if not text:
        return None
    try:
        return SecretKey.parse(text)
    except ValueError as error:
        raise ImproperlyConfigured(f"Signing key: {error}") from error


def require_key():
    key = configured_key()
    if key is None:
        raise ImproperlyConfigured(
            "No signing key: set SAMIZDAT_SIGNING_KEY_FILE (see `manage.py signing_key new`)."
        )
    return key


def sign_file(key, path, comment=""):
    """Write `path`.minisig next to the file."""
    path = Path(path)
    signature = key.sign(path.read_bytes(), comment or f"file:{path.name}")
    Path(str(path) + SIGNATURE_SUFFIX).write_text(signature)


def verify_file(public, path):
    path = Path(path)
    signature_path = Path(str(path) + SIGNATURE_SUFFIX)
    if not signature_path.exists():
        raise BadSignature(f"no signature next to {path.name}")
    return public.verify(path.read_bytes(), signature_path.read_text())
