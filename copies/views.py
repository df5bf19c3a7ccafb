"""The live mirror list's signature, so a reader can tell our list from a fake mirror's."""

from django.http import Http404, HttpResponse
from django.test import Client
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from . import signing

MAX_AGE = 300  # as long as a cache may keep /mirrors.json itself


@require_GET
def mirror_list_signature(request):
    """/mirrors.json.minisig: signs exactly the bytes /mirrors.json serves to this host."""
    key = signing.configured_key()
    if key is None:
        raise Http404
    listing = Client(HTTP_HOST=request.get_host()).get("/mirrors.json")
    signature = key.sign(listing.content, "file:mirrors.json")
    response = HttpResponse(signature, content_type="text/plain; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
