"""Search in a large archive: the SQL plan and request time of the newest page and a deep one.

Against a PostgreSQL database holding many articles (a clone of the bench corpus), e.g.:

    DATABASE_URL=postgres://.../samizdat_x .venv/bin/python -m bench.search_depth суд газета

For each word: EXPLAIN ANALYZE of the result query on the newest page and on the page
reached by following "Older" links --depth times, then the median in-process time of both
requests (wall clock and this process's CPU time) with the page cache off and the word's
cached results forgotten before each run.
"""

import argparse
import os
import statistics
import time
from urllib.parse import quote

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.test")


def articles():
    from newsroom.models import ArticlePage

    return ArticlePage.objects.published().filter(locale__language_code="be")


def links(terms, depth):
    """The query strings of the newest page and of the page `depth` "Older" links on."""
    from django.http import QueryDict

    from newsroom.search import read_position, search_page

    found, link = [""], ""
    for _ in range(depth):
        older = search_page(articles(), terms, read_position(QueryDict(link)))[2]
        if older is None:
            return found
        link = f"before={older}"
    return [*found, link]


def explain(terms, position):
    """The plan's last line for the query that fetches the page (PostgreSQL)."""
    from django.db import connection

    from newsroom.search import RESULTS_PER_PAGE, holding, in_page_order

    queryset = holding(in_page_order(articles(), position), terms)[: RESULTS_PER_PAGE + 1]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        lines = [row[0] for row in cursor.fetchall()]
    if os.environ.get("SHOW_PLANS"):
        print("\n".join(lines))
    return lines[-1]


def request_time(word, link, runs):
    """Median time of the search request, its cached results forgotten before each run."""
    from django.core.cache import cache
    from django.http import QueryDict
    from django.test import Client
    from django.test.utils import override_settings

    from newsroom.search import query_terms, read_position, results_key
    from samizdat import caching

    client, samples, cpu = Client(), [], []
    position = read_position(QueryDict(link))
    with override_settings(PAGE_CACHE_SECONDS=0, SEARCH_RATE="100000/m"):
        client.get("/be/search/", {"q": "warm"})  # the day's salt, what publications keep
        for _ in range(runs):
            cache.delete(results_key("be", query_terms(word), position, caching.generation()))
            started, used = time.perf_counter(), time.process_time()
            status = client.get(f"/be/search/?q={quote(word)}&{link}").status_code
            cpu.append((time.process_time() - used) * 1000)
            samples.append((time.perf_counter() - started) * 1000)
    return status, statistics.median(samples), statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", nargs="+")
    parser.add_argument("--depth", type=int, default=50)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    import django
    from django.http import QueryDict

    django.setup()
    from newsroom.search import query_terms, read_position

    for word in args.words:
        terms = query_terms(word)
        labels = ("newest", f"+{args.depth}")
        for label, link in zip(labels, links(terms, args.depth), strict=False):
            plan = explain(terms, read_position(QueryDict(link)))
            status, wall, cpu = request_time(word, link, args.runs)
            times = f"{wall:5.1f} ms, CPU {cpu:5.1f} ms"
            print(f"{word:10} {label:6} {plan:28} request {status}: {times}")


if __name__ == "__main__":
    main()
