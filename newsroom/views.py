"""Reader views that are not Wagtail pages: archive search and author pages."""

from django.conf import settings
from django.db.models import Case, When
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from wagtail.models import Locale

from privacy.limits import seconds_to_wait
from samizdat import caching
from shield.concurrency import slot
from shield.deadline import statement_deadline
from shield.flight import answer_once
from shield.refusals import Refused, TooOften, refusal_response

from .models import ArticleByline, ArticlePage, Author, listing_page
from .search import MAX_QUERY, query_terms, read_position, results_key, results_page, shield_options


def search(request):
    raw = request.GET.get("q", "")
    terms = query_terms(raw)
    context = {"query": raw[:MAX_QUERY], "too_long": len(raw) > MAX_QUERY, "terms": terms}
    if terms:
        try:
            context["results"] = shielded_results(request, terms)
        except Refused as refusal:
            return refusal_response(request, refusal, topic="search")
    return render(request, "newsroom/search.html", context)


def shielded_results(request, terms):
    """Results of a search that cannot be flooded: rate per client, cached, run once, bounded."""
    wait = seconds_to_wait(request, "search", settings.SEARCH_RATE)
    if wait:
        raise TooOften(wait)
    language = translation.get_language()
    position = read_position(request.GET)
    key = results_key(language, terms, position, caching.generation())
    return answer_once(
        key, lambda: run_search(request, language, terms, position), **shield_options()
    )


def run_search(request, language, terms, position):
    """The database search itself: a few at a time site-wide, stopped at its deadline."""
    with (
        slot("search", settings.SEARCH_CONCURRENCY),
        statement_deadline(settings.SEARCH_TIMEOUT_MS, settings.SHIELD_RETRY_AFTER),
    ):
        locale = Locale.objects.get(language_code=language)
        articles = ArticlePage.objects.published().filter(locale=locale)
        return results_page(articles, terms, position, request)


def author(request, slug):
    """An author (or pseudonym) and their articles in this language, newest first."""
    locale = Locale.objects.get(language_code=translation.get_language())
    person = author_in(locale, slug)
    bylined = ArticleByline.objects.filter(author__translation_key=person.translation_key)
    articles = (
        ArticlePage.objects.filter(locale=locale, pk__in=bylined.values("page_id"))
        .published()
        .newest_first()
        .for_listing()
    )
    count_key = f"author-articles:{locale.pk}:{person.translation_key}"
    context = {
        "author": person,
        "articles": listing_page(articles, request.GET.get("page"), count_key=count_key),
    }
    return render(request, "newsroom/author_page.html", context)


def author_in(locale, slug):
    """The author with this slug, named as in this language when translated; else 404."""
    found = caching.remember(
        caching.SITE_LOOKUPS,
        f"author:{locale.pk}:{slug}",
        lambda: (
            Author.objects.filter(slug=slug)
            .select_related("photo")
            .order_by(Case(When(locale=locale, then=0), default=1))
            .first()
        ),
    )
    if found is None:
        raise Http404
    return found
