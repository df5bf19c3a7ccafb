"""The lite edition: headlines and articles as plain text pages for slow or filtered links."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from wagtail.models import Page

from newsroom.blocks import body_images
from newsroom.images import prefetch_renditions
from newsroom.models import ArticlePage

from .links import lite_article_url, lite_front_url

HEADLINES = 50


def front_page(request):
    """The latest headlines of the language being read, newest first."""
    language = translation.get_language()
    articles = (
        ArticlePage.objects.published()
        .filter(locale__language_code=language)
        .newest_first()
        .for_listing()[:HEADLINES]
    )
    context = {
        "articles": [(article, lite_article_url(language, article.slug)) for article in articles],
        "versions": front_versions(language),
        "front_url": lite_front_url(language),
    }
    return render(request, "lite/front_page.html", context)


def article(request, slug):
    """One article as text; photos as small images only when the reader asks (?images=1)."""
    images = request.GET.get("images")
    if images is not None and images != "1":
        # One address per page keeps the cache small: odd values go to the text version.
        return HttpResponseRedirect(request.path)
    if "\x00" in slug:
        raise Http404  # PostgreSQL refuses NUL in text: no slug has one
    language = translation.get_language()
    page = (
        ArticlePage.objects.published()
        .filter(locale__language_code=language, slug=slug)
        .select_related("section", "lead_image", "locale")
        .first()
    )
    if page is None:
        raise Http404
    if images:
        prefetch_renditions([page.lead_image, *body_images(page.body)])
    context = {
        "page": page,
        "images": bool(images),
        "full_url": page.get_url(request),
        "front_url": lite_front_url(language),
        "versions": article_versions(page, language),
    }
    return render(request, "lite/article.html", context)


def front_versions(current):
    return [
        {"code": code, "name": name, "url": lite_front_url(code), "is_current": code == current}
        for code, name in settings.LANGUAGES
    ]


def article_versions(page, current):
    """The lite article in each language it is published in, else that language's front page."""
    slugs = dict(
        Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key, content_type_id=page.content_type_id)
        .values_list("locale__language_code", "slug")
    )
    versions = []
    for code, name in settings.LANGUAGES:
        url = lite_article_url(code, slugs[code]) if code in slugs else lite_front_url(code)
        versions.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return versions
