"""Uncached renders: CPU time per request of the serving processes, before and after.

What a cache miss costs is what an attacker buys with every new URL. This benchmark serves
the corpus (bench.corpus) with the page cache off (PAGE_CACHE_SECONDS=0) through granian
(2 WSGI workers) on PostgreSQL and Redis, from two source trees side by side: the commit
BENCH_BEFORE (the code before the render work, exported with `git archive`) and the working
tree. Each page is loaded with wrk for a few seconds, and the user + system time of the
server's processes over the run (read from /proc) is divided by the requests answered.
The floor, a bare Django view returning the article's bytes through the same app server
(bench.floor), is measured in every round too: the machine is shared, so only figures of
the same round compare. Rounds alternate floor, before and after; each figure is the median
of the rounds. Rows go into bench/results.md (this section replaced, the rest kept).

Pages: the article with its fragments warm (the same article again, as after a comment
purged its cached copy); after a publication (a different article each request, each read
once before another article was published through Wagtail: the first renders of the
articles readers were reading); cold (a different article each request, never read since
Redis was emptied); the main page, All news, a section and the RSS feed.

    .venv/bin/python -m bench.render_cpu                       # the full run
    .venv/bin/python -m bench.render_cpu --seconds 3 --rounds 1 --articles 2000 --comments 20000
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess  # noqa: S404
import time
from datetime import UTC, datetime

from bench import corpus, harness

RESULTS = harness.ROOT / "bench" / "results.md"
TITLE = "## Uncached renders: CPU per request (`python -m bench.render_cpu`)"
DATABASE = f"{harness.DATABASE}_render_cpu"
SERVER = "granian wsgi"
# The main branch before the speed work on uncached renders (issue 21).
BEFORE = os.environ.get("BENCH_BEFORE", "23205af")
COLD_ARTICLES = 20000  # more than a run can ask for: no article twice in a run
AFTER_PUBLICATION = "article, after a publication"
TARGETS_MS = {"article": 4.0, AFTER_PUBLICATION: 4.0, "article, cold fragments": 4.0,
              "main page": 10.0, "All news": 10.0, "section": 10.0,
              "RSS feed": 10.0}  # fmt: skip
# The articles read before the publication, and the length of the run after it: short
# enough that no article is asked for twice (the run is checked for it).
READ_BEFORE = 3000
AFTER_PUBLICATION_SECONDS = 2

COLD_CODE = """
import json
from newsroom.models import ArticlePage
articles = ArticlePage.objects.published().filter(locale__language_code="be").newest_first()
print(json.dumps([a.url for a in articles.specific()[:COUNT]]))
"""
# Readers' views waiting in the readership buffer, as on a news day: every article read in
# the hour has a field in the hour's hashes. A render that read them all would pay for each.
BUFFERED_ARTICLES = 5000
BUFFER_CODE = """
from newsroom.models import ArticlePage
from readership import clock
from readership.buffers import current_buffer
ids = list(ArticlePage.objects.live().order_by("-pk").values_list("pk", flat=True)[:COUNT])
now = clock.now()
current_buffer().record_views([(pk, f"bench-reader-{n}", now) for n, pk in enumerate(ids)])
print(len(ids))
"""
READERSHIP_KEYS = b"samizdat:readership:"
# Another article published again, as an editor's correction of its text would be.
PUBLISH_CODE = """
from newsroom.models import ArticlePage
article = ArticlePage.objects.live().filter(locale__language_code="en").first()
article.save_revision().publish()
print(article.pk)
"""


def env(**overrides):
    return harness.app_env(
        DATABASE_URL=harness.database_url(DATABASE), PAGE_CACHE_SECONDS="0", **overrides
    )


def export_before(ref):
    """The tree at ref, built as `make bench` builds ours (catalogues, static files)."""
    commit = subprocess.run(  # noqa: S603
        ["git", "rev-parse", "--verify", f"{ref}^{{commit}}"],  # noqa: S607
        cwd=harness.ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    tree = harness.WORK / f"before-{commit[:12]}"
    if not (tree / ".built").exists():
        shutil.rmtree(tree, ignore_errors=True)
        tree.mkdir(parents=True)
        archive = subprocess.run(  # noqa: S603
            ["git", "archive", commit],  # noqa: S607
            cwd=harness.ROOT, capture_output=True, check=True,
        ).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)  # noqa: S603, S607
        subprocess.run(  # noqa: S603
            [harness.PYTHON, "-m", "samizdat.compile_messages"], cwd=tree, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        harness.manage(env(), "collectstatic", "--noinput", "-v0", cwd=tree)
        (tree / ".built").write_text(commit)
    return commit, tree


def pages(targets):
    t = targets
    return {
        "article": t["article"], "main page": "/be/", "All news": t["news"],
        "section": t["section"], "RSS feed": t["feed"],
    }  # fmt: skip


class Round:
    """One server per source tree, every page measured on it."""

    def __init__(self, args, targets, cold_file, read_file):
        self.args = args
        self.targets = targets
        self.cold_file = cold_file
        self.read_file = read_file

    def floor(self, page_file):
        server = harness.start_server(
            SERVER, "floor", harness.app_env(BENCH_FLOOR_FILE=str(page_file))
        )
        try:
            return {"floor": self.run(server, "/")}
        finally:
            server.stop()

    def site(self, tree):
        server = harness.start_server(SERVER, "site", env(), cwd=tree)
        results = {}
        try:
            for path in [*pages(self.targets).values(), self.targets["samples"][0]]:
                harness.fetch(server.base + path, timeout=120)  # templates loaded
            for name, path in pages(self.targets).items():
                self.new_generation()
                for _ in range(4):  # both workers, fragments and routes stored
                    harness.fetch(server.base + path, timeout=120)
                results[name] = self.run(server, path)
            results[AFTER_PUBLICATION] = self.after_publication(server)
            self.new_generation()
            results["article, cold fragments"] = self.run(
                server, "/", script="many_articles.lua",
                env={"BENCH_PATHS_FILE": str(self.cold_file)},
            )  # fmt: skip
        finally:
            server.stop()
        results["peak RSS"] = server.worker_peak_mb()
        return results

    def after_publication(self, server):
        """Every article of the list read once, another article published, then each read
        again: no article twice after the publication."""
        paths = {"BENCH_PATHS_FILE": str(self.read_file)}
        self.new_generation()
        read = 0
        while read < READ_BEFORE:
            read += harness.wrk(server, "/", 10, script="many_articles.lua", env=paths).requests
        harness.django_shell(env(), PUBLISH_CODE)
        time.sleep(1.2)  # both workers see the new generation
        run = self.run(
            server, "/", script="many_articles.lua", env=paths, seconds=AFTER_PUBLICATION_SECONDS
        )
        if run.requests > READ_BEFORE:
            raise SystemExit(f"{run.requests} requests after the publication: some twice")
        return run

    def run(self, server, path, script=None, env=None, seconds=None):
        run = harness.wrk(server, path, seconds or self.args.seconds, script=script, env=env)
        if run.non_2xx:
            raise SystemExit(f"{server.name} {path}: {run.non_2xx} non-2xx answers")
        print(f"  {server.name} {path[:60]}: {run.rps:.0f} req/s, {run.cpu_ms:.2f} ms CPU, "
              f"{run.requests} answered, {run.socket_errors} socket errors",
              flush=True)  # fmt: skip
        return run

    def new_generation(self):
        """Nothing kept from before: Redis emptied of all but the readership buffer, and the
        workers see the new generation once their remembered number is older than
        caching.GENERATION_SNAPSHOT.seconds."""
        empty_cache()
        time.sleep(1.2)


def empty_cache():
    """Every key but the readership buffer's (readers' views, not something kept) deleted."""
    import redis

    client = redis.Redis.from_url(harness.REDIS_URL)
    kept = [key for key in client.scan_iter(count=10_000) if not key.startswith(READERSHIP_KEYS)]
    for start in range(0, len(kept), 10_000):
        client.unlink(*kept[start : start + 10_000])


def measure(args):
    template = corpus.ensure_corpus(args.articles, args.comments)
    harness.recreate_database(DATABASE, template=template)
    harness.flush_redis()
    harness.django_shell(env(), BUFFER_CODE.replace("COUNT", str(BUFFERED_ARTICLES)))
    harness.manage(env(), "collectstatic", "--noinput", "-v0")
    targets = json.loads(harness.django_shell(env(), corpus.pages_code("print(json.dumps(pages))")))
    commit, tree = export_before(args.before)
    page_file = harness.WORK / "render-cpu-article.html"
    page_file.write_bytes(saved_article(targets["article"]))
    cold_file = harness.WORK / "render-cpu-articles.txt"
    urls = json.loads(harness.django_shell(env(), COLD_CODE.replace("COUNT", str(COLD_ARTICLES))))
    cold_file.write_text("\n".join(urls) + "\n")
    read_file = harness.WORK / "render-cpu-read-before.txt"
    code = COLD_CODE.replace("COUNT", str(READ_BEFORE)).replace('"be"', '"ru"')
    read_file.write_text("\n".join(json.loads(harness.django_shell(env(), code))) + "\n")
    rounds = []
    for number in range(args.rounds):
        print(f"round {number + 1} of {args.rounds}", flush=True)
        one = Round(args, targets, cold_file, read_file)
        rounds.append({"floor": one.floor(page_file)["floor"], "before": one.site(tree),
                       "after": one.site(harness.ROOT)})  # fmt: skip
    return commit, targets, rounds, len(urls)


def saved_article(path):
    """The article's bytes, for the floor to answer."""
    server = harness.start_server(SERVER, "site", env())
    try:
        status, body = harness.fetch(server.base + path, timeout=120)
    finally:
        server.stop()
    if status != 200:
        raise SystemExit(f"the article answered {status}")
    return body


def median(rounds, version, name, key):
    return statistics.median(getattr(r[version][name], key) for r in rounds)


def table(args, commit, rounds, cold_count, started):
    floor_cpu = statistics.median(r["floor"].cpu_ms for r in rounds)
    floor_rps = statistics.median(r["floor"].rps for r in rounds)
    after_commit = subprocess.run(  # noqa: S603
        ["git", "rev-parse", "--short=7", "HEAD"],  # noqa: S607
        cwd=harness.ROOT, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    load = os.getloadavg()[0]
    lines = [
        TITLE,
        "",
        f"Run: {started:%Y-%m-%d %H:%M} UTC, {(datetime.now(UTC) - started).seconds // 60} min;"
        f" load average {load:.1f} at the end. {SERVER} (`{' '.join(harness.SERVERS[SERVER][2])}`),"
        f" PAGE_CACHE_SECONDS=0, PostgreSQL and Redis; wrk -t2 -c16, {args.seconds} s a run,"
        f" median of {args.rounds} rounds. Before: {commit[:7]} (BENCH_BEFORE); after: the"
        f" working tree at {after_commit}. CPU is user + system time of the server's processes"
        " per request, those in flight when wrk stopped counted (harness.cpu_per_request);"
        ' "× floor" compares it with the bare Django view\'s of the same'
        " rounds. The cold article row asks for a different article each request (of"
        f" {cold_count:,}), none read since Redis was emptied. The row after a publication"
        f" reads {READ_BEFORE:,} Russian articles once each, publishes an English one again"
        f" through Wagtail, and then asks for those articles for {AFTER_PUBLICATION_SECONDS} s,"
        " each at most once. The readership buffer holds views of"
        f" {BUFFERED_ARTICLES:,} articles in the hour throughout, as on a news day.",
        "",
        "| page | before CPU ms/req | after CPU ms/req | after/before | before × floor "
        "| after × floor | before req/s | after req/s | after req/s of floor | target | met |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|",
        f"| floor: bare Django view, same bytes | {floor_cpu:.2f} | {floor_cpu:.2f} | 1.00 "
        f"| 1.0 | 1.0 | {floor_rps:.0f} | {floor_rps:.0f} | 100% | | |",
    ]
    for name, target in TARGETS_MS.items():
        before = median(rounds, "before", name, "cpu_ms")
        after = median(rounds, "after", name, "cpu_ms")
        after_rps = median(rounds, "after", name, "rps")
        lines.append(
            f"| {name} | {before:.2f} | {after:.2f} | {after / before:.2f} "
            f"| {before / floor_cpu:.1f} | {after / floor_cpu:.1f} "
            f"| {median(rounds, 'before', name, 'rps'):.0f} | {after_rps:.0f} "
            f"| {after_rps / floor_rps:.1%} | ≤ {target:g} ms | {met(after <= target)} |"
        )
    peaks = {v: max(r[v]["peak RSS"] for r in rounds) for v in ("before", "after")}
    lines += [
        "",
        f"Peak RSS per worker through these runs: before {peaks['before']:.0f} MB, after "
        f"{peaks['after']:.0f} MB (target ≤ 120 MB per worker, met: {met(peaks['after'] <= 120)}).",
        "",
    ]
    return lines


def met(ok):
    return "yes" if ok else "**no**"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=corpus.ARTICLES)
    parser.add_argument("--comments", type=int, default=corpus.COMMENTS)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5)))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    parser.add_argument("--before", default=BEFORE, help="git ref of the code to compare with")
    args = parser.parse_args()
    started = datetime.now(UTC)
    commit, _targets, rounds, cold_count = measure(args)
    lines = table(args, commit, rounds, cold_count, started)
    harness.write_section(RESULTS, TITLE, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
