import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.production")

from samizdat.pagecache import HitsFirst  # noqa: E402 (after the settings module is named)

application = HitsFirst(get_wsgi_application())
