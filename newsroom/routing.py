"""Reader URLs to pages without walking the page tree on every request.

Wagtail finds a page by walking the tree from the site's root, two queries a level. Here
the page a URL leads to is found by its url_path in two short queries instead, and then
remembered under the cache foundation (samizdat.caching) loaded with what every render of
it reads, so the next request takes it from the cache without a query: building an ORM
query alone costs about a millisecond. Moving, renaming, unpublishing or deleting any page,
or publishing one that is not an article, starts a new foundation and with it a fresh
lookup. An article's own publication does not: its route is checked against its live
revision by the statement every article render runs anyway (ArticlePage.read_fresh), and
looked up again when it is stale. What changes on a live page between publications (an
article's comment count) its render reads afresh (ArticlePage.get_context).
"""

import functools
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import path, re_path
from django.utils import translation
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Page, get_page_models

from samizdat import caching, prepared

from . import lookups

# Loaded with the page, because every render of it reads them.
RELATED = {"newsroom.articlepage": ("locale", "section", "lead_image")}


def serve(request, path):
    """Wagtail's serve, with the page found through the cache when it can be."""
    site = lookups.site_for(request)
    page = None
    if site is not None and url_paths_route():
        page = remembered_page(request, site, path)
        if page is None:
            # No page has this URL path, so Wagtail's walk from the root would end in a 404
            # too, after a query per level: made-up paths are what a flood of cache misses
            # sends. Wagtail's redirects still answer it (their middleware sees the 404).
            raise Http404
        if page.live:
            request._wagtail_route_for_request = (page, [], {})
    if page is None or not page.live or not hasattr(page, "is_live_revision"):
        return wagtail_views.serve(request, path)
    # An article's own parts are read and kept as one (samizdat.caching.bundled), so the
    # response is rendered here, inside the block, rather than after the view returns.
    with caching.bundled(caching.ARTICLE_PARTS, parts_key(request, site, page)):
        response = wagtail_views.serve(request, path)
        if callable(getattr(response, "render", None)) and not response.is_rendered:
            response.render()
    return response


def parts_key(request, site, article):
    """An article's parts differ by revision, site, host (its hreflang links) and language."""
    host = hashlib.blake2b(request.get_host().encode(), digest_size=8).hexdigest()
    language = translation.get_language()
    return f"{article.pk}:{article.live_revision_id}:{site.pk}:{host}:{language}"


@functools.cache
def url_paths_route():
    """Whether a page's url_path tells where a URL leads, as Wagtail's walk would.

    True while no page type routes on its own (a RoutablePage serves sub-URLs of itself);
    otherwise every request takes Wagtail's walk.
    """
    return all(model.route is Page.route for model in get_page_models())


def remembered_page(request, site, path):
    key = route_key(site, request.path)
    page = caching.recall(caching.ROUTES, key)
    if page is not None and not is_current(page):
        page = None
    if page is None:
        page = find_page(site, path)
        if page is not None:
            # Stored now, before this request's render attaches anything to the instance.
            caching.store(caching.ROUTES, key, page)
    return page


def is_current(page):
    """Whether a remembered page is still what the URL leads to: only an article can be
    published again without a new foundation, and it says whether it is its live revision."""
    check = getattr(page, "is_live_revision", None)
    return check is None or check()


def route_key(site, path):
    digest = hashlib.blake2b(path.encode(), digest_size=16).hexdigest()
    # Not "route:", which held (model, pk) pairs: processes still running the code that
    # stored those share the cache with these during a deploy.
    return f"route-page:{site.pk}:{digest}"


def find_page(site, path):
    """The page Wagtail's walk from the site's root in the active language would reach."""
    root = caching.remember(
        caching.ROUTES,
        f"root-url-path:{site.pk}:{translation.get_language()}",
        lambda: site.root_page.localized.url_path,
    )
    url_path = root + "".join(f"{part}/" for part in path.split("/") if part)
    found = PAGE_AT_URL_PATH(url_path)
    if not found:
        return None  # Wagtail's walk answers with its 404
    content_type_id, pk = found[0]
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    pages = specific_page(model)(pk)
    return pages[0] if pages else None


# A remembered route is gone after a publication that is not an article's and whenever
# Redis was emptied; then every reader URL is looked up again, so the two queries are
# compiled once (samizdat.prepared): a flood of distinct URLs pays for sending them only.
PAGE_AT_URL_PATH = prepared.Prepared(
    lambda url_path: (
        Page.objects.filter(url_path=url_path)
        .order_by("pk")
        .values_list("content_type_id", "pk")[:1]
    ),
    "/",
)


@functools.cache
def specific_page(model):
    """The query of one page of this type, loaded with what every render of it reads."""
    related = RELATED.get(model._meta.label_lower, ("locale",))
    return prepared.Prepared(lambda pk: model.objects.select_related(*related).filter(pk=pk)[:1], 0)


def no_reader_sign_in(request):
    """Wagtail's reader-side sign-in form asks for no second factor: readers get a 404.

    Editors sign in at /admin/login/ (WAGTAIL_FRONTEND_LOGIN_URL), which asks for the code.
    The name stays, because Wagtail looks it up.
    """
    raise Http404


# Wagtail's own URL patterns, its page view replaced by ours under the same name.
REPLACED = {"wagtail_serve", "wagtailcore_login"}
urlpatterns = [pattern for pattern in wagtail_urls.urlpatterns if pattern.name not in REPLACED] + [
    path("_util/login/", no_reader_sign_in, name="wagtailcore_login"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
