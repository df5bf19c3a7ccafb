from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .canonical import canonical_url
from .sitemaps import AuthorsSitemap, PagesSitemap, news_entries, publication_name

SITEMAPS = {"pages": PagesSitemap, "authors": AuthorsSitemap}


@require_GET
def sitemap(request):
    """The sitemap; past PagesSitemap.limit URLs, an index of its numbered parts (?p=N)."""
    pages = PagesSitemap().paginator.num_pages
    if pages > 1 and "p" not in request.GET:
        parts = [canonical_url(f"/sitemap.xml?p={number}") for number in range(1, pages + 1)]
        return render(
            request,
            "distribution/sitemap_index.xml",
            {"parts": parts},
            content_type="application/xml",
        )
    return sitemap_views.sitemap(request, SITEMAPS, template_name="distribution/sitemap.xml")


@require_GET
def news_sitemap(request):
    context = {"entries": news_entries(), "publication": publication_name()}
    return render(request, "distribution/news_sitemap.xml", context, content_type="application/xml")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /*/comments/",
        "",
        f"Sitemap: {canonical_url('/sitemap.xml')}",
        f"Sitemap: {canonical_url('/news-sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
