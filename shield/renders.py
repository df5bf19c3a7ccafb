"""A bound on the pages one client may have rendered: cached reading stays for everyone.

A page-cache hit costs next to nothing; a miss costs a render. Misses per hashed client
are counted (PAGE_RENDER_RATE) and a client over its rate gets the 429 page in its
language, so one client asking for pages nobody else reads cannot use up the servers.
"""

from django.conf import settings
from django.db import InterfaceError, OperationalError

from privacy.limits import seconds_to_wait

from .refusals import TooOften, refusal_response


def render_guard(request):
    """The 429 page for a client over its rate of renders, else None (render it)."""
    try:
        wait = seconds_to_wait(request, "renders", settings.PAGE_RENDER_RATE)
    except (OperationalError, InterfaceError):
        # The day's salt could not be read: the render will meet the same database and
        # answer for it (samizdat.middleware.DatabaseUnavailableMiddleware).
        return None
    if not wait:
        return None
    return refusal_response(request, TooOften(retry_after=wait))
