"""The worker keeps today's offline editions and, when a folder is configured, the static
copy current; the newsroom's own tools sync that folder to buckets or peer-to-peer caches."""

from django.conf import settings

from samizdat.jobs import register

from . import editions, export, signing

EDITION_INTERVAL = 30 * 60
EXPORT_INTERVAL = 15 * 60


@register("offline_editions", interval=EDITION_INTERVAL)
def offline_editions():
    if signing.configured_key() is not None:
        editions.build_all()


@register("static_copy", interval=EXPORT_INTERVAL)
def static_copy():
    folder = getattr(settings, "STATIC_COPY_DIR", "")
    if folder and signing.configured_key() is not None:
        export.export(folder, key=signing.configured_key())
