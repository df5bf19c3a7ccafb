"""One day's offline edition on the 100,000-article corpus: its size in each language.

A copy of the corpus (bench.corpus) gets a signing key, and `manage.py build_editions --day D`
writes the day's signed single-file HTML and EPUB in every language, as the worker does each
night. The day is the corpus's last whole day unless `--day` says otherwise. The corpus
publishes about 205 articles a day in Belarusian and about 20 in Russian and English: its
Belarusian day is many times a typical newsroom's day, its Russian and English days a busy
one. The limit is 2 MB for a typical day (issue: copies anywhere); the rows say how many
articles and photos each edition holds, so a reader of the figures can judge the day.

Photos are the corpus's own: a few hundred drawn photos shared by the articles, each embedded
once per edition. Rows go into bench/results.md (this section replaced, the rest kept).

    .venv/bin/python -m bench.editions
    .venv/bin/python -m bench.editions --day 2026-11-20
"""

import argparse
import base64
import io
import json
import shutil
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from lxml import html as lxml_html
from PIL import Image

from bench import corpus, harness

RESULTS = harness.ROOT / "bench" / "results.md"
TITLE = "## Offline editions: one day's size (`python -m bench.editions`)"
DATABASE = f"{harness.DATABASE}_editions"
MEDIA = harness.WORK / "editions-media"
KEY = harness.WORK / "editions.key"
LIMIT = 2_000_000

# The articles of the day in each language, as the edition chooses them.
COUNT_CODE = """
import json
from datetime import date
from wagtail.models import Locale
from copies import editions
day = date.fromisoformat("DAY")
languages = Locale.objects.values_list("language_code", flat=True)
print(json.dumps({lang: len(editions.day_articles(lang, day)) for lang in languages}))
"""


def photos_in(path):
    """(distinct photos embedded, photos left out, width of the widest) of a single-file
    edition: a day too big for 2 MB gets smaller photos, then fewer (copies.editions)."""
    document = lxml_html.document_fromstring(path.read_bytes())
    sources = {image.get("src") for image in document.iter("img")}
    widths = [
        Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))).width for src in sources
    ]
    left_out = len(document.xpath("//span[@class='photo-left-out']"))
    return len(sources), left_out, max(widths, default=0)


def env():
    return harness.app_env(
        DATABASE_URL=harness.database_url(DATABASE),
        SAMIZDAT_SIGNING_KEY_FILE=str(KEY),
        MEDIA_ROOT=str(MEDIA),
    )


def prepare(template):
    """A copy of the corpus and a media folder of its own holding the corpus's originals:
    renditions drawn here stay out of the corpus."""
    harness.recreate_database(DATABASE, template)
    shutil.rmtree(MEDIA, ignore_errors=True)
    MEDIA.mkdir(parents=True)
    (MEDIA / "original_images").symlink_to(harness.MEDIA_ROOT / "original_images")
    KEY.unlink(missing_ok=True)
    harness.manage(env(), "signing_key", "new", str(KEY), capture_output=True)


def build(day):
    began = time.monotonic()
    done = harness.manage(
        env(), "build_editions", "--day", day.isoformat(), capture_output=True, text=True
    )
    seconds = time.monotonic() - began
    sizes = {}
    for line in done.stdout.splitlines():  # "<path> <n> kB"
        path = Path(line.rsplit(" ", 2)[0])
        sizes.setdefault(path.parent.name, {})[path.suffix[1:]] = path.stat().st_size
        if path.suffix == ".html":
            sizes[path.parent.name]["photos"] = photos_in(path)
    return seconds, sizes


def section(day, counts, sizes, seconds):
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        TITLE,
        "",
        f"Run {stamp}: `manage.py build_editions --day {day}` on a copy of the corpus, every "
        f"language in {seconds:.0f} s (photos drawn at the editions' sizes on the way). "
        "Limit: 2 MB for a typical day.",
        "",
        "| language | articles | photos embedded | photos left out | photo width | "
        "single-file HTML | EPUB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for language in sorted(sizes):
        articles, (photos, left_out, width) = counts[language], sizes[language]["photos"]
        html, book = sizes[language]["html"], sizes[language]["epub"]
        lines.append(
            f"| {language} | {articles} | {photos} | {left_out} | {width} px | "
            f"{html / 1e6:.2f} MB | {book / 1e6:.2f} MB |"
        )
    over = [lang for lang in sizes if max(sizes[lang]["html"], sizes[lang]["epub"]) >= LIMIT]
    lines += [
        "",
        f"Over 2 MB: {', '.join(over) if over else 'none'}. Photos are the corpus's drawn "
        "photos, shared by many articles and embedded once per edition; a day with a photo "
        "of its own for each article is larger (copies/tests/test_edition_size.py builds such "
        "a day of eight articles from camera-sized photos).",
        "",
    ]
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--day", type=date.fromisoformat, help="YYYY-MM-DD")
    parser.add_argument("--articles", type=int, default=corpus.ARTICLES)
    parser.add_argument("--comments", type=int, default=corpus.COMMENTS)
    args = parser.parse_args()
    day = args.day or datetime.now(UTC).date() - timedelta(days=1)
    template = corpus.ensure_corpus(args.articles, args.comments)
    prepare(template)
    try:
        counts = json.loads(harness.django_shell(env(), COUNT_CODE.replace("DAY", str(day))))
        seconds, sizes = build(day)
    finally:
        harness.drop_database(DATABASE)
    lines = section(day, counts, sizes, seconds)
    print("\n".join(lines))
    harness.write_section(RESULTS, TITLE, lines)


if __name__ == "__main__":
    main()
