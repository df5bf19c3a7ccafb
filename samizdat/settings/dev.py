"""Local development: debug on, a throwaway key, loopback hosts."""

from .base import *  # noqa: F403
from .base import ConfiguredHosts, env_list

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-key-not-for-production"  # noqa: F405, S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
ALLOWED_HOSTS = ConfiguredHosts(ALLOWED_HOSTS)
NEWSLETTER_KEY = NEWSLETTER_KEY or "dev-only-newsletter-key-not-for-production"  # noqa: F405, S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
