"""Project-wide request guards."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _


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
