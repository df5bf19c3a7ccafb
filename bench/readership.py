"""Readership ingestion: beacons through HTTP and the flush of 1,000,000 buffered events.

Beacons: wrk (16 connections, bounded in time, 127.0.0.1 only) posts view beacons to a
gunicorn app server, first with the Redis buffer, then with the database buffer; after each
run the buffer is flushed and the flushed views must equal the views the buffer counted.
Flush: 1,000,000 view events are loaded into each buffer in bulk, then one flush is timed
and its totals checked against the events. Every figure is the median of several runs.
Results go to bench/readership_results.md. The database is a copy of the benchmark corpus
(bench.corpus); servers, wrk and databases come from bench.harness.
"""

import json
import os
import platform
import statistics
from datetime import UTC, datetime

from bench import corpus, harness

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "1000000"))
SERVER = "gunicorn sync"
DATABASE = f"{harness.DATABASE}_readership"
ARTICLES = 72  # the newest, as many as the demo newsroom has


def env(buffer):
    return harness.app_env(
        DATABASE_URL=harness.database_url(DATABASE),
        REDIS_URL=harness.REDIS_URL if buffer == "redis" else "",
    )


def django_shell(code, buffer):
    """Run code in a Django shell; its last printed line is JSON."""
    return json.loads(harness.django_shell(env(buffer), code))


def prepare():
    """A copy of the benchmark corpus; returns the ids of its newest published articles."""
    harness.recreate_database(DATABASE, template=corpus.ensure_corpus())
    return django_shell(
        "import json; from newsroom.models import ArticlePage;"
        "print(json.dumps(list(ArticlePage.objects.published().order_by('-first_published_at')"
        f".values_list('pk', flat=True)[:{ARTICLES}])))",
        "redis",
    )


CLEAR = """
import json
from django.conf import settings
from readership.models import (ArticleTotals, LikeMark, NowReading, PendingCount, ReaderMark,
    ReadingDay, ReadingHour)
for model in (ArticleTotals, LikeMark, NowReading, PendingCount, ReaderMark, ReadingDay,
              ReadingHour):
    model.objects.all().delete()
if settings.REDIS_URL:
    from django_redis import get_redis_connection
    get_redis_connection("default").flushdb()
print(json.dumps("cleared"))
"""

FLUSH_AND_CHECK = """
import json
from datetime import timedelta
from django.db.models import Sum
from readership import clock
from readership.buffers import current_buffer
from readership.flush import flush
from readership.models import ReadingHour
buffered = sum(views for views, _ in current_buffer().pending_counts().values())
flush(clock.now() + timedelta(hours=2))
flushed = ReadingHour.objects.aggregate(n=Sum("views"))["n"] or 0
print(json.dumps({"buffered": buffered, "flushed": flushed}))
"""


def start_server(buffer):
    return harness.start_server(SERVER, env=env(buffer))


def wrk_beacons(server, articles):
    run = harness.wrk(
        server, "/", SECONDS, script="readership_beacon.lua",
        env={"BENCH_ARTICLES": ",".join(map(str, articles))},
    )  # fmt: skip
    return {"rps": run.rps, "requests": run.requests, "p50": f"{run.p50:.2f}ms",
            "p99": f"{run.p99:.2f}ms", "non_2xx": run.non_2xx}  # fmt: skip


def beacon_runs(buffer, articles):
    results = []
    server = start_server(buffer)
    try:
        for _ in range(RUNS):
            django_shell(CLEAR, buffer)
            run = wrk_beacons(server, articles)
            run.update(django_shell(FLUSH_AND_CHECK, buffer))
            print(buffer, json.dumps(run), flush=True)
            results.append(run)
    finally:
        server.stop()
    return results


LOAD_AND_FLUSH = """
import json, time
from datetime import timedelta
from django.db.models import Sum
from readership import clock
from readership.buffers import current_buffer
from readership.flush import flush
from readership.models import ReadingDay, ReadingHour
articles = ARTICLES
events, readers = EVENTS, 200_000
start = clock.hour_of(clock.now()) - timedelta(hours=48)
def event(n):
    # Spread over four closed hours of one day, readers coming back to several articles.
    return (articles[n % len(articles)], f"{(n * 7919) % readers:032x}",
            start + timedelta(minutes=(n * 240) // events))
pairs = {}
for n in range(events):
    article, reader, moment = event(n)
    pairs.setdefault(moment.date(), set()).add((article, reader))
began = time.perf_counter()
current_buffer().record_views((event(n) for n in range(events)), batch=1000)
loaded = time.perf_counter() - began
began = time.perf_counter()
flush()
flushed = time.perf_counter() - began
views = ReadingHour.objects.aggregate(n=Sum("views"))["n"]
day_readers = ReadingDay.objects.aggregate(n=Sum("readers"))["n"]
print(json.dumps({"load_s": loaded, "flush_s": flushed, "views": views,
                  "readers": day_readers, "expected_readers": sum(map(len, pairs.values()))}))
"""


def flush_runs(buffer, articles):
    code = LOAD_AND_FLUSH.replace("ARTICLES", repr(articles)).replace("EVENTS", str(EVENTS))
    results = []
    for _ in range(RUNS):
        django_shell(CLEAR, buffer)
        run = django_shell(code, buffer)
        print(buffer, json.dumps(run), flush=True)
        results.append(run)
    django_shell(CLEAR, buffer)
    return results


def median(runs, key):
    return statistics.median(run[key] for run in runs)


def main():
    articles = prepare()
    lines = [
        "# Readership benchmark",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.system()}; "
        f"run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Median of {RUNS} runs. "
        "Command: `.venv/bin/python -m bench.readership`.",
        "",
        f"## View beacons over HTTP ({SERVER} `{' '.join(harness.SERVERS[SERVER][2])}`; "
        f"wrk -t2 -c16, {SECONDS} s a run)",
        "",
        "| buffer | beacons/s | p50 | p99 | non-2xx | answered | buffered | flushed |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for buffer in ("redis", "database"):
        runs = beacon_runs(buffer, articles)
        exact = all(run["buffered"] == run["flushed"] for run in runs)
        lines.append(
            f"| {buffer} | {median(runs, 'rps'):.0f} | {runs[len(runs) // 2]['p50']} "
            f"| {runs[len(runs) // 2]['p99']} | {median(runs, 'non_2xx'):.0f} "
            f"| {median(runs, 'requests'):.0f} | {median(runs, 'buffered'):.0f} "
            f"| {median(runs, 'flushed'):.0f}{'' if exact else ' (MISMATCH)'} |"
        )
    lines += [
        "",
        f"## Flush of {EVENTS:,} buffered view events (one flush, four closed hours)",
        "",
        "| buffer | bulk load s | flush s | views flushed | day readers | expected readers |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for buffer in ("redis", "database"):
        runs = flush_runs(buffer, articles)
        lines.append(
            f"| {buffer} | {median(runs, 'load_s'):.1f} | {median(runs, 'flush_s'):.2f} "
            f"| {median(runs, 'views'):.0f} | {median(runs, 'readers'):.0f} "
            f"| {median(runs, 'expected_readers'):.0f} |"
        )
    (harness.ROOT / "bench" / "readership_results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
