"""The live page at its own address, and the small endpoint its readers poll."""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from newsroom import edition

from . import state
from .models import LiveBlogPage
from .reading import UPDATES_LIMIT, BadCursor, latest_entries, page_context, parse_cursor


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
    """Entries newer than ?after=<place>: an HTML fragment, or JSON with ?format=json.

    Stored by the page cache like any page (one copy per cursor, purged when an entry is
    committed), so a poll costs what a cached article does. A miss is cheap too: it only
    picks the entries after the cursor from the latest ones, rendered once per version of
    the blog for every cursor (recent_entries).
    """
    try:
        after = parse_cursor(request.GET.get("after"), "after") or 0
    except BadCursor as error:
        return bad_cursor(error)
    blog = find_blog(slug)
    if blog is None or blog.get_view_restrictions():
        raise Http404
    recent = recent_entries(blog)
    shown = [entry for entry in recent[:UPDATES_LIMIT] if entry["sequence"] > after]
    more = len(recent) > UPDATES_LIMIT and recent[UPDATES_LIMIT]["sequence"] > after
    latest = shown[0]["sequence"] if shown else after
    if request.GET.get("format") == "json":
        response = JsonResponse(
            {
                "latest": latest,
                "count": len(shown),
                "more": more,
                "open": blog.is_open,
                "entries": [{k: v for k, v in entry.items() if k != "sequence"} for entry in shown],
            },
            json_dumps_params={"ensure_ascii": False},
        )
        response.cache_as_page = True
        return response
    body = format_html(
        '<div class="live-updates" data-latest="{}" data-count="{}"{}>{}</div>',
        latest,
        len(shown),
        mark_safe(' data-more="1"') if more else "",  # noqa: S308 (our own constant)
        mark_safe("".join(entry["html"] for entry in shown)),  # noqa: S308 (rendered by us)
    )
    return HttpResponse(body, content_type="text/html; charset=utf-8")


def recent_entries(blog):
    """The blog's latest entries, rendered once per version of the blog and day."""
    today = timezone.localdate()
    key = state.recent_key(blog.pk, state.version(blog.pk), today)
    recent = cache.get(key)
    if recent is None:
        recent = render_recent(blog, today)
        cache.set(key, recent, state.RECENT_SECONDS)
    return recent


def render_recent(blog, today):
    state.count_render()
    return [
        {
            "sequence": entry.sequence,
            "id": entry.pk,
            "url": f"{blog.live_path}#{entry.anchor}",
            "key_event": entry.key_event,
            "published": entry.publish_at.isoformat(),
            "html": render_to_string(
                "live/entry.html", {"entry": entry, "page": blog, "today": today}
            ),
        }
        for entry in latest_entries(blog.pk)
    ]
