import os
import sys

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.production")

from samizdat.pagecache import HitsFirst  # noqa: E402 (after the settings module is named)

# Page-cache hits are short and use no I/O, so under a crowd of readers a thread that waits
# on the database (a comment being posted) would wait up to Python's default 5 ms for the
# interpreter after each answer; a post makes a few dozen such waits.
sys.setswitchinterval(float(os.environ.get("SWITCH_INTERVAL_MS", "5")) / 1000)

application = HitsFirst(get_wsgi_application())
