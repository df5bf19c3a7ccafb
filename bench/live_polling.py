"""Live blog polling: 1,000 readers poll every 15 s while an entry is posted every 10 s.

In-process, on a simulated clock: each reader polls /<lang>/live/<slug>/updates/?after=
with the ETag it got (as live.js does) through Django's full middleware stack and the
shared cache (Redis when REDIS_URL is set), on the database of DATABASE_URL; the script
runs `migrate` and builds the site skeleton there. Editors' posts go through
live.services as the admin form's do. Figures: renders of the blog's latest entries per entry,
how each poll was answered, posting-to-seen time (the reader's next poll on the simulated
clock plus that request's measured time), and the endpoint's req/s against the cached
article's through the WSGI application an app server calls, in the same process (medians
of three runs taken in turn). Without DATABASE_URL
it uses a PostgreSQL database of its own and the bench's Redis, as `make bench` runs it.
Results are appended to bench/results.md.
"""

import io
import os
import random
import re
import statistics
import time
from datetime import UTC, datetime

import django

from bench import harness

READERS = int(os.environ.get("LIVE_READERS", "1000"))
POLL_SECONDS = 15
POST_SECONDS = 10
SIMULATED_SECONDS = int(os.environ.get("LIVE_SECONDS", "300"))
THROUGHPUT_REQUESTS = int(os.environ.get("LIVE_REQUESTS", "20000"))
THROUGHPUT_RUNS = 3
DATABASE = "samizdat_bench_live"
LATEST = re.compile(rb'data-latest="(\d+)" data-count="(\d+)"')


def setup():
    if "DATABASE_URL" not in os.environ:
        # As `make bench` runs it: a database of its own and the bench's Redis.
        harness.recreate_database(DATABASE)
        os.environ["DATABASE_URL"] = harness.database_url(DATABASE)
        os.environ.setdefault("REDIS_URL", harness.REDIS_URL)
        harness.flush_redis(os.environ["REDIS_URL"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.dev")
    django.setup()
    from django.core.management import call_command

    from newsroom.structure import ensure_site_structure

    call_command("migrate", "--noinput", "-v0")
    ensure_site_structure("Samizdat")


def make_blog():
    from django.core.cache import cache

    from live import state
    from testing.factories import make_article
    from testing.live import make_live_blog, post

    stamp = int(time.time())
    blog = make_live_blog(title=f"Bench live {stamp}", language="en")
    article = make_article(title=f"Bench article {stamp}", language="en")
    post(blog, "Opening entry.")
    cache.delete(state.RENDERS_KEY)
    return blog, article


def simulate(blog):
    """Readers and editors on one simulated timeline; returns the figures."""
    from django.core.cache import cache
    from django.test import Client

    from live import state
    from testing.live import post

    rng = random.Random(7)  # noqa: S311 (reproducible phases, not secrets)
    client = Client(HTTP_HOST="localhost")
    url = f"/en/live/{blog.slug}/updates/"
    first = blog.entries.visible().newest_first().first().sequence
    # The opening entry's answer is rendered before the first entry of the run is posted.
    client.get(url, {"after": first})
    cache.delete(state.RENDERS_KEY)
    readers = [{"after": first, "etag": None} for _ in range(READERS)]
    events = [(rng.uniform(0, POLL_SECONDS), "poll", n) for n in range(READERS)]
    events += [(t, "post", None) for t in range(POST_SECONDS, SIMULATED_SECONDS, POST_SECONDS)]
    events.sort(key=lambda event: (event[0], event[1] == "poll"))
    posted_at = {}
    answers = {"304": 0, "200 page cache": 0, "200 stored render": 0, "200 rendered": 0}
    seen = []
    while events:
        now, kind, n = events.pop(0)
        if kind == "post":
            entry = post(blog, f"Entry at {now:.0f} s.")
            posted_at[entry.sequence] = now
            continue
        reader = readers[n]
        headers = {"If-None-Match": reader["etag"]} if reader["etag"] else {}
        before = state.renders()
        started = time.perf_counter()
        response = client.get(url, {"after": reader["after"]}, headers=headers)
        took = time.perf_counter() - started
        if response.status_code == 304:
            answers["304"] += 1
        else:
            answers[kind_of_answer(response, state.renders() > before)] += 1
            latest, count = (int(x) for x in LATEST.search(response.content).groups())
            reader["etag"] = response["ETag"]
            if count:
                fresh = [pk for pk in posted_at if reader["after"] < pk <= latest]
                seen += [now - posted_at[pk] + took for pk in fresh]
                reader["after"] = latest
                reader["etag"] = None
        if now + POLL_SECONDS < SIMULATED_SECONDS:
            insert(events, (now + POLL_SECONDS, "poll", n))
    return {
        "entries": len(posted_at),
        "polls": sum(answers.values()),
        "answers": answers,
        "renders": state.renders(),
        "seen": sorted(seen),
    }


def kind_of_answer(response, rendered):
    if rendered:
        return "200 rendered"
    return "200 page cache" if response.get("X-Page-Cache") == "hit" else "200 stored render"


def insert(events, event):
    low, high = 0, len(events)
    while low < high:
        middle = (low + high) // 2
        if (events[middle][0], events[middle][1] == "poll") <= (event[0], True):
            low = middle + 1
        else:
            high = middle
    events.insert(low, event)


def throughput(path, headers=None):
    """Requests a second through the WSGI application an app server calls (samizdat.wsgi)."""
    application = wsgi_application()
    call(application, path)  # fills the cache
    started = time.perf_counter()
    for _ in range(THROUGHPUT_REQUESTS):
        status = call(application, path, headers)
    assert status.startswith(("200", "304")), status
    return THROUGHPUT_REQUESTS / (time.perf_counter() - started)


def wsgi_application():
    from django.core.wsgi import get_wsgi_application

    from samizdat.pagecache import HitsFirst

    return HitsFirst(get_wsgi_application())


def call(application, path, headers=None):
    """One GET as an app server hands it over; the status line."""
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "localhost",
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
        **{
            "HTTP_" + name.upper().replace("-", "_"): value
            for name, value in (headers or {}).items()
        },
    }
    answer = []
    body = application(environ, lambda status, _headers, *_: answer.append(status))
    b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return answer[0]


def percentile(values, share):
    return values[min(len(values) - 1, int(share * len(values)))]


def main():
    setup()
    blog, article = make_blog()
    started = time.monotonic()
    figures = simulate(blog)
    latest = blog.entries.visible().newest_first().first().sequence
    updates = f"/en/live/{blog.slug}/updates/?after={latest - 1}"
    from django.test import Client

    etag = Client(HTTP_HOST="localhost").get(updates)["ETag"]
    measures = {
        "cached article (page cache hit)": (article.url, None),
        "updates, 304 (If-None-Match)": (updates, {"If-None-Match": etag}),
        "updates, 200 from the page cache": (updates, None),
    }
    # Taken in turn, THROUGHPUT_RUNS times, so a slow moment of the machine falls on all;
    # each run starts with another one (the first of a run came out faster in our runs).
    samples = {name: [] for name in measures}
    names = list(measures)
    for run in range(THROUGHPUT_RUNS):
        for name in names[run % len(names) :] + names[: run % len(names)]:
            samples[name].append(throughput(*measures[name]))
    report(figures, samples, time.monotonic() - started)


def report(figures, samples, seconds):
    rates = {name: statistics.median(values) for name, values in samples.items()}
    seen = figures["seen"]
    article = rates["cached article (page cache hit)"]
    lines = [
        "",
        "## Live blog polling (`python -m bench.live_polling`)",
        "",
        f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {seconds:.0f} s. {READERS} readers poll "
        f"every {POLL_SECONDS} s (ETag as live.js sends it) for {SIMULATED_SECONDS} simulated s "
        f"while an entry is posted every {POST_SECONDS} s; one language. In-process (Django "
        "test client through the whole middleware stack, cache "
        f"{'Redis' if os.environ.get('REDIS_URL') else 'local'}, database "
        f"{'PostgreSQL' if os.environ.get('DATABASE_URL') else 'SQLite'}), not over HTTP: "
        "the req/s compare the endpoint with the cached article through the WSGI application "
        "an app server calls (samizdat.wsgi: HitsFirst), in the same process, each the "
        f"median of {THROUGHPUT_RUNS} runs of {THROUGHPUT_REQUESTS} requests taken in turn, "
        "each run led by another.",
        "",
        "| figure | value | target |",
        "|---|---:|---:|",
        f"| entries posted | {figures['entries']} | |",
        f"| polls | {figures['polls']} | |",
        f"| polls answered 304 | {figures['answers']['304']} | |",
        f"| polls answered 200 by the page cache | {figures['answers']['200 page cache']} | |",
        "| polls answered 200 past the page cache, from the stored render | "
        f"{figures['answers']['200 stored render']} | |",
        f"| polls that rendered (origin renders) | {figures['answers']['200 rendered']} | |",
        f"| origin renders per entry | {figures['renders'] / max(1, figures['entries']):.2f} "
        "| 1 per language |",
        f"| posting to seen, median s | {statistics.median(seen):.2f} | ≤ {POLL_SECONDS + 1} |",
        f"| posting to seen, p99 s | {percentile(seen, 0.99):.2f} | ≤ {POLL_SECONDS + 1} |",
    ]
    for name, rate in rates.items():
        runs = ", ".join(f"{value:.0f}" for value in samples[name])
        lines.append(
            f"| req/s, {name} (runs: {runs}) | {rate:.0f} ({rate / article:.2f}× article) "
            "| ≥ 0.9× |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(os.path.dirname(__file__), "results.md"), "a") as results:
        results.write(text)


if __name__ == "__main__":
    main()
