"""What `make run` serves: the development settings without Django's debug pages.

`make run` may be bound to an address others reach (HOST=0.0.0.0, a forwarded port), so a
traceback, the settings or the list of URL patterns must never be shown to whoever asks;
errors still reach the terminal through the django.request log. Static files are served
by WhiteNoise and uploaded images by the app, as with DEBUG. `manage.py runserver` keeps
the debug pages, on loopback.
"""

from urllib.parse import urlsplit

from .dev import *  # noqa: F403
from .dev import WAGTAILADMIN_BASE_URL, ConfiguredHosts, env_list

DEBUG = False
SERVE_MEDIA = True
# Loopback, plus the host of the address links name (BASE_URL, set by `make run`).
ALLOWED_HOSTS = ConfiguredHosts(
    env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
    + [urlsplit(WAGTAILADMIN_BASE_URL).hostname or "127.0.0.1"]
)
