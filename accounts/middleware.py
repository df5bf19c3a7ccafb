"""Admin sessions: an absolute age limit, and the second factor where one is due."""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from samizdat import pagecache

from .devices import authenticator_of
from .signals import SIGNED_IN_AT


class SessionLimitMiddleware:
    """Sign a session out SESSION_COOKIE_AGE after it signed in, however busy it was.

    Django renews a session's expiry whenever it is saved; a stolen admin cookie should
    not live for ever by being used. Sessions with no sign-in time are treated as too old.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session and self.too_old(session):
            logout(request)
        return self.get_response(request)

    @staticmethod
    def too_old(session):
        signed_in_at = session.get(SIGNED_IN_AT)
        return signed_in_at is None or time.time() - signed_in_at > settings.SESSION_COOKIE_AGE


# What a superuser who must enrol may still reach: the screen, what it loads, and the way out.
ENROLMENT_NEEDS = (
    "accounts_admin:two_factor",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_logout",
)


class SecondFactorMiddleware:
    """In the admin, hold staff to their second factor.

    A session of an account with an authenticator that was not verified with a code (it
    signed in before the device was added elsewhere) signs in again. With
    REQUIRE_2FA_FOR_SUPERUSERS, a superuser without an authenticator may only enrol one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("wagtailadmin_home")):
            detour = self.detour(request)
            if detour is not None:
                return detour
        return self.get_response(request)

    @staticmethod
    def detour(request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if authenticator_of(user) is not None:
            logout(request)
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        must_enrol = settings.REQUIRE_2FA_FOR_SUPERUSERS and user.is_superuser
        if must_enrol and request.path not in {reverse(name) for name in ENROLMENT_NEEDS}:
            return redirect("accounts_admin:two_factor")
        return None


class EditorMarkMiddleware:
    """Mark a signed-in browser so the page cache lets it through to fresh pages.

    The page cache runs before sessions and cannot tell a real session cookie from a
    made-up one without the database; a signed mark beside the session can be checked
    for free (samizdat.pagecache.signed_in_editor). It lives as long as the session
    cookie and goes with the sign-out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in and not pagecache.signed_in_editor(request):
            response.set_cookie(
                pagecache.EDITOR_COOKIE,
                pagecache.editor_mark(user),
                max_age=None
                if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
                else settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif not signed_in and pagecache.EDITOR_COOKIE in request.COOKIES:
            response.delete_cookie(pagecache.EDITOR_COOKIE, samesite="Lax")
        return response
