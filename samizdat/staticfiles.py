"""Static files as WhiteNoise stores them, each file's URL worked out once per process.

The manifest of hashed names is read when the process starts and does not change under
it: a deploy collects new files and restarts the app servers. So the URL of a name is the
same for the process's whole life. Working it out (the manifest lookup, quoting, joining)
took 18 µs on this machine, and every article page asks for eight of them.
"""

import threading

from whitenoise.storage import CompressedManifestStaticFilesStorage

from samizdat import caching


class StaticFiles(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}
        self._lock = threading.Lock()

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        found = self._urls.get(name)
        if found is None:
            # A name missing from the manifest raises here each time, as before.
            found = super().url(name)
            with self._lock:
                # Templates name a few dozen files; made-up names cannot grow it past this.
                if len(self._urls) < caching.STATIC_URLS.limit:
                    self._urls[name] = found
        return found
