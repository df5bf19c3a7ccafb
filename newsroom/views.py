"""Reader views that are not Wagtail pages: archive search."""

from django.shortcuts import render
from django.utils import translation
from wagtail.models import Locale

from .models import ArticlePage
from .search import MAX_QUERY, highlight, query_terms, search_articles


def search(request):
    raw = request.GET.get("q", "")
    terms = query_terms(raw)
    context = {"query": raw[:MAX_QUERY], "too_long": len(raw) > MAX_QUERY, "terms": terms}
    if terms:
        locale = Locale.objects.get(language_code=translation.get_language())
        articles = ArticlePage.objects.published().filter(locale=locale)
        page = search_articles(articles, terms, request.GET.get("page"))
        context["results"] = page
        context["hits"] = [
            {"article": article, "title": highlight(article.title, terms),
             "lede": highlight(article.lede, terms)}
            for article in page
        ]  # fmt: skip
    return render(request, "newsroom/search.html", context)
