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

from samizdat import caching

from . import state
from .models import LiveBlogPage
from .reading import (
    LATEST,
    LATEST_PLACES,
    UPDATES_LIMIT,
    BadCursor,
    changed_entries,
    last_place,
    latest_changes,
    latest_entries,
    page_context,
    parse_cursor,
)


def find_blog(slug):
    """The published live blog of this language, remembered until the next publication."""
    language = translation.get_language()
    return caching.remember(
        caching.SITE_LOOKUPS,
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
    """What changed after ?after=<place>: new entries, edited ones, removed ones.

    An HTML fragment, or JSON with ?format=json. ?after=latest asks for the last few
    places whatever the reader's cursor: every open page asks that same question, so
    between two changes one stored copy (and its ETag, so a 304) answers them all; a page
    further behind than those places asks with its own cursor.

    Stored by the page cache like any page (one copy per question, purged when an entry
    or a change is committed). A miss is cheap too: it only picks what comes after the
    cursor from the latest entries and changes, rendered once per version of the blog
    for every cursor (recent_entries).
    """
    raw = request.GET.get("after")
    try:
        after = None if raw == LATEST else parse_cursor(raw, "after") or 0
    except BadCursor as error:
        return bad_cursor(error)
    blog = find_blog(slug)
    if blog is None or blog.get_view_restrictions():
        raise Http404
    recent = recent_entries(blog)
    if after is None:
        after = max(0, recent["last"] - LATEST_PLACES)
    answer = answer_after(recent, after)
    if request.GET.get("format") == "json":
        response = JsonResponse(
            {**answer, "open": blog.is_open}, json_dumps_params={"ensure_ascii": False}
        )
        response.cache_as_page = True
        return response
    return HttpResponse(answer_html(answer), content_type="text/html; charset=utf-8")


def answer_after(recent, after):
    """What a reader at place `after` has not been told of, from the latest entries and changes."""
    entries = recent["entries"]
    shown = [entry for entry in entries[:UPDATES_LIMIT] if entry["sequence"] > after]
    # Even those of entries that come as new here: ?after=latest serves readers at every
    # cursor from `after` on, and one who already has the entry needs its change.
    changes = [change for change in recent["changes"] if change["place"] > after]
    more = len(entries) > UPDATES_LIMIT and entries[UPDATES_LIMIT]["sequence"] > after
    return {
        "latest": max(after, recent["last"]),
        "from": after,
        "count": len(shown),
        # Changes further back than the places kept are not told: the reader should reload.
        "more": more or after < recent["last"] - UPDATES_LIMIT,
        "entries": shown,
        "changed": [change for change in changes if change.get("html") is not None],
        "removed": [
            {"id": change["id"], "place": change["place"]}
            for change in changes
            if change.get("html") is None
        ],
    }


def answer_html(answer):
    updates_part = format_html(
        '<div class="live-updates" data-latest="{}" data-from="{}" data-count="{}"{}>{}</div>',
        answer["latest"],
        answer["from"],
        answer["count"],
        mark_safe(' data-more="1"') if answer["more"] else "",  # noqa: S308 (our own constant)
        mark_safe("".join(entry["html"] for entry in answer["entries"])),  # noqa: S308 (ours)
    )
    changes = [
        format_html(
            '<div class="live-change" data-entry="{}" data-place="{}">{}</div>',
            change["id"],
            change["place"],
            mark_safe(change.get("html") or ""),  # noqa: S308 (rendered by us)
        )
        for change in [*answer["changed"], *answer["removed"]]
    ]
    if not changes:
        return updates_part
    return updates_part + format_html(
        '<div class="live-changes">{}</div>',
        mark_safe("".join(changes)),  # noqa: S308 (built above)
    )


def recent_entries(blog):
    """The blog's latest entries and changes, rendered once per version of the blog and day."""
    today = timezone.localdate()
    key = state.recent_key(blog.pk, state.version(blog.pk), today)
    recent = cache.get(key)
    if recent is None:
        recent = render_recent(blog, today)
        # Outlives any poll interval many times over (caching.LIVE_RECENT).
        cache.set(key, recent, caching.LIVE_RECENT.seconds)
    return recent


def render_recent(blog, today):
    state.count_render()
    # The last place first: everything up to it is committed, so what is read next is
    # whole up to it, and nothing after it is told yet (the next version tells it).
    last = last_place(blog.pk)
    entries = [entry_data(entry, blog, today) for entry in latest_entries(blog.pk, last)]
    changes = latest_changes(blog.pk, last)
    rendered = {data["id"]: data for data in entries}
    still_shown = changed_entries(blog.pk, [pk for _, pk in changes if pk not in rendered], last)
    for pk, entry in still_shown.items():
        rendered[pk] = entry_data(entry, blog, today)
    return {
        "last": last,
        "entries": entries,
        "changes": [
            {**rendered[pk], "place": place} if pk in rendered else {"id": pk, "place": place}
            for place, pk in changes
        ],
    }


def entry_data(entry, blog, today):
    return {
        "sequence": entry.sequence,
        "id": entry.pk,
        "url": f"{blog.live_path}#{entry.anchor}",
        "key_event": entry.key_event,
        "published": entry.publish_at.isoformat(),
        "html": render_to_string("live/entry.html", {"entry": entry, "page": blog, "today": today}),
    }
