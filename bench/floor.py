"""The Python floor: a bare Django view answering the saved article bytes from memory.

No middleware, no database, no cache: what any Django page costs through a given app
server. `make bench` compares the real pages with it. BENCH_FLOOR_FILE names the saved page.
"""

import os
from pathlib import Path

import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-floor-only-" + "x" * 40,  # noqa: S106 (serves one static page, no secrets)
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)
django.setup()

PAGE = Path(os.environ["BENCH_FLOOR_FILE"]).read_bytes()


def saved_page(request, rest=""):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", saved_page), path("<path:rest>", saved_page)]

from django.core.asgi import get_asgi_application  # noqa: E402 (after settings)
from django.core.wsgi import get_wsgi_application  # noqa: E402

wsgi = get_wsgi_application()
asgi = get_asgi_application()
