"""Hashed clients: how we tell readers apart for a day without knowing who they are.

DESIGN.md: never store a raw IP. A client is a keyed hash of (IP, user agent, day) with a
secret salt that rotates daily and is destroyed after 48 hours. The purpose goes into the
hash too, so a comment rate-limit key cannot be joined with a readership counter.
"""

import hashlib
import hmac
import secrets
from datetime import UTC, date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import BanSalt, DailySalt

SALT_LIFETIME = timedelta(hours=48)
BAN_PERIOD = timedelta(days=30)
EPOCH = date(2026, 1, 1)
_salt_cache: dict = {}
# Of each kind, the newest two: today's and yesterday's day, this ban period and the last.
# destroy_old_salts runs in the worker process; the app servers forget old secrets here.
SALTS_KEPT = 2


def today():
    return timezone.now().astimezone(UTC).date()


def salt_for(day):
    """Today's secret, made on first use; kept in memory so a request costs no query."""
    return _salt(DailySalt, "day", day)


def _salt(model, field, start):
    key = (model.__name__, start)
    cached = _salt_cache.get(key)
    if cached:
        return cached
    salt = model.objects.filter(**{field: start}).values_list("secret", flat=True).first()
    if salt is None:
        salt = _create_salt(model, field, start)
    _salt_cache[key] = salt
    _forget_older_salts(model.__name__)
    return salt


def _forget_older_salts(kind):
    # list(): other threads may add a salt meanwhile; pop(): or forget one first.
    held = sorted(key for key in list(_salt_cache) if key[0] == kind)
    for key in held[:-SALTS_KEPT]:
        _salt_cache.pop(key, None)


def _create_salt(model, field, start):
    try:
        with transaction.atomic():
            return model.objects.create(**{field: start, "secret": secrets.token_hex(32)}).secret
    except IntegrityError:  # another process made it first
        return model.objects.get(**{field: start}).secret


def client_ip(request):
    """The address the request came from; behind a proxy, the one it names.

    Only used as input to the hash, never stored or logged.
    """
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _keyed_hash(salt, *parts):
    digest = hmac.new(salt.encode(), "\n".join(parts).encode(), hashlib.blake2b)
    return digest.hexdigest()[:32]


def client_hash(request, purpose):
    """A 32-character hex token for this client today, different for each purpose."""
    day = today()
    agent = request.META.get("HTTP_USER_AGENT", "")
    return _keyed_hash(salt_for(day), purpose, day.isoformat(), client_ip(request), agent)


def ban_period_start(day):
    periods = (day - EPOCH) // BAN_PERIOD
    return EPOCH + periods * BAN_PERIOD


def ban_tokens(request):
    """This client's ban tokens: under the current period's salt and the previous one.

    A ban made late in one period must still hold early in the next, so both are checked.
    """
    current = ban_period_start(today())
    agent = request.META.get("HTTP_USER_AGENT", "")
    return [
        _keyed_hash(_salt(BanSalt, "period_start", start), "ban", client_ip(request), agent)
        for start in (current, current - BAN_PERIOD)
    ]


def destroy_old_salts(now=None):
    """Delete salts older than SALT_LIFETIME; returns how many were destroyed."""
    now = now or timezone.now()
    cutoff = (now - SALT_LIFETIME).astimezone(UTC).date()
    deleted, _ = DailySalt.objects.filter(day__lt=cutoff).delete()
    oldest_ban_period = ban_period_start(now.astimezone(UTC).date()) - BAN_PERIOD
    BanSalt.objects.filter(period_start__lt=oldest_ban_period).delete()
    _salt_cache.clear()
    return deleted


def forget_cached_salt():
    """Drop the in-memory copy (tests roll the database back under it)."""
    _salt_cache.clear()
