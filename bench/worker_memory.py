"""Peak memory of an app-server worker on SQLite and on PostgreSQL with Redis, side by side.

`bench.render_cpu` reads the workers' peak RSS on the 100,000-article corpus, which exists
on PostgreSQL only (bench.corpus writes it with COPY). This bench puts the two backends
side by side on the demo newsroom (`manage.py load_demo`): each gets a fresh database with
it, and the work its publications queued is done as `manage.py worker` does it. Then the
same app server as the other benches (granian, 2 WSGI workers, production settings, the
page cache off so every request renders) is asked for every page a reader can reach: once
by one reader (the first pass, on a server of its own), then over and over for a few
rounds on a new server. The workers' RSS is read from /proc every 0.25 s throughout
(harness.MemorySampler). SQLite runs as a site without Redis does: the shared cache in
files (CACHE_DIR).

    .venv/bin/python -m bench.worker_memory            # both backends, 3 rounds of 10 s
    .venv/bin/python -m bench.worker_memory --rounds 1 --seconds 5
"""

import argparse
import json
import shutil
import statistics
import subprocess  # noqa: S404
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import harness

RESULTS = harness.ROOT / "bench" / "results.md"
TITLE = "## Worker memory on SQLite and on PostgreSQL (`python -m bench.worker_memory`)"
SERVER = "granian wsgi"
POSTGRES_DATABASE = f"{harness.DATABASE}_memory"
SQLITE_FILE = harness.WORK / "memory.sqlite3"
TARGET_MB = 120
# One wrk process stands for many readers here; the per-client bounds are not measured.
UNBOUNDED = {"PAGE_CACHE_SECONDS": "0", "PAGE_RENDER_RATE": "1000000/m", "SEARCH_RATE": "1000000/m"}

# Every kind of page a reader reaches, in every language: what a worker holds grows with
# the templates, lookups and kept parts it has met.
PATHS_CODE = """
import json
from newsroom.models import ArticlePage, Author, SectionPage
paths = []
for language in ("be", "ru", "en"):
    paths += [f"/{language}/", f"/{language}/news/", f"/{language}/news/?page=2",
              f"/{language}/feed/", f"/{language}/feed/atom/", f"/{language}/lite/",
              f"/{language}/search/?q=%D1%81%D1%83%D0%B4", f"/{language}/search/?q=news",
              f"/{language}/blocked/", f"/{language}/what-we-count/"]
paths += [s.url for s in SectionPage.objects.live().specific()]
for article in ArticlePage.objects.live().select_related("locale").specific():
    paths += [article.url, f"/{article.locale.language_code}/lite/{article.slug}/"]
for author in Author.objects.select_related("locale").exclude(slug=""):
    paths.append(f"/{author.locale.language_code}/authors/{author.slug}/")
paths += ["/sitemap.xml", "/news-sitemap.xml", "/mirrors.json"]
print(json.dumps(paths))
"""


def backends():
    """(name, environment) of each backend, its database made anew with the demo in it."""
    harness.WORK.mkdir(parents=True, exist_ok=True)
    SQLITE_FILE.unlink(missing_ok=True)
    cache_dir = harness.WORK / "memory-cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    sqlite = harness.app_env(
        DATABASE_URL=f"sqlite:///{SQLITE_FILE}",
        REDIS_URL="",
        CACHE_DIR=str(cache_dir),
        **UNBOUNDED,
    )
    harness.recreate_database(POSTGRES_DATABASE)
    harness.flush_redis()
    postgres = harness.app_env(DATABASE_URL=harness.database_url(POSTGRES_DATABASE), **UNBOUNDED)
    made = []
    for name, env in (("SQLite, cache in files", sqlite), ("PostgreSQL + Redis", postgres)):
        started = time.monotonic()
        harness.manage(env, "migrate", "--noinput", "-v0")
        harness.manage(env, "load_demo", stdout=subprocess.DEVNULL)
        # What the publications queued (the photos' sizes among it), as the worker runs it.
        harness.manage(env, "worker", "--once", stdout=subprocess.DEVNULL)
        print(f"{name}: demo loaded in {time.monotonic() - started:.0f} s", flush=True)
        made.append((name, env))
    harness.manage(postgres, "collectstatic", "--noinput", "-v0")
    return made


def first_pass(env, paths):
    """Every page asked for once by one reader on a server of its own: the photos'
    renditions are made by the worker that first shows them (Wagtail makes a missing
    rendition where it is asked for). Returns the peak RSS per worker meanwhile."""
    server = harness.start_server(SERVER, env=env)
    try:
        with harness.MemorySampler(server):
            for path in paths:
                status, _ = harness.fetch(server.base + path)
                if status != 200:
                    raise SystemExit(f"{path}: {status}")
    finally:
        server.stop()
    return server.worker_peak_mb()


def measure(name, env, args):
    """RSS per worker: while the first pass makes the renditions, then on a new server at
    its start and at its peak over the rounds (every page again and again)."""
    paths = json.loads(harness.django_shell(env, PATHS_CODE))
    paths_file = harness.WORK / "memory-paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    first = first_pass(env, paths)
    server = harness.start_server(SERVER, env=env)
    try:
        server.sample_memory()
        at_start = server.worker_peak_mb()
        runs = [
            harness.wrk(
                server,
                "/",
                args.seconds,
                script="many_articles.lua",
                env={"BENCH_PATHS_FILE": str(paths_file)},
            )  # fmt: skip
            for _ in range(args.rounds)
        ]
    finally:
        server.stop()
    result = {
        "pages": len(paths),
        "requests": sum(run.requests for run in runs),
        "non_2xx": sum(run.non_2xx for run in runs),
        "rps": statistics.median(run.rps for run in runs),
        "first": first,
        "start": at_start,
        "peak": server.worker_peak_mb(),
    }
    print(f"{name}: {result}", flush=True)
    return result


def table(args, results, started):
    load = Path("/proc/loadavg").read_text().split()[0]
    lines = [
        TITLE,
        "",
        f"Run: {started:%Y-%m-%d %H:%M} UTC; load average {load} at the end. {SERVER} "
        "(`--workers 2 --blocking-threads 4`), production settings, PAGE_CACHE_SECONDS=0; "
        "the demo newsroom in a fresh database per backend, the work its publications queued "
        "done by `manage.py worker --once`. First pass: one reader asks for every reader page "
        "once, on a server of its own (what is made on first sight is made then). Then on a new "
        f"server wrk -t2 -c16 asks for every page in turn, {args.rounds} rounds of "
        f"{args.seconds} s. RSS of each worker read from /proc every 0.25 s; the figures are "
        "the largest worker's.",
        "",
        "| backend | reader pages | first pass: peak RSS MB | requests answered | non-2xx "
        "| req/s (median) | RSS at start MB | peak RSS MB | target | met |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    for name, result in results.items():
        met = "yes" if result["peak"] <= TARGET_MB else "**no**"
        lines.append(
            f"| {name} | {result['pages']} | {result['first']:.0f} | {result['requests']} "
            f"| {result['non_2xx']} "
            f"| {result['rps']:.0f} | {result['start']:.0f} | {result['peak']:.0f} "
            f"| ≤ {TARGET_MB} MB | {met} |"
        )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    started = datetime.now(UTC)
    results = {name: measure(name, env, args) for name, env in backends()}
    harness.write_section(RESULTS, TITLE, table(args, results, started))
    harness.drop_database(POSTGRES_DATABASE)


if __name__ == "__main__":
    main()
