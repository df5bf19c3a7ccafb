"""Hashed clients: how we tell readers apart for a day without knowing who they are.

DESIGN.md: never store a raw IP. A client is a keyed hash of (IP, user agent, day) with a
secret salt that rotates daily and is destroyed after 48 hours. The purpose goes into the
hash too, so a comment rate-limit key cannot be joined with a readership counter.

Limits are kept per address (address_hash): the user agent is the sender's to choose, so
a limit keyed by it would be one new header away. The user agent only tells readers behind
one address apart, and only into AGENT_GROUPS groups a day: however many agents one address
sends, it is at most that many readers, likers or commenters (client_hash).
"""

import hashlib
import hmac
import ipaddress
import secrets
import time
from datetime import UTC, date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from samizdat import caching

from .models import BanSalt, DailySalt

SALT_LIFETIME = timedelta(hours=48)
BAN_PERIOD = timedelta(days=30)
EPOCH = date(2026, 1, 1)
_salt_cache: dict = {}  # (kind, start) -> (secret, read again after)
# caching.DAILY_SALTS: of each kind the newest two (today's and yesterday's day, this ban
# period and the last); destroy_old_salts runs in the worker process, the app servers forget
# old secrets here. And each for ten minutes at most: a process that no newer salt reached
# (an idle one) still drops one the worker destroyed, at the next request after that time.
clock = time.monotonic


def today():
    return timezone.now().astimezone(UTC).date()


def salt_for(day):
    """Today's secret, made on first use; kept in memory so a request costs no query."""
    return _salt(DailySalt, "day", day)


def _salt(model, field, start):
    key = (model.__name__, start)
    cached = _salt_cache.get(key)
    if cached and clock() < cached[1]:
        return cached[0]
    salt = model.objects.filter(**{field: start}).values_list("secret", flat=True).first()
    if salt is None:
        salt = _create_salt(model, field, start)
    _salt_cache[key] = (salt, clock() + caching.DAILY_SALTS.seconds)
    _forget_older_salts(model.__name__)
    return salt


def _forget_older_salts(kind):
    # list(): other threads may add a salt meanwhile; pop(): or forget one first.
    held = sorted(key for key in list(_salt_cache) if key[0] == kind)
    for key in held[: -caching.DAILY_SALTS.limit]:
        _salt_cache.pop(key, None)


def _create_salt(model, field, start):
    try:
        with transaction.atomic():
            return model.objects.create(**{field: start, "secret": secrets.token_hex(32)}).secret
    except IntegrityError:  # another process made it first
        return model.objects.get(**{field: start}).secret


def client_ip(request):
    """The address the request came from: behind TRUSTED_PROXY_HOPS proxies, the one the
    outermost of them added to X-Forwarded-For.

    Each proxy appends the address it was called from, so the entries to the left of ours
    were written by the client and prove nothing; we count hops from the right. A request
    with fewer entries than hops skipped an outer proxy: its leftmost entry is still one a
    proxy of ours wrote. Only used as input to a hash, never stored or logged.
    """
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if forwarded:
            return forwarded[-min(hops, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "")


FIRST_64_BITS = ((1 << 64) - 1) << 64


def client_address(request):
    """The address as limits see it: an IPv6 client holds a whole /64, so that is its address."""
    raw = client_ip(request)
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw
    if address.version == 6 and address.ipv4_mapped:
        return str(address.ipv4_mapped)
    if address.version == 6 and not address.scope_id:
        # The /64 by its first 64 bits: the same text as ip_network(f"{address}/64",
        # strict=False), without parsing the address a second time (every beacon asks).
        return f"{ipaddress.IPv6Address(int(address) & FIRST_64_BITS)}/64"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _keyed_hash(salt, *parts):
    digest = hmac.new(salt.encode(), "\n".join(parts).encode(), hashlib.blake2b)
    return digest.hexdigest()[:32]


def address_hash(request, purpose):
    """A 32-character hex token for this address today, whatever user agent it sends."""
    day = today()
    return _keyed_hash(salt_for(day), purpose, day.isoformat(), client_address(request))


def network_hash(request, purpose):
    """A token for the sender's network today (IPv4 /24, IPv6 /48): one source of many
    addresses, as a person with a few machines in one place or one rented server has."""
    day = today()
    return _keyed_hash(
        salt_for(day), purpose, day.isoformat(), _network_of(client_address(request))
    )


def _network_of(address):
    try:
        network = ipaddress.ip_network(address, strict=False)
    except ValueError:
        return address
    prefix = 24 if network.version == 4 else 48
    return str(network.supernet(new_prefix=min(prefix, network.prefixlen)))


def agent_group(request, day):
    """Which of AGENT_GROUPS groups this user agent falls in today (keyed, so it changes daily)."""
    agent = request.META.get("HTTP_USER_AGENT", "")
    digest = _keyed_hash(salt_for(day), "agent", day.isoformat(), agent)
    return str(int(digest, 16) % settings.AGENT_GROUPS)


def client_hash(request, purpose):
    """A 32-character hex token for this reader today, different for each purpose.

    Readers behind one address are told apart by user agent, but one address is never more
    than AGENT_GROUPS readers however many agents it sends.
    """
    day = today()
    address = client_address(request)
    return _keyed_hash(salt_for(day), purpose, day.isoformat(), address, agent_group(request, day))


def ban_period_start(day):
    periods = (day - EPOCH) // BAN_PERIOD
    return EPOCH + periods * BAN_PERIOD


def ban_tokens(request):
    """This client's ban tokens: under the current period's salt and the previous one.

    A ban made late in one period must still hold early in the next, so both are checked.
    A ban holds for the sender's address whatever user agent it sends next.
    """
    current = ban_period_start(today())
    address = client_address(request)
    return [
        _keyed_hash(_salt(BanSalt, "period_start", start), "ban", address)
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
