"""Polls for new entries answered before routing, sessions and Wagtail: a 304 or a stored answer.

The updates view (live.views.updates) stores what it rendered; between two changes of a
live blog every poll asks the same question, so it is answered here from the cache. Any
doubt (an odd query, nothing stored yet, a new generation of pages) goes on to the view.
"""

import re

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified

from samizdat import pagecache

from . import state

UPDATES_PATH = re.compile(r"^/(?P<language>[a-z]{2})/live/(?P<slug>[^/]+)/updates/$")


def blog_key(language, slug):
    # Under the page generation: publishing, unpublishing or moving any page forgets it.
    return f"live:blog:{pagecache.generation()}:{language}:{slug}"


def remember_blog(language, slug, blog_pk):
    cache.set(blog_key(language, slug), blog_pk, state.UPDATES_SECONDS)


def stored_answer(request, language, slug):
    query = request.GET
    after = query.get("after", "0")
    if set(query) - {"after", "format"} or not (after.isascii() and after.isdigit()):
        return None
    if len(after) > 19 or query.get("format", "html") not in ("html", "json"):
        return None
    fmt = query.get("format", "html")
    blog_pk = cache.get(blog_key(language, slug))
    current = cache.get(state.version_key(blog_pk)) if blog_pk else None
    if current is None:
        return None
    etag = state.etag(blog_pk, current, int(after), fmt)
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        body = cache.get(state.updates_key(blog_pk, current, int(after), fmt))
        if body is None:
            return None
        response = HttpResponse(body, content_type=state.CONTENT_TYPES[fmt])
    return state.finish(response, etag)


class LiveUpdatesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            found = UPDATES_PATH.match(request.path_info)
            if found:
                answer = stored_answer(request, found["language"], found["slug"])
                if answer is not None:
                    return answer
        return self.get_response(request)
