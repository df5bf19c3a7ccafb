"""The machine-readable mirror list and the "If we are blocked" page."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from . import hosts

LIST_MAX_AGE = 300


@require_GET
def mirror_list(request):
    """/mirrors.json, for the Bypass Censorship extension and similar tools."""
    document = hosts.mirror_list(hosts.current())
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
    # Public data that other sites' tools may fetch; a CDN may keep it a few minutes.
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=LIST_MAX_AGE)
    return response


@require_GET
def blocked(request):
    """How to reach us when the main domain is blocked, in the reader's language."""
    snapshot = hosts.current()
    mirrors = [entry["url"] for entry in snapshot.alternatives if entry["proto"] == "https"]
    onion = next((e["url"] for e in snapshot.alternatives if e["proto"] == "tor"), "")
    context = {"mirrors": mirrors, "onion": onion, "language": request.LANGUAGE_CODE}
    return render(request, "mirrors/blocked.html", context)
