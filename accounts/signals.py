"""Remember when a session signed in, so its age can be capped (accounts.middleware)."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SIGNED_IN_AT = "accounts_signed_in_at"


@receiver(user_logged_in)
def stamp_sign_in_time(sender, request, user, **kwargs):
    """Store the sign-in time in the new session."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())
