"""Production: everything from the environment, and refuse to start with unsafe defaults."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, NEWSLETTER_KEY, SECRET_KEY, env_list

if (
    not SECRET_KEY
    or SECRET_KEY.startswith(("dev-", "test-", "django-insecure"))
    or len(SECRET_KEY) < 50
):
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")
# The environment's names: ALLOWED_HOSTS also reads the admin's, which only the loaded
# apps can give (samizdat.allowed_hosts), and these settings load before them.
FIXED_HOSTS = env_list("ALLOWED_HOSTS")
if not FIXED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names the site answers to.")
# The key that seals the subscriber list and the Telegram bot token (samizdat.sealing):
# without it the first subscriber would fail deep in a request, and a placeholder would
# seal nothing at all.
if len(NEWSLETTER_KEY) < 32 or NEWSLETTER_KEY.startswith(("dev-", "test-", "change-me")):
    raise ImproperlyConfigured(
        "Set NEWSLETTER_KEY (or NEWSLETTER_KEY_FILE) to a random string of at least 32"
        " characters: it seals the newsletter's subscriber list and the Telegram bot token."
    )

DEBUG = False
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in FIXED_HOSTS]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true") == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # the Wagtail admin reads its token from the page, not the cookie
REQUIRE_2FA_FOR_SUPERUSERS = os.environ.get("REQUIRE_2FA_FOR_SUPERUSERS", "true") == "true"
SECURE_REFERRER_POLICY = "same-origin"

# PostgreSQL connections: one pool per app-server process (Django's connection pooling),
# so a process holds at most DB_POOL_SIZE connections however many threads it runs
# (granian: 64 blocking threads a worker). A request borrows one for its duration only;
# a page-cache hit borrows none (samizdat.connections). Size PostgreSQL's max_connections
# for workers x DB_POOL_SIZE of every app server, plus `manage.py worker` and a few for
# maintenance. Pooled connections are not kept per thread, so CONN_MAX_AGE must be 0;
# DB_POOL_SIZE=0 goes back to one persistent connection per thread (DB_CONN_MAX_AGE).
DB_POOL_SIZE = int(os.environ.get("DB_POOL_SIZE", "8"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and DB_POOL_SIZE:
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(2, DB_POOL_SIZE),
        "max_size": DB_POOL_SIZE,
        # A request waits this long for a free connection, then gets the page's spare
        # copy or a 503 (DatabaseUnavailableMiddleware) rather than queueing for ever.
        "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "10")),
        # Connections above min_size go back to PostgreSQL after a minute unused.
        "max_idle": 60,
    }
