"""The configured host names, as one snapshot every request can read for free.

Django checks the Host header of every request against settings.ALLOWED_HOSTS, and the
page cache asks for the host before anything else runs, so the configured names must cost
no database query per request. A snapshot lives in each process for a few seconds and in
the shared cache (Redis, or the default SQLite cache files) for a minute
(samizdat.caching.LOCAL_HOST_NAMES, HOST_NAMES); saving
the settings in the admin publishes a new one at once. Another process sees a change
within its few seconds.
"""

import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

from samizdat import caching

SNAPSHOT_KEY = "mirrors:snapshot:1"
TIMESTAMP = "%Y-%m-%d %H:%M:%S.%f"
LIST_VERSION = "2.0"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    hosts: tuple = ()
    onion: str = ""
    alternatives: tuple = ()


EMPTY = Snapshot()
_local = {"snapshot": EMPTY, "until": 0.0}


def configured_names():
    """The host names editors configured, for ALLOWED_HOSTS (settings.CONFIGURED_HOSTS)."""
    return current().hosts


def current():
    """The snapshot this process may use now: a dict lookup unless it has expired."""
    if time.time() < _local["until"]:
        return _local["snapshot"]
    return refresh()


def refresh():
    from django.apps import apps
    from django.core.cache import cache

    if not apps.ready:
        return EMPTY
    snapshot = cache.get(SNAPSHOT_KEY)
    if snapshot is None:
        try:
            snapshot = load()
        except Exception as error:  # noqa: BLE001
            # Reading must go on whatever happened to the database (a migration, an
            # outage): keep the names we knew and ask again in a few seconds.
            logger.warning("Configured host names could not be read: %s", error)
            snapshot = _local["snapshot"]
        else:
            cache.set(SNAPSHOT_KEY, snapshot, caching.HOST_NAMES.seconds)
    remember(snapshot)
    return snapshot


def remember(snapshot, seconds=None):
    seconds = caching.LOCAL_HOST_NAMES.seconds if seconds is None else seconds
    _local.update(snapshot=snapshot, until=time.time() + seconds)


def forget():
    """Drop this process's copy: the next request reads the shared one."""
    _local.update(snapshot=EMPTY, until=0.0)


def publish():
    """Build the snapshot from the database and hand it to every process."""
    from django.core.cache import cache

    snapshot = load()
    cache.set(SNAPSHOT_KEY, snapshot, caching.HOST_NAMES.seconds)
    remember(snapshot)
    purge_pages()
    return snapshot


def load():
    from .models import Kind, MirrorHost

    rows = list(MirrorHost.objects.order_by("sort_order", "pk"))
    onion = next((row.host for row in rows if row.kind == Kind.ONION), "")
    return Snapshot(
        hosts=tuple(row.host for row in rows),
        onion=onion,
        alternatives=tuple(alternative(row) for row in rows if row.listed),
    )


def alternative(row):
    """One entry of the mirror list, in the format of the Bypass Censorship tools."""
    from .models import Kind

    onion = row.kind == Kind.ONION
    return {
        "proto": "tor" if onion else "https",
        "type": "eotk" if onion else "mirror",
        "created_at": utc_text(row.created_at),
        "updated_at": utc_text(row.updated_at),
        "url": row.url,
    }


def utc_text(moment):
    from datetime import UTC

    return moment.astimezone(UTC).strftime(TIMESTAMP)


def main_domain():
    host = urlsplit(settings.CANONICAL_BASE_URL).hostname or ""
    return host.removeprefix("www.")


def mirror_list(snapshot):
    """The document served at /mirrors.json."""
    return {
        "version": LIST_VERSION,
        "sites": [
            {"main_domain": main_domain(), "available_alternatives": list(snapshot.alternatives)}
        ],
    }


def purge_pages():
    """The "If we are blocked" pages list the names: drop their cached copies."""
    from django.urls import reverse
    from django.utils import translation

    from samizdat.pagecache import purge_path

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            purge_path(reverse("mirrors_blocked"))
