"""The worker keeps today's offline editions and, when a folder is configured, the static
copy current; the newsroom's own tools sync that folder to buckets or peer-to-peer caches."""

import logging

from django.conf import settings

from samizdat import jobs

from . import editions, export, signing

logger = logging.getLogger(__name__)

EDITION_INTERVAL = 30 * 60
EXPORT_INTERVAL = 15 * 60


@jobs.register("offline_editions", interval=EDITION_INTERVAL)
def offline_editions():
    if signing.configured_key() is not None:
        editions.build_all()


@jobs.register("static_copy", interval=EXPORT_INTERVAL)
def static_copy():
    folder = getattr(settings, "STATIC_COPY_DIR", "")
    if not folder:
        return
    key = signing.configured_key()
    if key is None:
        # An unsigned copy would teach readers to trust copies nobody can check.
        logger.warning("STATIC_COPY_DIR is set but there is no signing key: no copy written")
        return
    # Apart: bringing a whole archive's copy up to date takes minutes, and purges after
    # moderation must not wait for it.
    jobs.apart("static_copy", export.export, folder, key=key, jobs=settings.STATIC_COPY_JOBS)
