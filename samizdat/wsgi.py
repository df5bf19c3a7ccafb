import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.production")

django_handler = get_wsgi_application()

# Imported once Django is set up: the short path reads models and settings.
from readership.shortpath import BeaconsFirst  # noqa: E402
from samizdat.pagecache import HitsFirst  # noqa: E402

application = HitsFirst(BeaconsFirst(django_handler))
