"""Hashed clients: how we tell readers apart for a day without knowing who they are.

DESIGN.md: never store a raw IP. A client is a keyed hash of (IP, user agent, day) with a
secret salt that rotates daily and is destroyed after 48 hours. The purpose goes into the
hash too, so a comment rate-limit key cannot be joined with a readership counter.
"""

import hashlib
import hmac
import secrets
from datetime import UTC, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import DailySalt

SALT_LIFETIME = timedelta(hours=48)
_salt_cache: dict = {}


def today():
    return timezone.now().astimezone(UTC).date()


def salt_for(day):
    """Today's secret, made on first use; kept in memory so a request costs no query."""
    cached = _salt_cache.get(day)
    if cached:
        return cached
    salt = DailySalt.objects.filter(day=day).values_list("secret", flat=True).first()
    if salt is None:
        salt = _create_salt(day)
    _salt_cache.clear()  # only one day is ever needed in memory
    _salt_cache[day] = salt
    return salt


def _create_salt(day):
    try:
        with transaction.atomic():
            return DailySalt.objects.create(day=day, secret=secrets.token_hex(32)).secret
    except IntegrityError:  # another process made it first
        return DailySalt.objects.get(day=day).secret


def client_ip(request):
    """The address the request came from; behind a proxy, the one it names.

    Only used as input to the hash, never stored or logged.
    """
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_hash(request, purpose):
    """A 32-character hex token for this client today, different for each purpose."""
    day = today()
    message = "\n".join(
        [purpose, day.isoformat(), client_ip(request), request.META.get("HTTP_USER_AGENT", "")]
    )
    digest = hmac.new(salt_for(day).encode(), message.encode(), hashlib.blake2b)
    return digest.hexdigest()[:32]


def destroy_old_salts(now=None):
    """Delete salts older than SALT_LIFETIME; returns how many were destroyed."""
    now = now or timezone.now()
    cutoff = (now - SALT_LIFETIME).astimezone(UTC).date()
    deleted, _ = DailySalt.objects.filter(day__lt=cutoff).delete()
    _salt_cache.clear()
    return deleted


def forget_cached_salt():
    """Drop the in-memory copy (tests roll the database back under it)."""
    _salt_cache.clear()
