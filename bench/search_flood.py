"""Search flood: do cached articles stay fast while search is flooded? Writes flood_results.md.

Standalone (`python -m bench.search_flood`): its own PostgreSQL database samizdat_flood with
the demo newsroom, Redis database 6, granian WSGI with 2 workers on loopback (bench.harness).
For each configuration (blocking threads per worker, SHIELD_REFUSAL_DELAY) it measures cached
article throughput with wrk alone, then again while 64 wrk connections search for random
words: once from one client (the per-client limit answers), once from thousands of forwarded
addresses (the cache, single flight, the site-wide bound and the statement deadline answer).
"""

import os
import subprocess  # noqa: S404
import time
from datetime import UTC, datetime

from bench import harness

SECONDS = int(os.environ.get("FLOOD_SECONDS", "5"))
ARTICLE_CONNECTIONS = 8
FLOOD_CONNECTIONS = 64
DATABASE = os.environ.get("FLOOD_DATABASE", "samizdat_flood")
REDIS_URL = os.environ.get("FLOOD_REDIS_URL", "redis://127.0.0.1:6379/6")
# One search at a time on this one server of two workers: the rest stays for readers.
SEARCH_CONCURRENCY = os.environ.get("SEARCH_CONCURRENCY", "1")
# (blocking threads per worker, seconds a refusal is held): docs/production.md's command
# first, then refusals held. Threads must outnumber the flood's connections: with 2 × 32 every
# thread sat on a held refusal and readers kept 43%; the longer delay halves refusals again.
CONFIGURATIONS = [(4, 0.0), (64, 1.0), (64, 2.0)]
FLOODS = {"one": "flood from one client", "many": "flood from many addresses"}
RESULTS = harness.ROOT / "bench" / "flood_results.md"


def env(delay=0.0):
    return harness.app_env(
        DATABASE_URL=harness.database_url(DATABASE),
        REDIS_URL=REDIS_URL,
        SEARCH_CONCURRENCY=SEARCH_CONCURRENCY,
        SHIELD_REFUSAL_DELAY=str(delay),
    )


def prepare():
    """A fresh database with the demo newsroom and an empty cache; returns an article path."""
    harness.recreate_database(DATABASE)
    for command in (("migrate", "--noinput", "-v0"), ("collectstatic", "--noinput", "-v0")):
        harness.manage(env(), *command)
    harness.manage(env(), "load_demo", stdout=subprocess.DEVNULL)
    return harness.django_shell(
        env(),
        "from newsroom.models import ArticlePage;"
        "print(ArticlePage.objects.published().filter(locale__language_code='be')"
        ".order_by('-first_published_at').first().url)",
    )


def articles(server, article):
    return harness.wrk(server, article, SECONDS, ARTICLE_CONNECTIONS)


def under_flood(server, article, addresses):
    """Articles measured while the flood runs; the flood starts first and ends last."""
    harness.flush_redis(REDIS_URL)  # no search cached, no client counted
    harness.fetch(server.base + article)  # the page cache holds the article again
    flood = harness.start_wrk(
        server.base + "/be/search/",
        SECONDS + 2,
        FLOOD_CONNECTIONS,
        script="search_flood.lua",
        env={"FLOOD_ADDRESSES": addresses},
    )
    time.sleep(1)  # let the flood reach full strength before measuring
    popen = harness.start_wrk(server.base + article, SECONDS, ARTICLE_CONNECTIONS)
    reading = harness.finish_wrk(popen, SECONDS)
    flooded = harness.finish_wrk(flood, SECONDS + 2)
    started = time.monotonic()
    status, _ = harness.fetch(server.base + article, timeout=60)
    wait = time.monotonic() - started if status == 200 else None
    harness.drain(server)
    return reading, flooded, wait


def configuration(article, threads, delay):
    """Unflooded baseline and both floods on one freshly started server."""
    server = harness.start_server(
        "granian wsgi", env=env(delay), extra=["--blocking-threads", str(threads)]
    )
    try:
        for _ in range(20):
            harness.fetch(server.base + article)  # every worker has rendered it once
        alone = articles(server, article)
        print(f"{threads} threads, delay {delay}: alone {alone.rps:.0f}/s", flush=True)
        floods = {}
        for addresses in FLOODS:
            floods[addresses] = under_flood(server, article, addresses)
            print(f"  {FLOODS[addresses]}: {floods[addresses][0].rps:.0f}/s", flush=True)
        status, _ = harness.fetch(server.base + article, timeout=60)
    finally:
        server.stop()
    return {"threads": threads, "delay": delay, "alone": alone, "floods": floods,
            "up": status == 200}  # fmt: skip


def main():
    started = datetime.now(UTC)
    article = prepare()
    runs = [configuration(article, threads, delay) for threads, delay in CONFIGURATIONS]
    harness.drop_database(DATABASE)
    write_results(started, runs)


def statuses(run):
    return ", ".join(f"{code}: {count}" for code, count in sorted(run.statuses.items()))


def after(wait):
    return "no 200 within 60 s" if wait is None else f"{wait:.1f} s"


def table(runs):
    first = runs[0]["alone"].rps
    lines = [
        "| blocking threads × 2 workers, refusal delay | scenario | cached articles req/s | "
        "share of unflooded (same configuration) | flood req/s | search responses by status | "
        "article answered after the flood in |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        name = f"{run['threads']}, {run['delay']:g} s"
        alone = run["alone"].rps
        lines.append(
            f"| {name} | no flood | {alone:.0f} ({alone / first:.0%} of the first) | 100% | "
            "– | – | – |"
        )
        for addresses, (reading, flood, wait) in run["floods"].items():
            lines.append(
                f"| {name} | {FLOODS[addresses]} | {reading.rps:.0f} | "
                f"{reading.rps / alone:.0%} | {flood.rps:.0f} | {statuses(flood)} | "
                f"{after(wait)} |"
            )
    return lines


def write_results(started, runs):
    non_2xx = sum(r.non_2xx for run in runs for r, _, _ in run["floods"].values())
    lines = [
        "# Search flood",
        "",
        f"Run {started:%Y-%m-%d %H:%M} UTC by `python -m bench.search_flood`: granian WSGI "
        f"(2 workers, SEARCH_CONCURRENCY={SEARCH_CONCURRENCY}) on loopback, PostgreSQL, Redis, "
        f"the demo newsroom; {os.cpu_count()} CPU cores shared with wrk and the database. "
        f"Articles: wrk, {ARTICLE_CONNECTIONS} connections, {SECONDS} s, one cached article "
        f"page. Flood: wrk, {FLOOD_CONNECTIONS} connections searching random made-up words, "
        "from 1 s before to 1 s after the article measurement. Each configuration is a fresh "
        "server with its own unflooded baseline; compare shares, not runs on other days.",
        "",
        *table(runs),
        "",
        "Target: cached articles keep at least 80% of their unflooded throughput.",
        f"Articles answered non-2xx under flood, all runs: {non_2xx}. Site up after every "
        f"configuration: {'yes' if all(run['up'] for run in runs) else 'NO'}.",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
