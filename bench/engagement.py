"""Analytics counting: leaving beacons over HTTP with Redis, and exact totals after the flush.

HTTP: wrk (16 connections, 127.0.0.1 only) posts leaving beacons (engaged seconds, scroll
depth, referrers, one in seven a whole URL holding a secret) with the page's token to an
app server with the Redis buffer: granian, which serves the writers' pool in production
(deploy/systemd), and gunicorn's sync workers. After each run the buffer is read, one flush
writes the hours, and the flushed leaves and engaged seconds must equal what the buffer
counted; no stored referrer may hold the secret. Target: 2,000 beacons/s or more.

The floor: the same wrk script against a bare Django view answering the beacon's 202 body
(bench.floor) through the same app server, run by turns with the beacons: what any request
costs there, so the ratio says how much of it is the beacon's own work on a shared machine.

Buffer: BENCH_EVENTS leaving beacons go into the Redis buffer in pipelines (no HTTP), then
one flush is timed: what the counting itself costs, next to what a request costs.

The database is built once by `migrate` and `load_demo` (72 articles) and kept while its
migrations do not change; BENCH_DATABASE and BENCH_REDIS_URL choose where it runs.
Results go to bench/engagement_results.md; every figure is the median of BENCH_RUNS runs.
"""

import json
import os
import platform
import statistics
import subprocess
from datetime import UTC, datetime

from bench import corpus, harness

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "200000"))
TARGET = 2000
SERVERS = ("granian wsgi", "gunicorn sync")  # production's writers first
FLOOR_BODY = harness.WORK / "beacon-floor.json"
DATABASE = f"{harness.DATABASE}_engagement"


def env():
    return harness.app_env(DATABASE_URL=harness.database_url(DATABASE))


def django_shell(code):
    """Run code in a Django shell; its last printed line is JSON."""
    return json.loads(harness.django_shell(env(), code))


def prepare():
    """The demo newsroom in its own database, built when missing or its schema changed."""
    wanted = corpus.fingerprint(0, 0)
    if corpus.stored_fingerprint(DATABASE) != wanted:
        harness.recreate_database(DATABASE)
        harness.manage(env(), "migrate", "--noinput", "-v0")
        harness.manage(env(), "load_demo", stdout=subprocess.DEVNULL)
        harness.admin_query(f"COMMENT ON DATABASE \"{DATABASE}\" IS '{wanted}'")
    return django_shell(
        "import json; from newsroom.models import ArticlePage;"
        "from readership.engagement import beacon_token;"
        "print(json.dumps([f'{pk}:{beacon_token(pk)}' for pk in "
        "ArticlePage.objects.published().values_list('pk', flat=True)]))"
    )


CLEAR = """
import json
from django_redis import get_redis_connection
from readership.models import EngagementDay, EngagementHour, PendingEngagement
for model in (EngagementDay, EngagementHour, PendingEngagement):
    model.objects.all().delete()
get_redis_connection("default").flushdb()
print(json.dumps("cleared"))
"""

FLUSH_AND_CHECK = """
import json, time
from datetime import timedelta
from django.db.models import Sum
from readership import clock, engagement
from readership.buffers import current_buffer
from readership.flush import flush
from readership.models import EngagementHour
buffer = current_buffer()
def totals():
    rows = [row for hour in buffer.hours()
            for row in engagement.as_rows(buffer.engagement_counts(hour)).values()]
    return {"leaves": sum(row["leaves"] for row in rows),
            "seconds": sum(row["engaged_seconds"] for row in rows)}
# Beacons wrk left queued are still being answered: read the buffer once it holds still.
buffered, deadline = totals(), time.monotonic() + 20
while time.monotonic() < deadline:
    time.sleep(0.5)
    again = totals()
    if again == buffered:
        break
    buffered = again
began = time.perf_counter()
flush(clock.now() + timedelta(hours=2))
took = time.perf_counter() - began
stored = EngagementHour.objects.aggregate(leaves=Sum("leaves"), seconds=Sum("engaged_seconds"))
referrers = sorted(set(EngagementHour.objects.values_list("referrer", flat=True)))
print(json.dumps({"buffered": buffered["leaves"], "flushed": stored["leaves"] or 0,
                  "seconds_buffered": buffered["seconds"],
                  "seconds_flushed": stored["seconds"] or 0,
                  "flush_s": took, "leaked": any("SECRET" in r or "/" in r for r in referrers),
                  "referrers": referrers}))
"""


def beacon_wrk(server, pages):
    return harness.wrk(
        server, "/", SECONDS, script="engagement_beacon.lua",
        env={"BENCH_PAGES": ",".join(pages)},
    )  # fmt: skip


def http_runs(pages, kind):
    """Beacons and the floor by turns through one kind of app server."""
    FLOOR_BODY.parent.mkdir(parents=True, exist_ok=True)
    FLOOR_BODY.write_text('{"status": "accepted"}')
    results = []
    site = harness.start_server(kind, env=env())
    floor = harness.start_server(
        kind, app="floor", env={**env(), "BENCH_FLOOR_FILE": str(FLOOR_BODY)}
    )
    try:
        for _ in range(RUNS):
            bare = beacon_wrk(floor, pages)
            django_shell(CLEAR)
            run = beacon_wrk(site, pages)
            result = {"rps": run.rps, "requests": run.requests, "p50": run.p50, "p99": run.p99,
                      "non_2xx": run.non_2xx, "statuses": run.statuses,
                      "cpu_ms": run.cpu_ms, "floor_rps": bare.rps,
                      "floor_cpu_ms": bare.cpu_ms}  # fmt: skip
            result.update(django_shell(FLUSH_AND_CHECK))
            print(kind, "http", json.dumps(result), flush=True)
            results.append(result)
    finally:
        site.stop()
        floor.stop()
    return results


LOAD_AND_FLUSH = """
import json, time
from datetime import timedelta
from django.db.models import Sum
from readership import clock, engagement
from readership.buffers import current_buffer
from readership.flush import flush
from readership.models import EngagementHour
pages = PAGES
events = EVENTS
start = clock.hour_of(clock.now()) - timedelta(hours=6)
referrers = ["t.me", "google.com", "", "facebook.com", "app:org.telegram.messenger"]
def beacon(n):
    counts = engagement.leave_counts(
        pages[n % len(pages)], "main", referrers[n % len(referrers)], (n * 7) % 700, (n % 5) * 25)
    return start + timedelta(minutes=(n * 240) // events), counts
began = time.perf_counter()
current_buffer().record_engagements(beacon(n) for n in range(events))
loaded = time.perf_counter() - began
began = time.perf_counter()
flush()
flushed = time.perf_counter() - began
stored = EngagementHour.objects.aggregate(leaves=Sum("leaves"), seconds=Sum("engaged_seconds"))
expected = sum(engagement.engaged_step((n * 7) % 700) for n in range(events))
print(json.dumps({"load_s": loaded, "flush_s": flushed, "leaves": stored["leaves"],
                  "seconds": stored["seconds"], "expected_seconds": expected}))
"""


def buffer_runs(pages):
    ids = [int(page.split(":")[0]) for page in pages]
    code = LOAD_AND_FLUSH.replace("PAGES", repr(ids)).replace("EVENTS", str(EVENTS))
    results = []
    for _ in range(RUNS):
        django_shell(CLEAR)
        run = django_shell(code)
        print("buffer", json.dumps(run), flush=True)
        results.append(run)
    django_shell(CLEAR)
    return results


def median(runs, key):
    return statistics.median(run[key] for run in runs)


def server_rows(http):
    """One table row per app server, and whether every run of it was exact and kept no secret."""
    rows = []
    for kind, runs in http.items():
        exact = all(
            run["buffered"] == run["flushed"] and run["seconds_buffered"] == run["seconds_flushed"]
            for run in runs
        )
        rate = median(runs, "rps")
        ratio = statistics.median(run["rps"] / run["floor_rps"] for run in runs)
        verdict = "met" if rate >= TARGET and exact else f"MISSED ({rate:.0f} of {TARGET:,})"
        rows.append(
            f"| {kind} `{' '.join(harness.SERVERS[kind][2])}` | {rate:.0f} | {verdict} "
            f"| {median(runs, 'floor_rps'):.0f} | {ratio:.2f} "
            f"| {median(runs, 'p50'):.2f}ms | {median(runs, 'p99'):.2f}ms "
            f"| {median(runs, 'cpu_ms'):.2f} | {median(runs, 'floor_cpu_ms'):.2f} "
            f"| {median(runs, 'non_2xx'):.0f} | {median(runs, 'buffered'):.0f} "
            f"| {median(runs, 'flushed'):.0f}{'' if exact else ' (MISMATCH)'} "
            f"| {median(runs, 'seconds_buffered'):.0f} | {median(runs, 'seconds_flushed'):.0f} "
            f"| {median(runs, 'flush_s'):.2f} "
            f"| {'YES' if any(run['leaked'] for run in runs) else 'no'} |"
        )
    return rows


def report(http, loads, load_at_start):
    load = os.getloadavg()[0]
    lines = [
        "# Analytics counting benchmark",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.system()}, load average "
        f"{load_at_start:.1f} at the start and {load:.1f} at the end (the machine is shared); "
        f"run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Median of {RUNS} runs. "
        "Command: `.venv/bin/python -m bench.engagement`.",
        "",
        f"## Leaving beacons over HTTP with Redis (wrk -t2 -c16, {SECONDS} s a run)",
        "",
        f"Target: {TARGET:,} beacons/s, exact totals after the flush. The floor is a bare "
        "Django view answering the same requests through the same app server, run by turns "
        "with the beacons; the ratio is beacons/s over the floor's requests/s in the same "
        "round.",
        "",
        "| app server | beacons/s | target | floor req/s | ratio | p50 | p99 "
        "| server CPU ms a beacon | floor CPU ms | non-2xx | leaves buffered | leaves flushed "
        "| seconds buffered | seconds flushed | flush s | secret stored |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        *server_rows(http),
        "",
        f"## {EVENTS:,} leaving beacons straight into the Redis buffer, then one flush",
        "",
        "| beacons/s into the buffer | bulk load s | flush s | leaves flushed "
        "| seconds flushed | seconds expected |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {EVENTS / median(loads, 'load_s'):.0f} | {median(loads, 'load_s'):.1f} "
        f"| {median(loads, 'flush_s'):.2f} | {median(loads, 'leaves'):.0f} "
        f"| {median(loads, 'seconds'):.0f} | {median(loads, 'expected_seconds'):.0f} |",
    ]
    return "\n".join(lines) + "\n"


def main():
    load_at_start = os.getloadavg()[0]
    pages = prepare()
    http = {kind: http_runs(pages, kind) for kind in SERVERS}
    loads = buffer_runs(pages)
    text = report(http, loads, load_at_start)
    (harness.ROOT / "bench" / "engagement_results.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
