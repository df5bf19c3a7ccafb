"""Tests: fast hashing, local memory cache unless REDIS_URL asks for Redis."""

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
NEWSLETTER_KEY = "test-only-newsletter-key-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="samizdat-test-media-")
# Every test client is one client: tests of the limit set their own rate.
PAGE_RENDER_RATE = "100000/m"


def redis_url_of_this_worker(url, worker):
    """Worker gwN of a parallel run (pytest-xdist) uses Redis database <url's number> + N.

    Tests empty the cache database before and after each test (FLUSHDB): two workers on one
    database would empty each other's in the middle of a test.
    """
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{number}"))


# The processes a test starts (app servers, the worker, `make run`) inherit the environment
# and some load these settings again: what is set here for one test process (one worker of
# a parallel run) is set once, by that process, and shared by everything it starts.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if os.environ.get("SAMIZDAT_TEST_PROCESS") != WORKER:
    # A cache folder of its own (without Redis), not the checkout's cache/ that a
    # developer's `make run` uses, nor another worker's.
    os.environ["CACHE_DIR"] = tempfile.mkdtemp(prefix="samizdat-test-cache-")
    if REDIS_URL and WORKER:  # noqa: F405
        REDIS_URL = redis_url_of_this_worker(REDIS_URL, WORKER)  # noqa: F405
        CACHES["default"]["LOCATION"] = os.environ["REDIS_URL"] = REDIS_URL  # noqa: F405
    os.environ["SAMIZDAT_TEST_PROCESS"] = WORKER

if not REDIS_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
