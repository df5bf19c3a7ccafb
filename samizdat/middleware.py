"""Project-wide request guards."""

import functools

from csp.constants import HEADER, SELF
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from samizdat import pagecache


class BodySizeLimitMiddleware:
    """Refuse oversized bodies with 413 before anything reads them.

    Readers' write paths (comments, reports, beacons) carry a few kilobytes; a flood of
    large bodies should cost us nothing. The admin gets a larger limit for uploads.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > self.limit_for(request.path):
            return self.too_large(request)
        return self.get_response(request)

    @staticmethod
    def limit_for(path):
        if path.startswith("/admin/"):
            return settings.ADMIN_MAX_BODY
        return settings.READER_MAX_BODY

    @staticmethod
    def too_large(request):
        language = translation.get_language_from_request(request, check_path=True)
        with translation.override(language):
            message = _("The request is too large.")
        if request.path.startswith("/api/"):
            return JsonResponse({"error": message, "code": "too_large"}, status=413)
        return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")


class ReaderLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect for paths that have no language.

    A 404 under /api/ or /admin/ would otherwise be redirected to /<lang>/api/..., which
    Wagtail's catch-all makes look valid: clients would get a 302 instead of their 404.
    """

    UNPREFIXED = ("/api/", "/admin/", "/static/", "/media/", "/documents/")

    def process_response(self, request, response):
        if request.path.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Reader pages need no camera, microphone, location or interest cohorts: say so."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """The database down, restarting or locked: a spare cached page or a 503, never a 500.

    Only errors of the connection or the server (OperationalError, InterfaceError: refused,
    terminated, locked, lock or statement timeout) are caught; a bug in a query still 500s.
    Nothing runs on the way in, so the page cache's hit path costs the same.
    """

    RETRY_AFTER = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        spare = pagecache.spare_response(request)
        if spare is not None:
            return spare
        return self.unavailable(request)

    def unavailable(self, request):
        language = translation.get_language_from_request(request, check_path=True)
        with translation.override(language):
            if request.path.startswith("/api/"):
                message = _(
                    "The service is unavailable for a moment. Please try again in a minute."
                )
                response = JsonResponse({"error": message, "code": "unavailable"}, status=503)
            else:
                # Self-contained like 500.html: no request context, no database.
                html = render_to_string("503.html", {"language": language})
                response = HttpResponse(html, status=503)
        response["Retry-After"] = str(self.RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        response["Content-Language"] = language
        return response


class SitePolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, building the site-wide policy once instead of per response.

    Building it copies the whole policy per response (a third of the cost of a page-cache
    hit). Responses with a policy of their own (django-csp's decorators), a nonce or a
    report-only policy take django-csp's own path.
    """

    OWN_POLICY = ("_csp_config", "_csp_update", "_csp_replace")
    OWN_POLICY += tuple(f"{name}_ro" for name in OWN_POLICY) + ("_csp_exempt",)

    def process_response(self, request, response):
        if getattr(request, "is_preview", False):
            self.let_the_admin_frame(response)
        if not self.uses_site_policy(request, response):
            return super().process_response(request, response)
        if HEADER not in response and not request.path_info.startswith(excluded_prefixes()):
            response[HEADER] = site_policy()
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    @staticmethod
    def let_the_admin_frame(response):
        """A preview may be framed by our own admin; every other rule of the page still holds.

        Wagtail renders a preview by sending a stand-in request for the page's public address
        through the middleware again, so it would get the readers' frame-ancestors 'none' and
        the admin's preview panel would stay blank.
        """
        replaced = getattr(response, "_csp_replace", None) or {}
        response._csp_replace = {**replaced, "frame-ancestors": [SELF]}

    def uses_site_policy(self, request, response):
        return (
            getattr(request, "_csp_nonce", None) is None
            and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            and not settings.DEBUG
            and not any(hasattr(response, name) for name in self.OWN_POLICY)
        )


@functools.cache
def site_policy():
    return build_policy()


@functools.cache
def excluded_prefixes():
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    return tuple(policy.get("EXCLUDE_URL_PREFIXES", None) or ())


@receiver(setting_changed)
def forget_site_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        site_policy.cache_clear()
        excluded_prefixes.cache_clear()
