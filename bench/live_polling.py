"""Live blog polling: 1,000 readers poll every 15 s while an entry is posted every 10 s.

In-process, on a simulated clock: each reader polls as live.js does, through Django's full
middleware stack and the shared cache (Redis when REDIS_URL is set), on the database of
DATABASE_URL; the script runs `migrate` and builds the site skeleton there. A poll asks
/<lang>/live/<slug>/updates/?after=latest with the ETag of the last answer it used, and
only a reader further behind than that answer reaches asks again with its own cursor
(?after=<place>). Editors' posts go through live.services as the admin form's do.
Figures: how each request was answered (a miss is any request the page cache did not
answer, whether it rendered the blog's latest entries or took them from their stored
render), renders and misses per entry, posting-to-seen time (the reader's next poll on the
simulated clock plus that request's measured time), and the endpoint's req/s against the
cached article's through the WSGI application an app server calls, in the same process
(medians of LIVE_RUNS runs, 3 unless set, each taking the measures in turn in batches).
Without DATABASE_URL it uses a PostgreSQL database of its own and the bench's Redis, as
`make bench` runs it. Results are appended to bench/results.md.
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
THROUGHPUT_RUNS = int(os.environ.get("LIVE_RUNS", "3"))
BATCH = min(500, THROUGHPUT_REQUESTS)
ARTICLE = "cached article (page cache hit)"
DATABASE = "samizdat_bench_live"
ANSWER = re.compile(rb'data-latest="(\d+)" data-from="(\d+)" data-count="(\d+)"')


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
    client.get(url, {"after": "latest"})
    cache.delete(state.RENDERS_KEY)
    readers = [{"after": first, "etag": None} for _ in range(READERS)]
    events = [(rng.uniform(0, POLL_SECONDS), "poll", n) for n in range(READERS)]
    events += [(t, "post", None) for t in range(POST_SECONDS, SIMULATED_SECONDS, POST_SECONDS)]
    events.sort(key=lambda event: (event[0], event[1] == "poll"))
    posted_at = {}
    answers = {"304": 0, "200 page cache": 0, "200 stored render": 0, "200 rendered": 0}
    sizes = []
    seen = []
    polls = 0

    def ask(after, etag=None):
        headers = {"If-None-Match": etag} if etag else {}
        before = state.renders()
        started = time.perf_counter()
        response = client.get(url, {"after": after}, headers=headers)
        took = time.perf_counter() - started
        if response.status_code == 304:
            answers["304"] += 1
        else:
            answers[kind_of_answer(response, state.renders() > before)] += 1
            sizes.append(len(response.content))
        return response, took

    while events:
        now, kind, n = events.pop(0)
        if kind == "post":
            entry = post(blog, f"Entry at {now:.0f} s.")
            posted_at[entry.sequence] = now
            continue
        polls += 1
        reader = readers[n]
        response, took = ask("latest", reader["etag"])
        if response.status_code == 200:
            latest, since, _count = (int(x) for x in ANSWER.search(response.content).groups())
            if reader["after"] < since:
                # Further behind than the shared answer reaches: its own question (live.js).
                _own, own_took = ask(reader["after"])
                took += own_took
            fresh = [place for place in posted_at if reader["after"] < place <= latest]
            seen += [now - posted_at[place] + took for place in fresh]
            reader["after"] = max(reader["after"], latest)
            reader["etag"] = response["ETag"]
        if now + POLL_SECONDS < SIMULATED_SECONDS:
            insert(events, (now + POLL_SECONDS, "poll", n))
    return {
        "entries": len(posted_at),
        "polls": polls,
        "requests": sum(answers.values()),
        "answers": answers,
        "renders": state.renders(),
        "sizes": sorted(sizes),
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


def throughput_run(measures):
    """Requests a second of each measure through the WSGI application an app server calls
    (samizdat.wsgi), THROUGHPUT_REQUESTS each, in batches of BATCH taken in turn.

    The machine is shared: a slow moment lasts longer than a batch, so it falls on every
    measure of the run alike rather than on one of them.
    """
    application = wsgi_application()
    spent = dict.fromkeys(measures, 0.0)
    names = list(measures)
    for path, _headers in measures.values():
        call(application, path)  # fills the cache
    for batch in range(THROUGHPUT_REQUESTS // BATCH):
        for name in names[batch % len(names) :] + names[: batch % len(names)]:
            path, headers = measures[name]
            started = time.perf_counter()
            for _ in range(BATCH):
                status = call(application, path, headers)
            spent[name] += time.perf_counter() - started
            assert status.startswith(("200", "304")), status
    done = BATCH * (THROUGHPUT_REQUESTS // BATCH)
    return {name: done / seconds for name, seconds in spent.items()}


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
    updates = f"/en/live/{blog.slug}/updates/?after=latest"
    from django.test import Client

    etag = Client(HTTP_HOST="localhost").get(updates)["ETag"]
    measures = {
        ARTICLE: (article.url, None),
        "updates, 304 (If-None-Match)": (updates, {"If-None-Match": etag}),
        "updates, 200 from the page cache": (updates, None),
    }
    samples = {name: [] for name in measures}
    for _run in range(THROUGHPUT_RUNS):
        for name, rate in throughput_run(measures).items():
            samples[name].append(rate)
    report(figures, samples, time.monotonic() - started)


def report(figures, samples, seconds):
    rates = {name: statistics.median(values) for name, values in samples.items()}
    # Each run's rate against the article's of the same run, then the median of those.
    articles = samples[ARTICLE]
    ratios = {
        name: statistics.median(a / b for a, b in zip(values, articles, strict=True))
        for name, values in samples.items()
    }
    seen = figures["seen"]
    answers = figures["answers"]
    misses = answers["200 stored render"] + answers["200 rendered"]
    entries = max(1, figures["entries"])
    lines = [
        "",
        "## Live blog polling (`python -m bench.live_polling`)",
        "",
        f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {seconds:.0f} s. {READERS} readers poll "
        f"every {POLL_SECONDS} s as live.js does (?after=latest with its ETag) for "
        f"{SIMULATED_SECONDS} simulated s "
        f"while an entry is posted every {POST_SECONDS} s; one language. In-process (Django "
        "test client through the whole middleware stack, cache "
        f"{'Redis' if os.environ.get('REDIS_URL') else 'local'}, database "
        f"{'PostgreSQL' if os.environ.get('DATABASE_URL') else 'SQLite'}), not over HTTP: "
        "the req/s compare the endpoint with the cached article through the WSGI application "
        "an app server calls (samizdat.wsgi: HitsFirst), in the same process, each the "
        f"median of {THROUGHPUT_RUNS} runs of {THROUGHPUT_REQUESTS} requests, taken in turn "
        f"in batches of {BATCH} so a slow moment of the shared machine falls on all; the "
        "ratio is the median of each run's against the article's of the same run.",
        "",
        "| figure | value | target |",
        "|---|---:|---:|",
        f"| entries posted | {figures['entries']} | |",
        f"| polls (requests: {figures['requests']}) | {figures['polls']} | |",
        f"| requests answered 304 | {answers['304']} | |",
        f"| requests answered 200 by the page cache | {answers['200 page cache']} | |",
        f"| misses answered from the stored render | {answers['200 stored render']} | |",
        f"| misses that rendered (origin renders) | {answers['200 rendered']} | |",
        f"| misses per entry | {misses / entries:.2f} | 1 |",
        f"| origin renders per entry | {figures['renders'] / entries:.2f} | 1 per language |",
        f"| bytes of a 200 answer, median | {statistics.median(figures['sizes']):.0f} | |",
        f"| posting to seen, median s | {statistics.median(seen):.2f} | ≤ {POLL_SECONDS + 1} |",
        f"| posting to seen, p99 s | {percentile(seen, 0.99):.2f} | ≤ {POLL_SECONDS + 1} |",
    ]
    for name, rate in rates.items():
        runs = ", ".join(f"{value:.0f}" for value in samples[name])
        lines.append(
            f"| req/s, {name} (runs: {runs}) | {rate:.0f} ({ratios[name]:.2f}× article) | ≥ 0.9× |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(os.path.dirname(__file__), "results.md"), "a") as results:
        results.write(text)


if __name__ == "__main__":
    main()
