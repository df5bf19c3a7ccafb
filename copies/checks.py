"""The signing key must never be served: a key file inside MEDIA_ROOT or STATIC_ROOT would
be, by whatever serves those folders."""

import os
from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def signing_key_not_served(app_configs=None, **kwargs):
    path = os.environ.get("SAMIZDAT_SIGNING_KEY_FILE") or getattr(settings, "SIGNING_KEY_FILE", "")
    if not path:
        return []
    key = Path(path).resolve()
    for setting in ("MEDIA_ROOT", "STATIC_ROOT"):
        folder = getattr(settings, setting, "")
        if folder and key.is_relative_to(Path(folder).resolve()):
            return [
                checks.Error(
                    f"The signing key file {key} is inside {setting}, which is served to "
                    "everyone: anyone could sign fake copies with it.",
                    hint="Move it outside every served folder (see docs/copies.md).",
                    id="copies.E001",
                )
            ]
    return []
