"""Reader views that are not Wagtail pages: archive search."""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from wagtail.models import Locale

from privacy.limits import seconds_to_wait
from samizdat import pagecache
from shield.deadline import statement_deadline
from shield.flight import answer_once
from shield.refusals import Refused, TooOften, refusal_response
from shield.slots import slot

from .models import ArticlePage
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
    key = results_key(language, terms, position, pagecache.generation())
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
