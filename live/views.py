"""The live page at its own address, and the small endpoint its readers poll."""

import json

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from newsroom import edition

from . import state
from .middleware import remember_blog
from .models import LiveBlogPage
from .reading import BadCursor, new_entries, page_context, parse_cursor


def find_blog(slug):
    """The published live blog of this language, remembered until the next publication."""
    language = translation.get_language()
    return edition.remember(
        f"live-blog:{language}:{slug}",
        lambda: (
            LiveBlogPage.objects.live()
            .filter(locale__language_code=language, slug=slug)
            .select_related("locale", "section", "lead_image")
            .first()
        ),
    )


def bad_cursor(error):
    return JsonResponse({"error": str(error)}, status=400)


@require_safe
def live_page(request, slug):
    try:
        request.live_before = parse_cursor(request.GET.get("before"), "before")
    except BadCursor as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    page = find_blog(slug)
    if page is None or page.get_view_restrictions():
        raise Http404
    request.live_route = True
    response = page.serve(request)
    response.render()
    return response


@require_safe
def lite_page(request, slug):
    """The text-only live page of the lite edition: a reload shows new entries."""
    try:
        request.live_before = parse_cursor(request.GET.get("before"), "before")
    except BadCursor as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    page = find_blog(slug)
    if page is None or page.get_view_restrictions():
        raise Http404
    language = translation.get_language()
    context = {
        "page": page,
        "front_url": f"/{language}/lite/",
        "versions": lite_versions(page, language),
        **page_context(page, request),
    }
    return render(request, "live/lite.html", context)


def lite_versions(page, current):
    """The lite live page in each language the blog is published in, else the lite front."""
    slugs = dict(
        LiveBlogPage.objects.live()
        .filter(translation_key=page.translation_key)
        .values_list("locale__language_code", "slug")
    )
    return [
        {
            "code": code,
            "name": name,
            "url": f"/{code}/lite/live/{slugs[code]}/" if code in slugs else f"/{code}/lite/",
            "is_current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@require_safe
def updates(request, slug):
    """Entries newer than ?after=<id>: an HTML fragment, or JSON with ?format=json.

    Cheap on purpose: a poll that changes nothing is a 304 or a stored answer; only the
    first poll after each change renders, once per (version, after, format).
    """
    try:
        after = parse_cursor(request.GET.get("after"), "after") or 0
    except BadCursor as error:
        return bad_cursor(error)
    fmt = "json" if request.GET.get("format") == "json" else "html"
    blog = find_blog(slug)
    if blog is None or blog.get_view_restrictions():
        raise Http404
    remember_blog(translation.get_language(), slug, blog.pk)
    current = state.version(blog.pk)
    etag = state.etag(blog.pk, current, after, fmt)
    if etag in request.headers.get("If-None-Match", ""):
        return state.finish(HttpResponseNotModified(), etag)
    key = state.updates_key(blog.pk, current, after, fmt)
    body = cache.get(key)
    if body is None:
        body = render_updates(blog, after, fmt)
        cache.set(key, body, state.UPDATES_SECONDS)
    return state.finish(HttpResponse(body, content_type=state.CONTENT_TYPES[fmt]), etag)


def render_updates(blog, after, fmt):
    state.count_render()
    entries, more = new_entries(blog.pk, after)
    latest = entries[0].pk if entries else after
    today = timezone.localdate()
    if fmt == "json":
        return json.dumps(
            {
                "latest": latest,
                "count": len(entries),
                "more": more,
                "open": blog.is_open,
                "entries": [
                    {
                        "id": entry.pk,
                        "url": f"{blog.live_path}#{entry.anchor}",
                        "key_event": entry.key_event,
                        "published": entry.publish_at.isoformat(),
                        "html": render_to_string(
                            "live/entry.html", {"entry": entry, "page": blog, "today": today}
                        ),
                    }
                    for entry in entries
                ],
            },
            ensure_ascii=False,
        )
    return render_to_string(
        "live/updates.html",
        {"entries": entries, "latest": latest, "more": more, "page": blog, "today": today},
    )
