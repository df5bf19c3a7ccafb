"""Project-wide error views."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults


def page_not_found(request, exception):
    """JSON under /api/ (an address no route matches), the reader's 404 page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": _("There is nothing here."), "code": "not_found"}, status=404)
    return defaults.page_not_found(request, exception)
