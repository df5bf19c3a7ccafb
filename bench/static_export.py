"""Static copies of a real archive: export time and size on the 100,000-article corpus.

A copy of the corpus (bench.corpus) is exported with `manage.py export_static` into a fresh
folder, limited by `--since` to the newest articles (about a tenth of the archive: a whole
export of every article takes longer than a bench run may). The lists, sections, feeds and
sitemaps cover the whole archive in every run. Then one article is published again and the
same folder is brought up to date after it on the whole corpus, as the worker job does
between publications. Rows go into bench/results.md (this section replaced, the rest kept).

A whole export is extrapolated, and said to be: the pages every run renders (timed by the
incremental run) plus the slice's time per article page times the archive's article pages.

    .venv/bin/python -m bench.static_export                  # the full corpus
    .venv/bin/python -m bench.static_export --since 2026-12-01 --articles 2000 --comments 20000
"""

import argparse
import json
import os
import resource
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import corpus, harness

RESULTS = harness.ROOT / "bench" / "results.md"
TITLE = "## Static copies: export time and size (`python -m bench.static_export`)"
DATABASE = f"{harness.DATABASE}_static_export"
OUT = harness.WORK / "static-copy"
KEY = harness.WORK / "static-copy.key"
JOBS = os.cpu_count() or 1  # as a newsroom would run a whole export by hand: every core

COUNT_CODE = """
import json
from newsroom.models import ArticlePage
articles = ArticlePage.objects.live()
print(json.dumps([articles.count(), articles.filter(last_published_at__gte="SINCE").count()]))
"""

# One publication: the newest Belarusian article gets a new revision, published now.
PUBLISH_CODE = """
from newsroom.models import ArticlePage
article = ArticlePage.objects.live().filter(locale__language_code="be").order_by("-sort_date")[0]
article.title = article.title + " (updated)"
article.save_revision().publish()
print(article.url)
"""


def env():
    return harness.app_env(
        DATABASE_URL=harness.database_url(DATABASE),
        SAMIZDAT_SIGNING_KEY_FILE=str(KEY),
        PAGE_CACHE_SECONDS="0",
    )


def folder_size(path):
    files = [entry for entry in Path(path).rglob("*") if entry.is_file()]
    return len(files), sum(entry.stat().st_size for entry in files)


def children_cpu():
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed_export(*args):
    args = (*args, "--jobs", str(JOBS))
    began, cpu = time.monotonic(), children_cpu()
    done = harness.manage(env(), "export_static", str(OUT), *args, capture_output=True, text=True)
    seconds, cpu = time.monotonic() - began, children_cpu() - cpu
    summary = done.stdout.strip().splitlines()[-1]
    print(f"export_static {' '.join(args)}: {summary}; {cpu:.0f} s CPU", flush=True)
    return seconds, f"{summary}; CPU of the export process {cpu:.0f} s"


def prepare(template, as_is):
    harness.recreate_database(DATABASE, template)
    if as_is:  # a template older than the migrations: bring the copy up to date
        harness.manage(env(), "migrate", "--noinput", "-v0")
    harness.manage(env(), "collectstatic", "--noinput", "-v0")
    KEY.unlink(missing_ok=True)
    harness.manage(env(), "signing_key", "new", str(KEY), capture_output=True)
    shutil.rmtree(OUT, ignore_errors=True)


def measure(args):
    since = args.since or "2000-01-01"
    counts = json.loads(harness.django_shell(env(), COUNT_CODE.replace("SINCE", since)))
    total, in_slice = counts
    slice_seconds, slice_summary = timed_export(*(("--since", args.since) if args.since else ()))
    slice_files, slice_bytes = folder_size(OUT)
    url = harness.django_shell(env(), PUBLISH_CODE)
    print(f"published again: {url}", flush=True)
    # After a whole export the folder knows when it began: the next run renders what changed.
    incremental_seconds, incremental_summary = timed_export(
        *(("--since", "30m") if args.since else ())
    )
    files, size = folder_size(OUT)
    # Each article has its page and its lite page; the rest is what every run renders.
    per_article = max(slice_seconds - incremental_seconds, 0) / max(in_slice, 1)
    whole = incremental_seconds + per_article * total
    bytes_per_article = slice_bytes / max(in_slice, 1)
    return {
        "total": total,
        "slice": in_slice,
        "since": args.since,
        "slice_seconds": slice_seconds,
        "slice_summary": slice_summary,
        "slice_size": (slice_files, slice_bytes),
        "incremental_seconds": incremental_seconds,
        "incremental_summary": incremental_summary,
        "size_after": (files, size),
        "whole_seconds": whole,
        "whole_bytes": bytes_per_article * total,
    }


def whole_section(r, note):
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join([
        TITLE,
        "",
        f"Run {stamp} on {r['total']:,} live articles (all languages){note}. Commands as run "
        "by the bench (`python -m bench.static_export --whole`): "
        f"`manage.py export_static OUT --jobs {JOBS}` into an empty folder, then one article "
        f"published again and `manage.py export_static OUT --jobs {JOBS}` on the same folder, "
        "which renders what changed since the first began. Each run "
        "signs its manifest.",
        "",
        "| run | time | files | size |",
        "|---|---:|---:|---:|",
        f"| whole archive into an empty folder | {r['slice_seconds'] / 60:.1f} min | "
        f"{r['slice_size'][0]:,} | {r['slice_size'][1] / 1e9:.2f} GB |",
        f"| incremental after one publish | {r['incremental_seconds']:.0f} s | "
        f"{r['size_after'][0]:,} | {r['size_after'][1] / 1e9:.2f} GB |",
        "",
        f"Whole: {r['slice_summary']}. Incremental: {r['incremental_summary']}.",
        "",
        "Photos are shared by many corpus articles, so a real archive's copy is larger by its "
        "own photos.",
        "",
    ])  # fmt: skip


def section(r, note):
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    mb = 1e6
    return "\n".join([
        TITLE,
        "",
        f"Run {stamp} on {r['total']:,} live articles (all languages){note}. Commands as run "
        f"by the bench: `manage.py export_static OUT --since {r['since']}` into an empty "
        "folder, then one article published again and `manage.py export_static OUT --since "
        "30m` on the same folder. Each run signs its manifest.",
        "",
        "| run | articles rendered | time | files | size |",
        "|---|---:|---:|---:|---:|",
        f"| slice: articles since {r['since']} | {r['slice']:,} | {r['slice_seconds']:.0f} s | "
        f"{r['slice_size'][0]:,} | {r['slice_size'][1] / mb:.0f} MB |",
        f"| incremental after one publish (whole corpus) | 1 and its translations | "
        f"{r['incremental_seconds']:.0f} s | {r['size_after'][0]:,} | "
        f"{r['size_after'][1] / mb:.0f} MB |",
        f"| whole archive, **extrapolated** | {r['total']:,} | "
        f"~{r['whole_seconds'] / 60:.0f} min | | ~{r['whole_bytes'] / 1e9:.1f} GB |",
        "",
        f"Slice: {r['slice_summary']}. Incremental: {r['incremental_summary']}.",
        "",
        "The whole-archive row is not measured: it is the incremental run's time (the lists, "
        "sections, feeds and sitemaps every run renders) plus the slice's time per article "
        "beyond it times the archive's articles, and the slice's bytes per article times the "
        "archive's articles. Photos are shared by many corpus articles, so a real archive's "
        "copy is larger by its own photos.",
        "",
    ])  # fmt: skip


def write_results(text):
    old = RESULTS.read_text() if RESULTS.exists() else ""
    start = old.find(TITLE)
    if start == -1:
        RESULTS.write_text(old.rstrip() + "\n\n" + text)
        return
    end = old.find("\n## ", start + len(TITLE))
    rest = old[end + 1 :] if end != -1 else ""
    RESULTS.write_text(old[:start] + text + ("\n" + rest if rest else ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--since", default="2026-10-27", help="the slice's first day")
    parser.add_argument("--whole", action="store_true", help="export every article, no slice")
    parser.add_argument("--articles", type=int, default=corpus.ARTICLES)
    parser.add_argument("--comments", type=int, default=corpus.COMMENTS)
    parser.add_argument(
        "--corpus-as-is",
        action="store_true",
        help="use the kept corpus even when it predates the migrations (migrated in the copy)",
    )
    args = parser.parse_args()
    if args.whole:
        args.since = None
    if args.corpus_as_is:
        template = corpus.corpus_database(args.articles, args.comments)
    else:
        template = corpus.ensure_corpus(args.articles, args.comments)
    harness.flush_redis()
    prepare(template, args.corpus_as_is)
    try:
        results = measure(args)
    finally:
        harness.drop_database(DATABASE)
    note = " (a corpus built before the newest migrations, migrated)" if args.corpus_as_is else ""
    text = (whole_section if args.whole else section)(results, note)
    print(text)
    write_results(text)


if __name__ == "__main__":
    main()
