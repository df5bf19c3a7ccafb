"""Production: everything from the environment, and refuse to start with unsafe defaults."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY

if (
    not SECRET_KEY
    or SECRET_KEY.startswith(("dev-", "test-", "django-insecure"))
    or len(SECRET_KEY) < 50
):
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names the site answers to.")

DEBUG = False
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]
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
