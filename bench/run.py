"""`make bench`: load tests on loopback against a 100,000-article newsroom; writes results.md.

A run clones the corpus (bench.corpus) into samizdat_bench, starts the app servers, checks
that corpus pages render and are listed, then runs wrk (bounded in time, 127.0.0.1 only)
over each scenario several times and reports medians. Two baselines are measured in the
same run: nginx serving a saved copy of the article (the ceiling) and a bare Django view
returning the same bytes through the same app server (the floor, bench.floor).

    .venv/bin/python -m bench.run                          # the full run
    .venv/bin/python -m bench.run --articles 2000 --comments 20000 --seconds 2 --runs 1
"""

import argparse
import json
import os
import platform
import statistics
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench import corpus, harness

RESULTS = harness.ROOT / "bench" / "results.md"
CHOSEN_SERVER = os.environ.get("BENCH_SERVER", "")
SEARCH_TERM = corpus.SEARCH_TERM
WRITERS = 2  # comment posters beside the 16 readers: a busy discussion, not a flood

TARGETS = {
    "cached_share_of_floor": 0.90,
    "uncached_rps": 300,
    "uncached_queries": 10,
    "deep_page_slowdown": 0.20,
    "post_p99_ms": 50,
    "worker_rss_mb": 150,
}


@dataclass
class Row:
    name: str
    server: str
    runs: list
    rss_mb: float = 0.0
    note: str = ""
    extra: dict = field(default_factory=dict)

    def median(self, key):
        return statistics.median(getattr(run, key) for run in self.runs)

    def as_dict(self):
        keys = ("rps", "p50", "p99", "cpu_ms", "non_2xx", "socket_errors")
        return {"name": self.name, "server": self.server, "rss_mb": round(self.rss_mb, 1),
                **{key: self.median(key) for key in keys}}  # fmt: skip


class Bench:
    def __init__(self, args):
        self.args = args
        self.rows = []
        self.servers = []
        self.comparison = []

    # Setting up -----------------------------------------------------------------------

    def prepare(self):
        template = corpus.ensure_corpus(self.args.articles, self.args.comments)
        harness.recreate_database(harness.DATABASE, template=template)
        harness.flush_redis()
        harness.manage(harness.app_env(), "collectstatic", "--noinput", "-v0")
        self.targets = corpus.bench_pages(harness.app_env())
        print("targets:", json.dumps(self.targets, ensure_ascii=False), flush=True)

    def start(self, kind, app="site", **env):
        server = harness.start_server(kind, app, harness.app_env(**env))
        self.servers.append(server)
        return server

    def stop(self, server):
        server.stop()
        self.servers.remove(server)

    def stop_all(self):
        for server in list(self.servers):
            self.stop(server)

    def verify_corpus(self, server):
        """Corpus articles render and are listed where readers look for them."""
        problems = []
        for url in self.targets["samples"]:
            status, _ = harness.fetch(server.base + url)
            if status != 200:
                problems.append(f"{url} answered {status}")
        for listing in ("news", "section"):
            status, body = harness.fetch(server.base + self.targets[listing])
            if status != 200 or self.targets["newest_slug"].encode() not in body:
                problems.append(f"{self.targets[listing]} does not list the newest article")
        deep = self.targets["deep_news"]
        status, body = harness.fetch(server.base + deep)
        if status != 200 or self.targets["deep_slug"].encode() not in body:
            problems.append(f"{deep} does not list the article expected there")
        if problems:
            raise SystemExit("the corpus is not served as expected:\n" + "\n".join(problems))
        print(f"corpus: {len(self.targets['samples'])} articles render; listings hold them")

    def warm_up(self, server, paths, times=1):
        """Request each page before measuring: workers load templates on first use."""
        for path in paths:
            for _ in range(times):
                status, _ = harness.fetch(server.base + path, timeout=120)
                # 503 is the shield's answer (a search over its deadline, say): a result to
                # report in the table, not a broken run.
                if status >= 500 and status != 503:
                    raise SystemExit(f"{server.name} answered {status} for {path}")

    # Measuring ------------------------------------------------------------------------

    def measure(self, name, server, path, script=None, env=None, seconds=None, runs=None):
        seconds = seconds or self.args.seconds
        server.peak_rss.clear()
        runs = [
            harness.wrk(server, path, seconds, script=script, env=env)
            for _ in range(runs or self.args.runs)
        ]
        row = Row(name, server.name, runs, server.worker_peak_mb())
        print(json.dumps(row.as_dict(), ensure_ascii=False), flush=True)
        return row

    def posting_while_reading(self, server, writers_server=None):
        """Comment posts while 16 connections read the article from server's cache.

        writers_server: the posts go to an app server of their own (nginx routing POSTs to a
        second pool, as docs/production.md suggests), so readers' threads do not hold the posts up.
        """
        writers_server = writers_server or server
        env = {
            "BENCH_ARTICLE": str(self.targets["article_id"]),
            "BENCH_TOKEN": self.targets["token"],
            "BENCH_PORT": str(writers_server.port),
        }
        sampled = [server] if writers_server is server else [server, writers_server]
        runs = []
        writers_server.peak_rss.clear()
        for _ in range(self.args.runs):
            with harness.MemorySampler(*sampled):
                article = server.base + self.targets["article"]
                readers = harness.start_wrk(article, self.args.seconds)
                writers = harness.start_wrk(
                    writers_server.base + "/api/comments/", self.args.seconds, WRITERS,
                    script="post_comment.lua", env=env,
                )  # fmt: skip
                runs.append(harness.finish_wrk(writers, self.args.seconds))
                reading = harness.finish_wrk(readers, self.args.seconds)
            harness.drain(server)
            print(f"  readers meanwhile: {reading.rps:.0f} req/s, p99 {reading.p99:.1f} ms")
        where = "" if writers_server is server else ", posts to their own app server"
        row = Row(f"comment POST ({WRITERS} writers) while 16 read the article{where}",
                  writers_server.name, runs, writers_server.worker_peak_mb())  # fmt: skip
        print(json.dumps(row.as_dict(), ensure_ascii=False), flush=True)
        return row

    def reading_paths(self):
        t = self.targets
        return [t["article"], t["news"], t["deep_news"], t["section"], t["search"], t["feed"]]

    def check_and_save(self):
        """Corpus served right; the article's bytes saved for the baselines; queries counted."""
        server = self.start("gunicorn sync", PAGE_CACHE_SECONDS="0")
        self.verify_corpus(server)
        self.warm_up(server, self.reading_paths())
        status, page = harness.fetch(server.base + self.targets["article"])
        self.stop(server)
        if status != 200:
            raise SystemExit(f"the article answered {status}")
        self.page = harness.WORK / "article.html"
        self.page.write_bytes(page)
        code = QUERIES_CODE.replace("PATHS", repr(self.reading_paths()))
        self.queries = json.loads(
            harness.django_shell(harness.app_env(PAGE_CACHE_SECONDS="0"), code)
        )
        print("queries per page:", self.queries, flush=True)

    def compare_servers(self):
        """Cached article and floor on each app server, one server at a time."""
        seconds = self.args.compare_seconds
        for kind in harness.SERVERS:
            site = self.start(kind)
            self.warm_up(site, [self.targets["article"]], times=4)
            cached = self.measure(
                "article, page cache", site, self.targets["article"], seconds=seconds
            )
            self.stop(site)
            floor_server = self.start(kind, "floor", BENCH_FLOOR_FILE=str(self.page))
            floor = self.measure("floor", floor_server, "/", seconds=seconds)
            self.stop(floor_server)
            self.comparison.append((kind, cached, floor))

    def choose_server(self):
        """BENCH_SERVER when set, else the fastest on the cached article in the comparison."""
        if CHOSEN_SERVER or not self.comparison:
            return CHOSEN_SERVER or "gunicorn sync"
        return max(self.comparison, key=lambda item: item[1].median("rps"))[0]

    def scenarios(self, kind):
        t, deep = self.targets, self.targets["deep_page"]
        self.kind = kind
        cached = self.start(kind)
        uncached = self.start(kind, PAGE_CACHE_SECONDS="0")
        self.warm_up(uncached, self.reading_paths())
        self.warm_up(uncached, [t["article"]], times=4)
        self.warm_up(cached, self.reading_paths(), times=2)
        writers = self.start(kind)
        self.warm_up(writers, [t["article"]])
        floor = self.start(kind, "floor", BENCH_FLOOR_FILE=str(self.page))
        nginx = harness.start_nginx(self.page.read_bytes())
        self.servers.append(nginx)
        self.rows = [
            self.measure("ceiling: nginx, saved article", nginx, "/"),
            self.measure("floor: bare Django view, same bytes", floor, "/"),
            self.measure("article, page cache", cached, t["article"]),
            self.measure("article, no page cache", uncached, t["article"]),
            self.measure("All news page 1, no page cache", uncached, t["news"]),
            self.measure(f"All news page {deep}, no page cache", uncached, t["deep_news"]),
            self.measure("section page 1, no page cache", uncached, t["section"]),
            self.measure(
                f"search «{SEARCH_TERM}» by many readers, no page cache", uncached, t["search"],
                script="many_readers.lua",
            ),
            self.measure("RSS feed, no page cache", uncached, t["feed"]),
            self.measure("RSS feed, page cache", cached, t["feed"]),
            self.posting_while_reading(cached),
            self.posting_while_reading(cached, writers_server=writers),
            self.measure(
                "readership view beacons (new reader each)", cached, "/",
                script="readership_beacon.lua",
                env={"BENCH_ARTICLES": ",".join(map(str, t["beacon_articles"]))},
            ),
        ]  # fmt: skip
        self.main = {"cached": self.rows[2], "floor": self.rows[1], "ceiling": self.rows[0]}
        self.stop_all()

    # Reporting ------------------------------------------------------------------------

    def report(self, started):
        lines = header(self.args, started) + self.main_table() + self.targets_table()
        lines += self.comparison_table()
        RESULTS.write_text("\n".join(lines) + "\n")
        print("\n".join(lines))

    def main_table(self):
        ceiling = self.main["ceiling"].median("rps")
        floor = self.main["floor"].median("rps")
        lines = [
            "## Scenarios",
            "",
            f"App server: {self.kind} (`{' '.join(harness.SERVERS[self.kind][2])}`); "
            f"16 connections (wrk -t2 -c16), {self.args.seconds} s a run, median of "
            f"{self.args.runs}. Ratios are req/s against the ceiling and the floor of this run.",
            "",
            "| scenario | req/s | p50 ms | p99 ms | CPU ms/req | non-2xx / socket errors "
            "| of ceiling | of floor | peak RSS/worker MB | queries |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        paths = self.query_paths()
        for row in self.rows:
            rps = row.median("rps")
            lines.append(
                f"| {row.name} | {rps:.0f} | {row.median('p50'):.1f} | {row.median('p99'):.1f} "
                f"| {cpu_figure(row.median('cpu_ms'))} "
                f"| {row.median('non_2xx'):.0f} / {row.median('socket_errors'):.0f} "
                f"| {ratio(rps, ceiling, '.1%')} "
                f"| {ratio(rps, floor)} "
                f"| {row.rss_mb:.0f} | {paths.get(row.name, '')} |"
            )
        return lines + [""]

    def query_paths(self):
        t, q = self.targets, self.queries
        return {
            "article, no page cache": q.get(t["article"]),
            "All news page 1, no page cache": q.get(t["news"]),
            f"All news page {t['deep_page']}, no page cache": q.get(t["deep_news"]),
            "section page 1, no page cache": q.get(t["section"]),
            f"search «{SEARCH_TERM}» by many readers, no page cache": q.get(t["search"]),
            "RSS feed, no page cache": q.get(t["feed"]),
        }

    def targets_table(self):
        by_name = {row.name: row for row in self.rows}
        t = self.targets
        cached = self.main["cached"].median("rps") / (self.main["floor"].median("rps") or 1)
        uncached = by_name["article, no page cache"]
        first = by_name["All news page 1, no page cache"].median("rps")
        deep = by_name[f"All news page {t['deep_page']}, no page cache"].median("rps")
        post, own_server = (row for row in self.rows if row.name.startswith("comment POST"))
        peak = max(row.rss_mb for row in self.rows if not row.name.startswith("ceiling"))
        queries = self.queries.get(t["article"], 0)
        checks = [
            ("cached article ≥ 90% of the floor", f"{cached:.0%}",
             cached >= TARGETS["cached_share_of_floor"]),
            ("uncached article ≥ 300 req/s", f"{uncached.median('rps'):.0f} req/s",
             uncached.median("rps") >= TARGETS["uncached_rps"]),
            ("uncached article ≤ 10 queries", f"{queries} queries",
             queries <= TARGETS["uncached_queries"]),
            (f"All news page {t['deep_page']} within 20% of page 1",
             f"{deep / first - 1:+.0%} req/s" if first else "no answer in time",
             first > 0 and deep >= first * (1 - TARGETS["deep_page_slowdown"])),
            ("comment POST p99 < 50 ms while 16 read", f"{post.median('p99'):.1f} ms",
             post.median("p99") < TARGETS["post_p99_ms"]),
            ("the same, posts to their own app server", f"{own_server.median('p99'):.1f} ms",
             own_server.median("p99") < TARGETS["post_p99_ms"]),
            ("peak RSS per worker < 150 MB", f"{peak:.0f} MB", peak < TARGETS["worker_rss_mb"]),
        ]  # fmt: skip
        lines = ["## Targets", "", "| target | measured | met |", "|---|---:|:---:|"]
        for name, value, ok in checks:
            lines.append(f"| {name} | {value} | {'yes' if ok else '**no**'} |")
        return lines + [""]

    def comparison_table(self):
        if not self.comparison:
            return []
        seconds = self.args.compare_seconds
        lines = [
            "## App servers on this machine",
            "",
            f"Cached article and the floor on each server, measured before the scenarios; "
            f"{seconds} s a run, median of {self.args.runs}. The scenarios above ran on the "
            "fastest (unless BENCH_SERVER names one).",
            "",
            "| server | options | article req/s | article p99 ms | floor req/s "
            "| article of floor | peak RSS/worker MB |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        for kind, cached, floor in self.comparison:
            rps = cached.median("rps")
            lines.append(
                f"| {kind} | `{' '.join(harness.SERVERS[kind][2])}` | {rps:.0f} "
                f"| {cached.median('p99'):.1f} | {floor.median('rps'):.0f} "
                f"| {ratio(rps, floor.median('rps'))} | {max(cached.rss_mb, floor.rss_mb):.0f} |"
            )
        best = max(self.comparison, key=lambda item: item[1].median("rps"))
        lines += ["", f"Fastest on the cached article in this run: **{best[0]}**."]
        return lines + [""]


def cpu_figure(ms):
    """Rows that share their servers with other load (the posting rows) have no figure."""
    return f"{ms:.2f}" if ms else "–"


def ratio(value, base, spec=".0%"):
    return format(value / base, spec) if base else "n/a"


def header(args, started):
    memory = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    load = os.getloadavg()
    return [
        "# Benchmark results",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu}), {int(memory) / 1024**2:.1f} GiB memory, "
        f"{platform.system()} {platform.release()}; load average {load[0]:.1f} at the end.",
        f"Run: {started:%Y-%m-%d %H:%M} UTC, {(datetime.now(UTC) - started).seconds // 60} min. "
        "Command: `make bench`. Corpus: "
        f"{args.articles:,} articles (one in ten also in Russian and English), "
        f"{args.comments:,} comments; PostgreSQL and Redis on loopback.",
        "",
        'Rows marked "page cache" hit a server with the full-page cache on (Redis); "no page',
        'cache" rows hit a second server with PAGE_CACHE_SECONDS=0, so every request renders.',
        "The comment POST row is the writers' figures (each post a new forwarded address, so no",
        "rate limit applies; each post also purges the article from the cache) while 16 other",
        "connections read the article. The search row too sends each request from a new",
        "forwarded address: a crowd asking the same words gets the results cached for a minute",
        "per normalised query. Queries are counted with Django's test client on an",
        "uncached request. Peak RSS is the largest worker's, sampled from /proc every 0.25 s.",
        "CPU ms/req is the user + system time of the serving processes (master and workers,",
        "read from /proc) over the run and its drain, divided by the requests wrk counted",
        "plus the one each connection had in flight when wrk stopped (harness.cpu_per_request).",
        "Other work on this shared machine shows in the load average; compare ratios, not",
        "absolute figures, across runs.",
        "",
    ]


QUERIES_CODE = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for path in PATHS:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    counts[path] = len(queries)
print(json.dumps(counts))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=corpus.ARTICLES)
    parser.add_argument("--comments", type=int, default=corpus.COMMENTS)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 10)))
    parser.add_argument("--compare-seconds", type=int, default=4)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    parser.add_argument("--no-compare", action="store_true", help="skip the app servers table")
    args = parser.parse_args()
    started = datetime.now(UTC)
    bench = Bench(args)
    try:
        bench.prepare()
        bench.check_and_save()
        if not args.no_compare:
            bench.compare_servers()
        bench.scenarios(bench.choose_server())
    finally:
        bench.stop_all()
    bench.report(started)
    print(f"bench.run took {time.monotonic() - START:.0f} s")


START = time.monotonic()

if __name__ == "__main__":
    main()
