"""In-process cost of reader pages: uncached renders and page-cache hits, no app server.

Against a database with the demo newsroom (`manage.py load_demo`), e.g.:

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python -m bench.render_profile render
    ... -m bench.render_profile hit          # a cache hit vs a bare view with the same bytes
    ... -m bench.render_profile render --profile   # cProfile of the article renders
    ... -m bench.render_profile distinct     # first renders of many different articles
    REDIS_URL=redis://127.0.0.1:6379/9 ... -m bench.render_profile beacon [--profile]

Requests go through Django's WSGI handler with the full middleware stack, as an app
server would call it. Prints the median and p90 of each page in milliseconds and the
SQL queries of one render.

`render` repeats one article, so from its second render on the parts kept until the next
publication (remembered routes, fragments) come from the cache: the figure of a page whose
cached copy a comment just purged. `distinct` renders up to --articles different articles,
each once per cache generation (a new one starts before every round, as a publication
would): the figure of the first renders after a publication, which no per-article cache
can flatter.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.test")


def setup():
    import django
    from django.conf import settings

    # The demo's photos live where load_demo put them, not in the test settings' temp folder.
    settings.MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(settings.BASE_DIR / "media"))
    django.setup()


def environ_for(path, query=""):
    from django.test import RequestFactory

    request = RequestFactory().get(path, QUERY_STRING=query)
    return dict(request.environ, QUERY_STRING=query)


def call(handler, environ):
    """One request through a WSGI handler; returns the body bytes."""
    status = []
    body = b"".join(handler(dict(environ), lambda s, h, *a: status.append(s)))
    if not status[0].startswith("200"):
        raise SystemExit(f"{environ['PATH_INFO']}: {status[0]}")
    return body


def timed(handler, environ, runs):
    """Milliseconds per request, on the wall clock and of this process's CPU time.

    CPU time is what our code costs; on a busy shared machine the wall clock adds the
    time other processes held the cores.
    """
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        call(handler, environ)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def summary(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.9) - 1]


def reader_pages():
    """The demo article with the most body blocks, and the lists, in Belarusian."""
    from newsroom.models import ArticlePage

    articles = ArticlePage.objects.published().filter(locale__language_code="be")
    article = max(articles, key=lambda a: (len(a.body), a.lead_image_id is not None, -a.pk))
    return {
        "article": (article.url, ""),
        "main": ("/be/", ""),
        "all news": ("/be/news/", ""),
        "all news p2": ("/be/news/", "page=2"),
        "section": (article.section.url if article.section else "/be/politics/", ""),
    }


def queries_of(handler, environ):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        call(handler, environ)
    return len(queries)


def render(runs, profile):
    """Uncached renders: the page cache off, the other shared caches as in steady state."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    with override_settings(PAGE_CACHE_SECONDS=0):
        handler = WSGIHandler()
        for name, (path, query) in reader_pages().items():
            environ = environ_for(path, query)
            call(handler, environ)  # warm: templates loaded, renditions made
            count = queries_of(handler, environ)
            wall, cpu = timed(handler, environ, runs)
            median, p90 = summary(wall)
            cpu_median, cpu_p90 = summary(cpu)
            print(
                f"{name:12} wall median {median:6.2f} ms p90 {p90:6.2f}"
                f"  cpu median {cpu_median:6.2f} ms p90 {cpu_p90:6.2f}  {count:2} queries"
                f"  {path}?{query}"
            )
        if profile:
            path, query = reader_pages()["article"]
            environ = environ_for(path, query)
            profiler = cProfile.Profile()
            profiler.runcall(lambda: [call(handler, environ) for _ in range(runs)])
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
            stats.print_stats(45)
            stats.sort_stats("tottime").print_stats(30)
            print(out.getvalue())


def distinct(count, rounds):
    """Each article's first render in its generation, many different articles."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    from newsroom.models import ArticlePage
    from samizdat import caching

    urls = [article.url for article in ArticlePage.objects.published().newest_first()[:count]]
    with override_settings(PAGE_CACHE_SECONDS=0):
        handler = WSGIHandler()
        call(handler, environ_for(urls[0]))  # warm: templates loaded, renditions made
        cpu, queries = [], []
        for _ in range(rounds):
            caching.purge_everything()
            for url in urls:
                environ = environ_for(url)
                cpu += timed(handler, environ, 1)[1]
                queries.append(queries_of(handler, environ))  # the second render's queries
        caching.purge_everything()
        first_queries = [queries_of(handler, environ_for(url)) for url in urls]
        median, p90 = summary(cpu)
        print(
            f"{len(urls)} articles x {rounds} generations: first render cpu median"
            f" {median:6.2f} ms p90 {p90:6.2f}; queries (median) of a first render"
            f" {statistics.median(first_queries)}, of the next {statistics.median(queries)}"
        )


def bare_urlconf(body, content_type):
    """A URLconf whose one view returns the given bytes and nothing else."""
    import types

    from django.http import HttpResponse
    from django.urls import re_path

    module = types.ModuleType("bench_bare_urls")
    module.urlpatterns = [
        re_path(r"", lambda request: HttpResponse(body, content_type=content_type))
    ]
    sys.modules[module.__name__] = module
    return module.__name__


def hit(runs, rounds):
    """A page-cache hit as the app server calls it, against a bare view with the same bytes.

    "hit" is samizdat.wsgi's application (HitsFirst answers before Django's handler);
    "middleware hit" is the same hit answered by PageCacheMiddleware inside the handler,
    which is how the test client and the ASGI application see it.
    """
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    from samizdat.pagecache import HitsFirst

    path, query = reader_pages()["article"]
    environ = environ_for(path, query)
    handler = WSGIHandler()
    application = HitsFirst(handler)
    body = call(application, environ)  # a miss: renders and stores the page
    bare_settings = override_settings(
        MIDDLEWARE=[], ROOT_URLCONF=bare_urlconf(body, "text/html; charset=utf-8")
    )
    with bare_settings:
        bare = WSGIHandler()
    ratios = {"hit": [], "middleware hit": []}
    for number in range(rounds):
        medians = {
            "hit": summary(timed(application, environ, runs)[1])[0],
            "middleware hit": summary(timed(handler, environ, runs)[1])[0],
        }
        with bare_settings:
            bare_median = summary(timed(bare, environ, runs)[1])[0]
        line = [f"round {number + 1}: bare {bare_median * 1000:6.1f} µs"]
        for name, median in medians.items():
            ratios[name].append(median / bare_median)
            line.append(f"{name} {median * 1000:6.1f} µs ({ratios[name][-1]:.2f})")
        print("  ".join(line))
    print("(CPU time of this process per request; ratios against the bare view)")
    for name, values in ratios.items():
        print(f"{name}/bare median of {rounds} rounds: {statistics.median(values):.2f}")
    print(f"queries of one hit: {queries_of(application, environ)}")


READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def beacon_environs(runs):
    """Leaving beacons as the bench's wrk script sends them: demo articles with their tokens,
    a new /64 each time (no client meets its limit), referrers from a host name to a whole
    URL holding a secret."""
    import json

    from django.test import RequestFactory

    from newsroom.models import ArticlePage
    from readership import engagement

    ids = list(ArticlePage.objects.published().values_list("pk", flat=True)[:20])
    referrers = ["t.me", "www.google.com", "", "news.google.com", "l.facebook.com",
                 "android-app://org.telegram.messenger",
                 "https://mail.example.com/inbox?token=SECRET"]  # fmt: skip
    environs = []
    for number in range(runs):
        article = ids[number % len(ids)]
        body = json.dumps({
            "article": article, "token": engagement.beacon_token(article),
            "seconds": (number * 7) % 700, "scroll": (number % 5) * 25,
            "referrer": referrers[number % len(referrers)],
        })  # fmt: skip
        request = RequestFactory().post(
            "/api/readership/leave", data=body, content_type="text/plain;charset=UTF-8",
            HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin",
            HTTP_USER_AGENT=READER_AGENT,
            REMOTE_ADDR=f"2001:db8:{number // 65536:x}:{number % 65536:x}::1",
        )  # fmt: skip
        environs.append(request.environ)
    return environs


def beacons(runs, rounds, profile):
    """Leaving beacons through the WSGI handler with the Redis buffer (REDIS_URL)."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    with override_settings(CANONICAL_BASE_URL="http://testserver"):
        handler = WSGIHandler()
        environs = beacon_environs(runs * rounds)
        statuses = []

        def send(environ):
            environ["wsgi.input"].seek(0)  # each body is sent again in the next round
            b"".join(handler(dict(environ), lambda s, h, *a: statuses.append(s)))

        for environ in environs:  # keep the bytes of each body to send it again
            environ["wsgi.input"] = io.BytesIO(environ["wsgi.input"].read())
        send(environs[0])
        cpu = []
        for number in range(rounds):
            batch = environs[number * runs : (number + 1) * runs]
            started = time.process_time()
            for environ in batch:
                send(environ)
            cpu.append((time.process_time() - started) * 1e6 / runs)
        print(f"beacon CPU µs per request, each of {rounds} rounds: {[round(c) for c in cpu]}")
        print(f"median {statistics.median(cpu):.0f} µs; statuses {sorted(set(statuses))}")
        if profile:
            profiler = cProfile.Profile(time.process_time)
            profiler.runcall(lambda: [send(environ) for environ in environs[:runs]])
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
            stats.print_stats(60)
            stats.sort_stats("tottime").print_stats(30)
            print(out.getvalue())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["render", "hit", "distinct", "beacon"])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--articles", type=int, default=200, help="for distinct")
    args = parser.parse_args()
    setup()
    if args.mode == "render":
        render(args.runs, args.profile)
    elif args.mode == "distinct":
        distinct(args.articles, args.rounds)
    elif args.mode == "beacon":
        beacons(args.runs * 10, args.rounds, args.profile)
    else:
        hit(args.runs * 5, args.rounds)


if __name__ == "__main__":
    main()
