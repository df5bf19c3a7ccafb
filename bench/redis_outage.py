"""Redis killed under readers: does cached reading hold, and do acknowledged counts stay exact?

Standalone (`python -m bench.redis_outage`), writes bench/outage_results.md. Its own
PostgreSQL database samizdat_outage with the demo newsroom, its own redis-server on a spare
port with the append-only file (appendfsync always, as docs/failures.md asks), granian WSGI
with 2 workers of 64 blocking threads on loopback (bench.harness).

Each run: wrk reads one cached article for BASELINE_SECONDS with Redis up, then again for
OUTAGE_SECONDS right after Redis is killed (SIGKILL); Redis is then started again on its
data. Meanwhile two clients send view beacons and likes from ever new addresses. Then the
readership flush runs, and the article's flushed views and likes are compared
with the beacons and likes the site acknowledged (202, 200), once after all runs.
"""

import os
import signal
import subprocess  # noqa: S404
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from statistics import median

import redis

from bench import harness
from testing import REDIS_SERVER

BASELINE_SECONDS = int(os.environ.get("OUTAGE_BASELINE_SECONDS", "10"))
OUTAGE_SECONDS = int(os.environ.get("OUTAGE_SECONDS", "20"))
RUNS = int(os.environ.get("OUTAGE_RUNS", "3"))
CONNECTIONS = 8
DATABASE = os.environ.get("OUTAGE_DATABASE", "samizdat_outage")
RESULTS = harness.ROOT / "bench" / "outage_results.md"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


class Redis:
    """A redis-server of the benchmark's own, keeping its data in an append-only file."""

    def __init__(self):
        self.port = harness.free_port()
        self.dir = tempfile.mkdtemp(prefix="samizdat-outage-redis-")
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--dir", self.dir],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(200):
            try:
                if redis.Redis(port=self.port).ping():
                    return
            except redis.exceptions.RedisError:
                time.sleep(0.05)  # loading its append-only file
        raise SystemExit("redis-server did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


def env(redis):
    return harness.app_env(DATABASE_URL=harness.database_url(DATABASE), REDIS_URL=redis.url)


def prepare(redis):
    """A fresh database with the demo newsroom; returns (article path, article id)."""
    harness.recreate_database(DATABASE)
    for command in (("migrate", "--noinput", "-v0"), ("collectstatic", "--noinput", "-v0")):
        harness.manage(env(redis), *command)
    harness.manage(env(redis), "load_demo", stdout=subprocess.DEVNULL)
    found = harness.django_shell(
        env(redis),
        "from newsroom.models import ArticlePage;"
        "a = ArticlePage.objects.published().filter(locale__language_code='be')"
        ".order_by('-first_published_at').first(); print(a.url, a.pk)",
    )
    path, pk = found.split()
    return path, int(pk)


class Counting(threading.Thread):
    """Sends view beacons and likes, each from a new address, and keeps their answers."""

    def __init__(self, base, article, first_address):
        super().__init__(daemon=True)
        self.base = base
        self.article = article
        self.address = first_address
        self.answers = {"view": Counter(), "like": Counter()}
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.address += 1
            kind = "like" if self.address % 4 == 0 else "view"
            self.answers[kind][self.send(kind)] += 1

    def send(self, kind):
        if kind == "like":
            path, body = "/api/readership/like", f'{{"article": {self.article}, "liked": true}}'
        else:
            path, body = "/api/readership/beacon", f'{{"article": {self.article}, "kind": "view"}}'
        address = f"10.{self.address >> 16 & 255}.{self.address >> 8 & 255}.{self.address & 255}"
        request = urllib.request.Request(  # noqa: S310 (loopback)
            self.base + path,
            data=body.encode(),
            # Origin as a browser sends it with a beacon from our page: the write guard
            # refuses a beacon or like without one (403), and they would count nothing.
            headers={"Content-Type": "text/plain;charset=UTF-8", "User-Agent": AGENT,
                     "Origin": self.base, "X-Forwarded-For": address},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return "no answer"


def flushed_totals(redis, article):
    """Flush every hour (as if two hours had passed); the article's (views, likes)."""
    return tuple(
        int(n)
        for n in harness.django_shell(
            env(redis),
            "from datetime import timedelta; from readership import clock;"
            "from readership.flush import flush; from readership.models import ArticleTotals;"
            "flush(moment=clock.now() + timedelta(hours=2));"
            f"t = ArticleTotals.objects.filter(article_id={article}).first();"
            "print(t.views if t else 0, t.likes if t else 0)",
        ).split()
    )


def one_run(number, server, redis, path, article):
    counting = [Counting(server.base, article, (number * 4 + n) * 1_000_000) for n in range(2)]
    for client in counting:
        client.start()
    baseline = harness.wrk(server, path, BASELINE_SECONDS, CONNECTIONS)
    harness.fetch(server.base + path)  # the page is cached again
    redis.kill()
    reading = harness.finish_wrk(
        harness.start_wrk(server.base + path, OUTAGE_SECONDS, CONNECTIONS), OUTAGE_SECONDS
    )
    redis.start()
    time.sleep(3)  # past the breaker's retry delay: counting goes back to Redis
    for client in counting:
        client.stopped.set()
        client.join()
    answers = {
        kind: sum((client.answers[kind] for client in counting), Counter())
        for kind in ("view", "like")
    }
    result = {
        "baseline": baseline,
        "outage": reading,
        "answers": answers,
        "acknowledged": (answers["view"][202], answers["like"][200]),
    }
    print(
        f"run {number + 1}: {baseline.rps:.0f} -> {reading.rps:.0f} req/s "
        f"({reading.rps / baseline.rps:.0%}), acknowledged {result['acknowledged']}, "
        f"answers {dict(answers['view'])} {dict(answers['like'])}",
        flush=True,
    )
    return result


def main():
    started = datetime.now(UTC)
    redis = Redis()
    redis.start()
    path, article = prepare(redis)
    server = harness.start_server(
        "granian wsgi", env=env(redis), extra=["--blocking-threads", "64"]
    )
    try:
        for _ in range(20):
            harness.fetch(server.base + path)  # every worker has rendered it once
        runs = [one_run(number, server, redis, path, article) for number in range(RUNS)]
        # Once, at the end: flushing the open hour early, then counting more in it, would
        # make the next flush replace the hour's numbers (the real flush waits for its end).
        counted = flushed_totals(redis, article)
    finally:
        server.stop()
        redis.kill()
    harness.drop_database(DATABASE)
    if not all(sum(run["acknowledged"][n] for run in runs) for n in (0, 1)):
        # Exact counts of nothing prove nothing: the site refused the clients' requests.
        raise SystemExit(f"no view or no like acknowledged: {[run['answers'] for run in runs]}")
    write_results(started, runs, counted)


def statuses(counter):
    return ", ".join(f"{code}: {n}" for code, n in sorted(counter.items(), key=str))


def write_results(started, runs, counted):
    lines = [
        "# Redis killed under readers",
        "",
        f"Run {started:%Y-%m-%d %H:%M} UTC by `python -m bench.redis_outage`: granian WSGI "
        "(2 workers, 64 blocking threads) on loopback, PostgreSQL, a redis-server of its own "
        "with appendfsync always, the demo newsroom; 2 CPU cores shared with wrk, the database "
        f"and Redis. wrk: {CONNECTIONS} connections on one cached article, "
        f"{BASELINE_SECONDS} s with Redis up, then {OUTAGE_SECONDS} s from the moment Redis is "
        "killed (it is started again afterwards on its append-only file). Two clients send "
        "view beacons and likes (one in four) from new addresses throughout; then the flush.",
        "",
        "| run | Redis up req/s (p50 ms) | Redis killed req/s (p50 ms) | share | non-2xx "
        "while killed | views acknowledged | likes acknowledged | beacon answers | "
        "like answers |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for number, run in enumerate(runs, 1):
        up, down = run["baseline"], run["outage"]
        lines.append(
            f"| {number} | {up.rps:.0f} ({up.p50:.1f}) | {down.rps:.0f} ({down.p50:.1f}) | "
            f"{down.rps / up.rps:.0%} | {down.non_2xx} | {run['acknowledged'][0]} | "
            f"{run['acknowledged'][1]} | "
            f"{statuses(run['answers']['view'])} | {statuses(run['answers']['like'])} |"
        )
    shares = [run["outage"].rps / run["baseline"].rps for run in runs]
    acknowledged = [sum(run["acknowledged"][n] for run in runs) for n in (0, 1)]
    lines += [
        "",
        f"Median: {median(r['baseline'].rps for r in runs):.0f} req/s with Redis up, "
        f"{median(r['outage'].rps for r in runs):.0f} req/s while it was killed; median "
        f"share {median(shares):.0%}.",
        "",
        f"After the runs and one flush: views acknowledged {acknowledged[0]}, counted "
        f"{counted[0]}; likes acknowledged {acknowledged[1]}, counted {counted[1]}. A beacon "
        "or like answered 503 went out just as Redis died and may be counted all the same "
        "(docs/failures.md).",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
