"""A caching proxy in front, as a real HTTP server on loopback that records Wagtail's PURGEs."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from samizdat import queue


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        if self.server.refusals:  # a proxy restarting: it answers, but takes nothing
            self.server.refusals -= 1
            self.send_response(503)
            self.end_headers()
            return
        if self.server.hang.is_set():  # a proxy that accepts and never answers
            self.server.release.wait(timeout=10)
            return
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


class Purged(list):
    """The (host, path) pairs the proxy was sent; .server is the proxy, to make it misbehave."""


def sent(purged):
    """What the proxy has received once the worker has run the queued purges."""
    queue.run_queued_tasks()
    return purged


@pytest.fixture
def proxy(settings):
    """A proxy that accepts PURGE on loopback; yields the (host, path) pairs it was sent."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged, server.refusals = Purged(), 0
    server.purged.server = server
    server.hang, server.release = threading.Event(), threading.Event()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.CANONICAL_BASE_URL = "https://news.example.org"
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield server.purged
    server.release.set()
    server.shutdown()
    server.server_close()
