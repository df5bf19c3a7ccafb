"""Through the production front: the search flood and comment posts with nginx in front.

Standalone (`python -m bench.front`), `make bench` runs it. Its own PostgreSQL database
(FRONT_DATABASE, samizdat_front) with the demo newsroom and Redis database (FRONT_REDIS_URL,
10); nginx with deploy/nginx started as its test starts it (testing.front) in front of two
granian pools run as deploy/systemd runs them (readers: 2 workers × 64 threads, refusals held
2 s; writers: 1 worker × 8 threads) and the worker that sends the purges. Rows go into
bench/results.md (this section replaced, the rest kept).

Floods: 64 connections searching for made-up words (search_flood.lua), then 64 asking for
made-up paths (the same script, FLOOD_ASK=paths), each beside cached-article readers and
their own unflooded baseline; the cores each part took, wrk's own included, measured inside
each run.

Many addresses: one wrk process stands for many clients by naming each request's address in
X-Forwarded-For, which nginx here takes as the client's address (testing.front.MANY_ADDRESSES),
so nginx's per-address limits count them apart as they would count real readers.
"""

import os
import statistics
import subprocess  # noqa: S404
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import harness
from bench.search_flood import ARTICLE_CONNECTIONS, FLOOD_CONNECTIONS
from testing import front

SECONDS = int(os.environ.get("FRONT_SECONDS", "10"))
RUNS = int(os.environ.get("FRONT_RUNS", "3"))
DATABASE = os.environ.get("FRONT_DATABASE", "samizdat_front")
REDIS_URL = os.environ.get("FRONT_REDIS_URL", "redis://127.0.0.1:6379/10")
READERS = 16  # connections reading the article while comments are posted
WRITERS = 2  # comment posters beside them, as bench.run's row: a busy discussion
POOLS = {
    "readers": ["--workers", "2", "--blocking-threads", "64"],
    "writers": ["--workers", "1", "--blocking-threads", "8"],
}
RESULTS = harness.ROOT / "bench" / "results.md"
TITLE = "## Through the production front: nginx (`python -m bench.front`)"


def env(**overrides):
    return harness.app_env(
        DATABASE_URL=harness.database_url(DATABASE), REDIS_URL=REDIS_URL, **overrides
    )


def prepare():
    """A fresh database with the demo newsroom; the article's path, id and a form token."""
    harness.recreate_database(DATABASE)
    harness.flush_redis(REDIS_URL)
    for command in (("migrate", "--noinput", "-v0"), ("collectstatic", "--noinput", "-v0")):
        harness.manage(env(), *command)
    harness.manage(env(), "load_demo", stdout=subprocess.DEVNULL)
    found = harness.django_shell(
        env(),
        "from datetime import timedelta;from django.utils import timezone;"
        "from comments.pipeline import form_token;"
        "from newsroom.models import ArticlePage;"
        "a = ArticlePage.objects.published().filter(locale__language_code='be')"
        ".order_by('-first_published_at').first();"
        "print(a.url, a.pk, form_token(a, timezone.now() - timedelta(minutes=5)))",
    )
    path, pk, token = found.split()
    return {"path": path, "id": pk, "token": token}


def manage_printing(environment):
    """A management command in a process of its own; what it printed."""

    def run(name, *args, **options):
        flags = [f"--{key.replace('_', '-')}={value}" for key, value in options.items()]
        command = [harness.PYTHON, "manage.py", name, *args, *flags]
        done = subprocess.run(  # noqa: S603 (our own command line)
            command, cwd=harness.ROOT, env=environment, capture_output=True, text=True
        )
        if done.returncode:
            raise SystemExit(f"manage.py {name} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    return run


class Front:
    """nginx, both pools and the worker, on free loopback ports; stopped by process id."""

    def __init__(self):
        self.port, self.purge_port = harness.free_port(), harness.free_port()
        harness.WORK.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix="front-", dir=harness.WORK))
        self.folder.chmod(0o755)  # nginx workers may run as another user
        for name in ("static", "media"):
            (self.folder / name).mkdir()
        self.environment = env(
            BASE_URL=f"http://127.0.0.1:{self.port}",
            FRONTEND_CACHE_PURGE_URL=f"http://127.0.0.1:{self.purge_port}",
            SHIELD_REFUSAL_DELAY="2",  # the readers' unit sets it; writers never search
        )
        self.pools, self.worker, self.nginx = {}, None, None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        for name, options in POOLS.items():
            self.pools[name] = harness.start_server(
                "granian wsgi", env=self.environment, extra=options
            )
        self.worker = subprocess.Popen(  # noqa: S603 (our own command line)
            [harness.PYTHON, "manage.py", "worker"],
            cwd=harness.ROOT,
            env=self.environment,
            stdout=(self.folder / "worker.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        front.configure(
            self.folder,
            manage_printing(self.environment),
            port=self.port,
            purge_port=self.purge_port,
            readers=self.pools["readers"].base.removeprefix("http://"),
            writers=self.pools["writers"].base.removeprefix("http://"),
        )
        # As production's worker_processes auto on this machine.
        self.nginx = front.start(
            self.folder, self.port, http=front.MANY_ADDRESSES, workers=os.cpu_count()
        )
        return self

    def stop(self):
        front.stop(self.nginx)
        if self.worker and self.worker.poll() is None:
            self.worker.terminate()
            self.worker.wait(timeout=20)
        for pool in self.pools.values():
            pool.stop()

    def cached(self, path):
        """Request path until nginx answers it from its cache."""
        for _ in range(50):
            status, _ = harness.fetch(self.base + path)
            if status == 200 and self.cache_status(path) == "HIT":
                return
            time.sleep(0.2)  # nginx keeps the page once the first answer is complete
        raise SystemExit(f"nginx does not keep {path}")

    def cache_status(self, path):
        import urllib.request

        with urllib.request.urlopen(self.base + path, timeout=30) as answer:  # noqa: S310
            return answer.headers.get("X-Front-Cache")


def machine_cpu_seconds():
    """User, nice and system time of every core so far (/proc/stat's first line)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:4]
    return sum(map(int, fields)) / harness.CLOCK_TICKS


def postgres_pids():
    """Every PostgreSQL process, ours and other databases' (the server is shared)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() == "postgres":
                found.append(int(entry.name))
        except OSError:
            continue
    return found


class CpuMeter:
    """Cores kept busy while a measurement runs, by part: what limits it on two cores."""

    def __init__(self, site, **loads):
        self.site = site
        self.loads = loads  # the wrk processes by name: they take the same cores
        self.busy = {}

    def parts(self):
        def tree(pid):
            return [pid, *harness.descendants(pid)]

        site = self.site
        return {
            "nginx": tree(site.nginx.pid),
            "readers' pool": tree(site.pools["readers"].popen.pid),
            "writers' pool": tree(site.pools["writers"].popen.pid),
            "worker": [site.worker.pid],
            "PostgreSQL": postgres_pids(),
            **{name: [popen.pid] for name, popen in self.loads.items()},
        }

    def seconds(self):
        used = {name: sum(map(harness.cpu_seconds, pids)) for name, pids in self.parts().items()}
        return {**used, "whole machine": machine_cpu_seconds()}

    def __enter__(self):
        self.started, self.before = time.monotonic(), self.seconds()
        return self

    def __exit__(self, *exc):
        after, wall = self.seconds(), time.monotonic() - self.started
        self.busy = {name: (after[name] - self.before[name]) / wall for name in after}
        # Other people's work on a shared machine, and what no part above names (Redis).
        parts = sum(value for name, value in self.busy.items() if name != "whole machine")
        self.busy["the rest"] = self.busy["whole machine"] - parts


def round_trips(seconds):
    """Milliseconds a PING to Redis and a SELECT 1 to PostgreSQL took, asked in turn for
    seconds: the hops a comment POST makes (7 to PostgreSQL, 11 to Redis), under the load."""
    import psycopg
    import redis

    timings = {"Redis": [], "PostgreSQL": []}
    cache = redis.Redis.from_url(REDIS_URL)
    with psycopg.connect(harness.database_url(DATABASE), autocommit=True) as database:
        asks = {"Redis": cache.ping, "PostgreSQL": lambda: database.execute("SELECT 1")}
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for name, ask in asks.items():
                started = time.perf_counter()
                ask()
                timings[name].append((time.perf_counter() - started) * 1000)
            time.sleep(0.01)  # a few hundred probes: not a load of their own
    return timings


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def articles(base, path, connections, seconds=SECONDS):
    return harness.start_wrk(base + path, seconds, connections)


def flood_round(site, article, ask="search", path="/be/search/"):
    """One round: cached articles alone, then the same while 64 connections search (or ask
    for made-up paths: ask="paths")."""
    site.cached(article["path"])
    alone = harness.finish_wrk(articles(site.base, article["path"], ARTICLE_CONNECTIONS), SECONDS)
    site.cached(article["path"])
    flood = harness.start_wrk(
        site.base + path,
        SECONDS + 2,
        FLOOD_CONNECTIONS,
        script="search_flood.lua",
        env={"FLOOD_ADDRESSES": "many", "FLOOD_ASK": ask},
    )
    time.sleep(1)  # let the flood reach full strength before measuring
    popen = articles(site.base, article["path"], ARTICLE_CONNECTIONS)
    with CpuMeter(site, **{"wrk (articles)": popen, "wrk (flood)": flood}) as cpu:
        time.sleep(SECONDS - 2)  # inside the run, while both wrk processes are there
    reading = harness.finish_wrk(popen, SECONDS)
    reading.busy = cpu.busy
    flooded = harness.finish_wrk(flood, SECONDS + 2)
    for pool in site.pools.values():
        harness.drain(pool)
    print(
        f"flood: alone {alone.rps:.0f}/s, flooded {reading.rps:.0f}/s "
        f"({reading.rps / alone.rps:.0%}); search {flooded.rps:.0f}/s {flooded.statuses}",
        flush=True,
    )
    return alone, reading, flooded


def posting_round(site, article):
    """Comment posts from many addresses while 16 connections read the article."""
    site.cached(article["path"])
    wrk_env = {
        "BENCH_ARTICLE": article["id"],
        "BENCH_TOKEN": article["token"],
        "BENCH_PORT": str(site.port),  # the Origin a reader's browser sends: the front
    }
    readers = articles(site.base, article["path"], READERS)
    posts = harness.start_wrk(
        site.base + "/api/comments/", SECONDS, WRITERS, script="post_comment.lua", env=wrk_env
    )
    time.sleep(1)
    with CpuMeter(site, **{"wrk (readers)": readers, "wrk (posts)": posts}) as cpu:
        hops = round_trips(SECONDS - 2)  # inside the run, while both wrk processes are there
    posted = harness.finish_wrk(posts, SECONDS)
    reading = harness.finish_wrk(readers, SECONDS)
    posted.busy = cpu.busy
    posted.hops = hops
    for pool in site.pools.values():
        harness.drain(pool)
    print(
        f"posts: {posted.rps:.0f}/s p50 {posted.p50:.1f} ms p99 {posted.p99:.1f} ms "
        f"{posted.statuses}; readers {reading.rps:.0f}/s p99 {reading.p99:.1f} ms",
        flush=True,
    )
    return posted, reading


def median(values):
    return statistics.median(values)


def refused(run):
    return sum(count for status, count in run.statuses.items() if status >= 400)


def statuses(runs):
    total = {}
    for run in runs:
        for status, count in run.statuses.items():
            total[status] = total.get(status, 0) + count
    return ", ".join(f"{status}: {count}" for status, count in sorted(total.items()))


def busy(runs):
    """Median cores busy by part over the rounds, as one line."""
    parts = runs[0].busy
    return ", ".join(f"{name} {median([run.busy[name] for run in runs]):.2f}" for name in parts)


def hops(runs):
    return ", ".join(
        f"{name} p50 {median([percentile(run.hops[name], 0.5) for run in runs]):.1f} ms, "
        f"p99 {median([percentile(run.hops[name], 0.99) for run in runs]):.1f} ms"
        for name in runs[0].hops
    )


def met(ok):
    return "yes" if ok else "**no**"


def section(started, floods, posts, paths):
    alone = median([a.rps for a, _, _ in floods])
    flooded = median([r.rps for _, r, _ in floods])
    share = median([r.rps / a.rps for a, r, _ in floods])
    path_share = median([r.rps / a.rps for a, r, _ in paths])
    p50 = median([p.p50 for p, _ in posts])
    p99 = median([p.p99 for p, _ in posts])
    read_rps = median([r.rps for _, r in posts])
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        TITLE,
        "",
        f"Run {started:%Y-%m-%d %H:%M} UTC by `python -m bench.front` (in `make bench`); "
        f"load average {load} at the end, on {os.cpu_count()} cores shared with wrk, PostgreSQL "
        "and Redis. Debian's nginx with deploy/nginx (`manage.py nginx_config`, its defaults; "
        f"worker_processes {os.cpu_count()}) in front of the readers' pool (granian, 2 workers × "
        "64 threads, SHIELD_REFUSAL_DELAY=2) and the writers' pool (1 worker × 8 threads) as "
        "deploy/systemd runs them, the worker sending purges; the demo newsroom on PostgreSQL. "
        "Each flooding or posting request names another address in X-Forwarded-For, which this "
        "nginx takes as the client's (`set_real_ip_from 127.0.0.1`), so no per-address limit "
        f"counts two of them together. {RUNS} rounds of {SECONDS} s; each figure is the median "
        "of the rounds, and a round measures its flood beside its own unflooded baseline.",
        "",
        "| scenario | req/s (median) | per round | p50 ms | p99 ms | answers by status |",
        "|---|---:|---|---:|---:|---|",
        f"| cached article, {ARTICLE_CONNECTIONS} connections, no flood | {alone:.0f} | "
        + " / ".join(f"{a.rps:.0f}" for a, _, _ in floods)
        + f" | {median([a.p50 for a, _, _ in floods]):.2f} | "
        f"{median([a.p99 for a, _, _ in floods]):.2f} | – |",
        f"| the same while {FLOOD_CONNECTIONS} connections from many addresses search | "
        f"{flooded:.0f} | "
        + " / ".join(f"{r.rps:.0f} ({r.rps / a.rps:.0%})" for a, r, _ in floods)
        + f" | {median([r.p50 for _, r, _ in floods]):.2f} | "
        f"{median([r.p99 for _, r, _ in floods]):.2f} | non-2xx: "
        f"{sum(r.non_2xx for _, r, _ in floods)} |",
        f"| the flood's searches | {median([f.rps for _, _, f in floods]):.0f} | "
        + " / ".join(f"{f.rps:.0f}" for _, _, f in floods)
        + f" | {median([f.p50 for _, _, f in floods]):.1f} | "
        f"{median([f.p99 for _, _, f in floods]):.1f} | {statuses([f for _, _, f in floods])} |",
        f"| cached article while {FLOOD_CONNECTIONS} connections from many addresses ask for "
        f"made-up paths | {median([r.rps for _, r, _ in paths]):.0f} | "
        + " / ".join(f"{r.rps:.0f} ({r.rps / a.rps:.0%})" for a, r, _ in paths)
        + f" | {median([r.p50 for _, r, _ in paths]):.2f} | "
        f"{median([r.p99 for _, r, _ in paths]):.2f} | non-2xx: "
        f"{sum(r.non_2xx for _, r, _ in paths)} |",
        f"| the made-up paths | {median([f.rps for _, _, f in paths]):.0f} | "
        + " / ".join(f"{f.rps:.0f}" for _, _, f in paths)
        + f" | {median([f.p50 for _, _, f in paths]):.1f} | "
        f"{median([f.p99 for _, _, f in paths]):.1f} | {statuses([f for _, _, f in paths])} |",
        f"| comment POST, {WRITERS} connections from many addresses, writers' pool | "
        f"{median([p.rps for p, _ in posts]):.0f} | "
        + " / ".join(f"{p.rps:.0f}" for p, _ in posts)
        + f" | {p50:.1f} | {p99:.1f} | {statuses([p for p, _ in posts])}; refused "
        + " / ".join(str(refused(p)) for p, _ in posts)
        + " |",
        f"| cached article meanwhile, {READERS} connections | {read_rps:.0f} | "
        + " / ".join(f"{r.rps:.0f}" for _, r in posts)
        + f" | {median([r.p50 for _, r in posts]):.2f} | "
        f"{median([r.p99 for _, r in posts]):.2f} | non-2xx: "
        f"{sum(r.non_2xx for _, r in posts)} |",
        "",
        f"Cores busy (of {os.cpu_count()}, median of the rounds) while the flood ran: "
        f"{busy([r for _, r, _ in floods])}. While made-up paths were asked for: "
        f"{busy([r for _, r, _ in paths])}. While comments were posted: "
        f"{busy([p for p, _ in posts])}. Measured inside each run, while both wrk processes "
        "ran; wrk is the load generator on the same cores, the rest is other work on the "
        "machine (and Redis).",
        "",
        f"One round trip while comments were posted (a POST makes 7 to PostgreSQL and 11 to "
        f"Redis), median of the rounds: {hops([p for p, _ in posts])}.",
        "",
        "| target | measured | met |",
        "|---|---:|:---:|",
        f"| cached articles keep ≥ 80% of their unflooded throughput under a search flood from "
        f"many addresses, through nginx | {share:.0%} | {met(share >= 0.8)} |",
        f"| the same under a flood of made-up paths (uncached 404s) from many addresses | "
        f"{path_share:.0%} | {met(path_share >= 0.8)} |",
        f"| comment POST p99 < 50 ms while {READERS} read, writers' pool, through nginx | "
        f"{p99:.1f} ms | {met(p99 < 50)} |",
        "",
    ]


def main():
    started = datetime.now(UTC)
    if not front.installed():  # the purge module is a Debian package of its own
        subprocess.run(["apt-get", "update", "-qq"], check=True)  # noqa: S607
        packages = ["nginx", "libnginx-mod-http-cache-purge"]
        subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True)  # noqa: S603, S607
    article = prepare()
    site = Front()
    try:
        site.start()
        floods = [flood_round(site, article) for _ in range(RUNS)]
        paths = [flood_round(site, article, "paths", "/") for _ in range(RUNS)]
        posts = [posting_round(site, article) for _ in range(RUNS)]
    finally:
        site.stop()
    harness.drop_database(DATABASE)
    lines = section(started, floods, posts, paths)
    harness.write_section(RESULTS, TITLE, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
