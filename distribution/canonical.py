"""The main domain: named on purpose by canonical links, sitemaps and social tags only.

Everything else the site emits stays relative to the host the reader used (mirrors).
"""

from django.conf import settings


def canonical_url(path):
    return settings.CANONICAL_BASE_URL.rstrip("/") + path
