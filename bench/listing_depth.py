"""All news deep in a large archive: the SQL plans and request times of page 1 and page N.

Against a PostgreSQL database holding many articles (the newsroom's own or a generated
one), e.g.:

    DATABASE_URL=postgres://.../samizdat_x .venv/bin/python -m bench.listing_depth --page 1000

Prints EXPLAIN ANALYZE of the listing query with today's ordering (the indexed sort_date)
and with the per-request Coalesce it replaced, the COUNT a paginator runs, and the median
in-process time of /be/news/ and /be/news/?page=N with the page cache off.
"""

import argparse
import os
import statistics
import time

from django.db.models import Q

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.test")


def explain(queryset):
    from django.db import connection

    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        lines = [row[0] for row in cursor.fetchall()]
    return lines[-1], lines


def listing(language="be"):
    from newsroom.models import ArticlePage, NewsIndexPage

    news = NewsIndexPage.objects.get(locale__language_code=language)
    return ArticlePage.objects.child_of(news).published().for_listing()


def plans(page, size):
    from django.db.models.functions import Coalesce

    start = (page - 1) * size
    articles = listing()
    old = articles.annotate(coalesced=Coalesce("publication_date", "first_published_at")).order_by(
        "-coalesced", "-pk"
    )
    for label, queryset in [("sort_date", articles.newest_first()), ("coalesce", old)]:
        for number, offset in [(1, 0), (page, start)]:
            total, lines = explain(queryset[offset : offset + size])
            print(f"{label:9} page {number:5}: {total}")
            if os.environ.get("SHOW_PLANS"):
                print("\n".join(lines))
    seek_plan(articles.newest_first(), page, size)
    total, _ = explain(articles.values("pk").order_by().annotate())
    print(f"count query plan (run once per generation now): {total}")


def seek_plan(articles, page, size):
    """The query a deep page runs now: from its first article's key, through the index."""
    from newsroom.models import RememberedCountPaginator

    paginator = RememberedCountPaginator(articles, size, count_key="bench:listing-depth")
    started = time.perf_counter()
    first = paginator.first_of_page(page)
    print(f"keys of every page's first article: {(time.perf_counter() - started) * 1000:.0f} ms")
    if first is None:
        print("no key remembered (empty dates): deep pages use OFFSET")
        return
    sort_date, pk = first
    after = Q(sort_date__lte=sort_date) & (Q(sort_date__lt=sort_date) | Q(pk__lte=pk))
    total, lines = explain(articles.filter(after)[:size])
    print(f"seek      page {page:5}: {total}")
    if os.environ.get("SHOW_PLANS"):
        print("\n".join(lines))


def requests(page, runs):
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    from bench.render_profile import call, environ_for

    with override_settings(PAGE_CACHE_SECONDS=0):
        handler = WSGIHandler()
        for query in ["", f"page={page}"]:
            environ = environ_for("/be/news/", query)
            call(handler, environ)
            samples = []
            for _ in range(runs):
                started = time.perf_counter()
                call(handler, environ)
                samples.append((time.perf_counter() - started) * 1000)
            print(f"/be/news/?{query:10} median {statistics.median(samples):7.2f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    import django
    from django.conf import settings

    django.setup()
    plans(args.page, settings.NEWS_PAGE_SIZE)
    requests(args.page, args.runs)


if __name__ == "__main__":
    main()
