"""Readership ingestion: beacons through HTTP and the flush of 1,000,000 buffered events.

Beacons: wrk (16 connections, bounded in time, 127.0.0.1 only) posts view beacons to a
gunicorn app server, first with the Redis buffer, then with the database buffer; after each
run the buffer is flushed and the flushed views must equal the views the buffer counted.
Flush: 1,000,000 view events are loaded into each buffer in bulk, then one flush is timed
and its totals checked against the events. Every figure is the median of several runs.
Results go to bench/readership_results.md.
"""

import json
import os
import re
import secrets
import signal
import statistics
import subprocess  # noqa: S404
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import run as bench_run

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PORT = int(os.environ.get("BENCH_PORT", "8766"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "1000000"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
DATABASE = os.environ.get(
    "BENCH_READERSHIP_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/samizdat_readership_bench",
)
REDIS = os.environ.get("BENCH_READERSHIP_REDIS_URL", "redis://127.0.0.1:6379/3")
BASE_ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "samizdat.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "DATABASE_URL": DATABASE,
    # One wrk process stands in for many readers, each with its own forwarded address.
    "TRUST_X_FORWARDED_FOR": "true",
    "MEDIA_ROOT": str(ROOT / "bench" / "work" / "media"),
}


def env(buffer):
    return {**BASE_ENV, "REDIS_URL": REDIS if buffer == "redis" else ""}


def manage(*args, buffer="redis", **kwargs):
    command = [PYTHON, "manage.py", *args]
    return subprocess.run(command, cwd=ROOT, env=env(buffer), check=True, **kwargs)  # noqa: S603


def django_shell(code, buffer):
    """Run code in a Django shell; its last printed line is JSON."""
    command = [PYTHON, "manage.py", "shell", "-c", code]
    done = subprocess.run(command, cwd=ROOT, env=env(buffer), capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        raise SystemExit(f"the Django shell failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepare():
    """A fresh database with the demo newsroom; returns the ids of its published articles."""
    name = DATABASE.rsplit("/", 1)[1]
    for tool in ("dropdb", "createdb"):
        flags = ["--if-exists"] if tool == "dropdb" else []
        subprocess.run([tool, "-h", "127.0.0.1", "-U", "postgres", *flags, name], check=True)  # noqa: S603
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("load_demo")
    return django_shell(
        "import json; from newsroom.models import ArticlePage;"
        "print(json.dumps(list(ArticlePage.objects.published().values_list('pk', flat=True))))",
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
    return bench_run.start_server(env(buffer), PORT, WORKERS)


def wrk_beacons(articles):
    command = [
        "wrk",
        "-t2",
        "-c16",
        f"-d{SECONDS}s",
        "--latency",
        "-s",
        str(ROOT / "bench" / "readership_beacon.lua"),
        f"http://127.0.0.1:{PORT}/",
    ]
    output = subprocess.run(  # noqa: S603
        command,
        env={**BASE_ENV, "BENCH_ARTICLES": ",".join(map(str, articles))},
        capture_output=True,
        text=True,
        check=True,
        timeout=SECONDS + 30,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)\s*$", output, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def beacon_runs(buffer, articles):
    results = []
    server = start_server(buffer)
    try:
        for _ in range(RUNS):
            django_shell(CLEAR, buffer)
            run = wrk_beacons(articles)
            run.update(django_shell(FLUSH_AND_CHECK, buffer))
            print(buffer, json.dumps(run), flush=True)
            results.append(run)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
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
        f"Machine: {os.cpu_count()} cores, {sys.platform}; run {datetime.now(UTC):%Y-%m-%d %H:%M}"
        f" UTC. Median of {RUNS} runs. Command: `.venv/bin/python -m bench.readership`.",
        "",
        f"## View beacons over HTTP (gunicorn, {WORKERS} sync workers; wrk -t2 -c16, "
        f"{SECONDS} s a run)",
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
    (ROOT / "bench" / "readership_results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
