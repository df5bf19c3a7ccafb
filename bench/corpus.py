"""A large newsroom for load tests: 100,000 articles and 1,000,000 comments in a few minutes.

The real site skeleton and the demo stories come first (`migrate`, `load_demo`), so every
page renders exactly as a real one. The demo articles then serve as templates: each corpus
article copies a template's lede, body, tags and search entry, and gets its own slug, date,
byline and photos. Rows go in with COPY and INSERT ... SELECT; Wagtail's tree columns (path,
depth, numchild, url_path) are computed here, as treebeard would.

The finished corpus is kept as a template database. A run clones it in seconds; it is built
again only when its fingerprint (migrations, package versions, this builder, the demo
content, the sizes) changes or the demo photos are gone from MEDIA_ROOT.

    .venv/bin/python -m bench.corpus --articles 2000 --comments 20000
"""

import argparse
import hashlib
import json
import os
import random
import subprocess  # noqa: S404
import time
import uuid
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path

import psycopg

from bench import harness
from comments import likeness
from newsroom.slugs import slug_for

CORPUS_DATABASE = "samizdat_bench_corpus"
# Smaller corpora for trying the harness out: BENCH_CORPUS_ARTICLES=2000 and so on.
ARTICLES = int(os.environ.get("BENCH_CORPUS_ARTICLES", "100000"))
COMMENTS = int(os.environ.get("BENCH_CORPUS_COMMENTS", "1000000"))
FULL_SIZE = (100_000, 1_000_000)
TRANSLATED_SHARE = 10  # one article in ten also appears in Russian and English
IMAGE_COPIES = 5  # the demo photos and four more rows per file: a few hundred images
AUTHORS = 60
MINUTES_APART = 7  # 100,000 articles reach back about sixteen months
PACKAGES = ("django", "wagtail", "django-taggit", "django-modelcluster", "modelsearch")
TREE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail's Page uses
STEP = 4

FIRST_NAMES = {
    "be": ["Алесь", "Ганна", "Міхась", "Ірына", "Янка", "Вольга", "Сцяпан", "Марыя", "Юрась",
           "Святлана"],
    "ru": ["Алесь", "Анна", "Михаил", "Ирина", "Янка", "Ольга", "Степан", "Мария", "Юрий",
           "Светлана"],
    "en": ["Ales", "Hanna", "Mikhas", "Iryna", "Yanka", "Volha", "Stsiapan", "Maryia", "Yuras",
           "Sviatlana"],
}  # fmt: skip
LAST_NAMES = {
    "be": ["Лукша", "Касцюк", "Бародка", "Шамко", "Вінаградава", "Жук"],
    "ru": ["Лукша", "Костюк", "Бородко", "Шамко", "Виноградова", "Жук"],
    "en": ["Luksha", "Kastsiuk", "Barodka", "Shamko", "Vinahradava", "Zhuk"],
}
COMMENT_TEXTS = {
    "be": ["Дзякуй за матэрыял.", "Нарэшце хтосьці пра гэта напісаў.", "А што кажуць мясцовыя?",
           "Трымайцеся, сябры.", "Гэта ж было і ў нас у раёне."],
    "ru": ["Спасибо за материал.", "Наконец кто-то об этом написал.", "А что говорят местные?",
           "Держитесь, друзья."],
    "en": ["Thank you for this.", "Finally someone wrote about it.", "What do locals say?"],
}  # fmt: skip
SEARCH_TERM = "суд"
DEEP_PAGE = 1000
COMMENT_NAMES = ["Чытач", "Аляксей", "Наталля", "Гродна", "Іван", "Вольга", "Госць", "Pavel"]


PAGES_CODE = """
import json
from datetime import timedelta
from urllib.parse import quote
from django.utils import timezone
from newsroom.models import ArticlePage, NewsIndexPage, SectionPage
from comments.pipeline import form_token
from django.conf import settings
be = ArticlePage.objects.published().filter(locale__language_code="be").newest_first()
article = be.first()
news = NewsIndexPage.objects.get(locale__language_code="be")
listed = ArticlePage.objects.child_of(news).published().newest_first()
page_count = max(1, (listed.count() - 1) // settings.NEWS_PAGE_SIZE + 1)
deep = min(DEEP, page_count)
deep_first = listed[(deep - 1) * settings.NEWS_PAGE_SIZE]
def samples(language):
    articles = ArticlePage.objects.published().filter(locale__language_code=language)
    count = articles.count()
    return [articles.order_by("pk")[n].url for n in {7 % count, count // 2, count - 1}]
pages = {
    "article": article.url, "article_id": article.pk, "newest_slug": article.slug,
    "token": form_token(article, timezone.now() - timedelta(minutes=5)),
    "news": news.url, "deep_page": deep, "deep_news": f"{news.url}?page={deep}",
    "deep_slug": deep_first.slug, "section": article.section.url,
    "search": "/be/search/?q=" + quote("TERM"), "feed": "/be/feed/",
    "samples": [url for language in ("be", "ru", "en") for url in samples(language)],
    "beacon_articles": list(be.values_list("pk", flat=True)[:50]),
}
"""


def bench_pages(env):
    """The pages the benchmark loads, found in the database env names."""
    return json.loads(harness.django_shell(env, pages_code("print(json.dumps(pages))")))


def pages_code(then):
    """PAGES_CODE with this module's constants, followed by code that uses `pages`."""
    code = PAGES_CODE.replace("DEEP", str(DEEP_PAGE)).replace("TERM", SEARCH_TERM)
    return code + then


# Rendered once while building, so the template carries their renditions and the servers
# never spend their first seconds drawing photos. Search shows no photos, and may be refused
# (its deadline) on a cold database.
WARM_CODE = """
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
paths = [pages[key] for key in ("article", "news", "deep_news", "section", "feed")]
for path in paths + pages["samples"] + ["/be/", "/ru/", "/en/"]:
    status = client.get(path).status_code
    assert status == 200, (path, status)
print(json.dumps(len(paths)))
"""


# Every photo gets every size the pages ask for, once, while building: otherwise the first
# render of an article whose photo set has not been shown yet draws them, and a benchmark of
# first renders (bench.render_cpu) would measure Pillow. The corpus's image rows are copies
# sharing a few files: the first row of each file gets its renditions here, the copies get
# rows pointing at the same rendition files (copy_renditions).
RENDITIONS_CODE = """
import json
from django.db.models import Min
from newsroom.images import NewsroomImage, NewsroomRendition
specs = sorted(set(NewsroomRendition.objects.values_list("filter_spec", flat=True)))
firsts = NewsroomImage.objects.values("file").annotate(first=Min("id")).values("first")
for image in NewsroomImage.objects.filter(pk__in=firsts):
    image.get_renditions(*specs)
print(json.dumps(len(specs)))
"""


def copy_renditions(url):
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO newsroom_newsroomrendition (filter_spec, file, width, height,"
            " focal_point_key, image_id) "
            "SELECT r.filter_spec, r.file, r.width, r.height, r.focal_point_key, c.id "
            "FROM newsroom_newsroomimage c "
            "JOIN (SELECT file, min(id) AS first FROM newsroom_newsroomimage GROUP BY file) f"
            " ON f.file = c.file AND f.first <> c.id "
            "JOIN newsroom_newsroomrendition r ON r.image_id = f.first "
            "ON CONFLICT DO NOTHING"
        )


def fingerprint(articles, comments):
    """What the corpus depends on; a change in any of it means building again."""
    digest = hashlib.sha256(f"{articles}:{comments}".encode())
    sources = sorted(harness.ROOT.glob("*/migrations/*.py"))
    sources += [Path(__file__), harness.ROOT / "newsroom" / "demo" / "content.py"]
    sources += [harness.ROOT / "newsroom" / "demo" / "loader.py"]
    sources += [harness.ROOT / "comments" / "likeness.py"]  # the comments' fingerprints
    for source in sources:
        digest.update(str(source.relative_to(harness.ROOT)).encode())
        digest.update(source.read_bytes())
    for package in PACKAGES:
        digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.hexdigest()[:24]


def corpus_database(articles, comments):
    """The full corpus has its own template; smaller ones for trying things out have theirs."""
    if (articles, comments) == FULL_SIZE:
        return CORPUS_DATABASE
    return f"{CORPUS_DATABASE}_{articles}_{comments}"


def stored_fingerprint(name):
    row = harness.admin_query(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
        [name],
    )
    return row[0][0] if row else None


def photos_present(url):
    """The template's image rows point at files in MEDIA_ROOT; a cleaned work dir loses them."""
    with psycopg.connect(url) as conn:
        query = "SELECT file FROM newsroom_newsroomimage UNION SELECT file FROM {}"
        files = [row[0] for row in conn.execute(query.format("newsroom_newsroomrendition"))]
    return all((harness.MEDIA_ROOT / name).exists() for name in files)


def ensure_corpus(articles=ARTICLES, comments=COMMENTS, rebuild=False):
    """The template database, built when missing or stale; returns its name."""
    name = corpus_database(articles, comments)
    wanted = fingerprint(articles, comments)
    current = not rebuild and stored_fingerprint(name) == wanted
    if current and photos_present(harness.database_url(name)):
        print(f"corpus: reusing {name} ({wanted})", flush=True)
        return name
    build(articles, comments, wanted, name)
    return name


def build(articles, comments, wanted, name):
    # Photos on disk stay: another corpus template may point at them (bench/work is ours).
    building = f"{name}_building"
    began = time.monotonic()
    harness.recreate_database(building)
    url = harness.database_url(building)
    env = harness.app_env(DATABASE_URL=url, REDIS_URL="")
    harness.manage(env, "migrate", "--noinput", "-v0")
    harness.manage(env, "load_demo", stdout=subprocess.DEVNULL)
    print(f"corpus: skeleton and demo in {time.monotonic() - began:.0f} s", flush=True)
    with psycopg.connect(url, autocommit=True) as conn:
        Filler(conn, articles, comments).fill()
    harness.manage(env, "collectstatic", "--noinput", "-v0")
    harness.django_shell({**env, "PAGE_CACHE_SECONDS": "0"}, pages_code(WARM_CODE))
    harness.django_shell(env, RENDITIONS_CODE)
    copy_renditions(url)
    print(f"corpus: bench pages rendered, photos drawn ({time.monotonic() - began:.0f} s)")
    harness.drop_database(name)
    harness.admin_query(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    harness.admin_query(f"COMMENT ON DATABASE \"{name}\" IS '{wanted}'")
    print(f"corpus: {name} built in {time.monotonic() - began:.0f} s", flush=True)


def tree_step(number):
    """One treebeard path step: a number in base 36, four characters wide."""
    step = ""
    for _ in range(STEP):
        number, digit = divmod(number, len(TREE_ALPHABET))
        step = TREE_ALPHABET[digit] + step
    return step


def tree_number(step):
    return int(step, len(TREE_ALPHABET))


class Filler:
    """Bulk rows on top of the demo newsroom, in one connection."""

    def __init__(self, conn, articles, comments):
        self.conn = conn
        self.articles = articles
        self.comments = comments
        self.random = random.Random(20261128)  # noqa: S311 (the same corpus every time)
        self.bodies = {}

    def sql(self, query, params=None):
        cursor = self.conn.execute(query, params)
        return cursor.fetchall() if cursor.description else None

    def fill(self):
        for step in (self.lookups, self.images, self.authors, self.articles_and_pages,
                     self.tags_bylines_search, self.comment_rows, self.finish):  # fmt: skip
            began = time.monotonic()
            step()
            print(f"corpus: {step.__name__} in {time.monotonic() - began:.1f} s", flush=True)

    def lookups(self):
        self.article_type = self.sql(
            "SELECT id FROM django_content_type WHERE app_label='newsroom' AND model='articlepage'"
        )[0][0]
        self.locales = dict(self.sql("SELECT language_code, id FROM wagtailcore_locale"))
        self.indexes = {
            language: self.sql(
                "SELECT p.id, p.path, p.url_path FROM wagtailcore_page p "
                "JOIN newsroom_newsindexpage n ON n.page_ptr_id = p.id WHERE p.locale_id = %s",
                [locale],
            )[0]
            for language, locale in self.locales.items()
        }
        # The section of each language for a Belarusian section, through translation_key.
        self.sections = {
            (be_section, language): section
            for be_section, language, section in self.sql(
                "SELECT b.id, l.language_code, p.id FROM wagtailcore_page b "
                "JOIN newsroom_sectionpage s ON s.page_ptr_id = b.id "
                "JOIN wagtailcore_page p ON p.translation_key = b.translation_key "
                "JOIN wagtailcore_locale l ON l.id = p.locale_id "
                "WHERE b.locale_id = %s",
                [self.locales["be"]],
            )
        }
        self.templates = self.load_templates()

    def load_templates(self):
        """The demo articles in Belarusian, each with its translations by language."""
        rows = self.sql(
            "SELECT p.id, p.translation_key, l.language_code, p.title, p.slug, a.lede, "
            "a.lead_caption, a.lead_credit, a.body::text, a.section_id, a.lead_image_id "
            "FROM newsroom_articlepage a JOIN wagtailcore_page p ON p.id = a.page_ptr_id "
            "JOIN wagtailcore_locale l ON l.id = p.locale_id ORDER BY p.path"
        )
        by_key = {}
        for pk, key, language, *fields in rows:
            names = ("title", "slug", "lede", "caption", "credit", "body", "section", "lead")
            version = {"id": pk, **dict(zip(names, fields, strict=True))}
            by_key.setdefault(key, {})[language] = version
        templates = [versions for versions in by_key.values() if "be" in versions]
        self.translated = [t for t in templates if {"ru", "en"} <= set(t)]
        self.plain = templates
        if not self.translated:
            raise SystemExit("the demo newsroom has no translated story to copy")
        return templates

    def images(self):
        """More image rows over the demo files: articles share a few hundred photos."""
        demo = [row[0] for row in self.sql("SELECT id FROM newsroom_newsroomimage ORDER BY id")]
        self.image_sets = [{pk: pk for pk in demo}]
        columns = (
            "title, file, description, width, height, created_at, focal_point_x, focal_point_y,"
            " focal_point_width, focal_point_height, file_size, file_hash, credit,"
            " caption_be, caption_ru, caption_en, alt_be, alt_ru, alt_en, collection_id,"
            " uploaded_by_user_id"
        )
        for _ in range(IMAGE_COPIES - 1):
            copies = {}
            for pk in demo:
                copies[pk] = self.sql(
                    f"INSERT INTO newsroom_newsroomimage ({columns}) "  # noqa: S608
                    f"SELECT {columns} FROM newsroom_newsroomimage WHERE id = %s RETURNING id",
                    [pk],
                )[0][0]
            self.image_sets.append(copies)

    def authors(self):
        """Journalists with linked Russian and English names, added to the demo's."""
        self.author_ids = [
            row[0]
            for row in self.sql(
                "SELECT id FROM newsroom_author WHERE locale_id = %s", [self.locales["be"]]
            )
        ]
        taken = set(self.sql("SELECT locale_id, slug FROM newsroom_author"))
        for n in range(AUTHORS - len(self.author_ids)):
            key = uuid.UUID(int=self.random.getrandbits(128))
            for language in ("be", "ru", "en"):
                first = FIRST_NAMES[language][n % len(FIRST_NAMES[language])]
                last = LAST_NAMES[language][(n // len(FIRST_NAMES[language])) % 6]
                name = f"{first} {last}"
                slug, number = slug_for(name, language), 1
                while (self.locales[language], slug) in taken:  # the demo's staff, namesakes
                    number += 1
                    slug = f"{slug_for(name, language)}-{number}"
                taken.add((self.locales[language], slug))
                pk = self.sql(
                    "INSERT INTO newsroom_author (translation_key, name, slug, bio, locale_id) "
                    "VALUES (%s, %s, %s, '', %s) RETURNING id",
                    [key, name, slug, self.locales[language]],
                )[0][0]
                if language == "be":
                    self.author_ids.append(pk)

    def articles_and_pages(self):
        """Page and article rows by COPY; newest first, one every few minutes."""
        next_id = self.sql("SELECT max(id) + 1 FROM wagtailcore_page")[0][0]
        children = {
            language: tree_number(
                self.sql(
                    "SELECT coalesce(max(right(path, 4)), '0000') FROM wagtailcore_page "
                    "WHERE path LIKE %s AND depth = %s",
                    [f"{path}%", len(path) // STEP + 1],
                )[0][0]
            )
            for language, (_, path, _) in self.indexes.items()
        }
        newest = datetime.now(UTC) - timedelta(minutes=3)
        self.plan = []  # (page id, template page id, language, published)
        pages, articles = [], []
        for n in range(self.articles):
            if n % TRANSLATED_SHARE == 0:
                pool, pick, languages = self.translated, n // TRANSLATED_SHARE, ("be", "ru", "en")
            else:
                pool, pick, languages = self.plain, n, ("be",)
            versions = pool[pick % len(pool)]
            key = uuid.UUID(int=self.random.getrandbits(128))
            photo_set = (n // 7) % len(self.image_sets)
            images = self.image_sets[photo_set]
            published = newest - timedelta(minutes=n * MINUTES_APART + self.random.randint(0, 5))
            for language in languages:
                template = versions[language]
                children[language] += 1
                index_id, index_path, index_url = self.indexes[language]
                slug = f"{template['slug'][:60].rstrip('-')}-{n:x}"
                when = published + timedelta(minutes=25 * ("be", "ru", "en").index(language))
                when = min(when, newest)
                pages.append((
                    next_id, index_path + tree_step(children[language]), 4, 0,
                    template["title"], slug, True, False, f"{index_url}{slug}/", "", False, "",
                    False, self.article_type, False, when, when, when, template["title"], key,
                    self.locales[language],
                ))  # fmt: skip
                articles.append((
                    next_id, template["lede"], template["caption"], template["credit"],
                    self.body(template, photo_set), None, 0, images.get(template["lead"]),
                    self.sections[(versions["be"]["section"], language)], when,
                ))  # fmt: skip
                self.plan.append((next_id, template["id"], language, when, n))
                next_id += 1
        self.copy(
            "wagtailcore_page (id, path, depth, numchild, title, slug, live,"
            " has_unpublished_changes, url_path, seo_title, show_in_menus, search_description,"
            " expired, content_type_id, locked, latest_revision_created_at, first_published_at,"
            " last_published_at, draft_title, translation_key, locale_id)",
            pages,
        )
        self.copy(
            "newsroom_articlepage (page_ptr_id, lede, lead_caption, lead_credit, body,"
            " publication_date, comment_count, lead_image_id, section_id, sort_date)",
            articles,
        )
        for index_id, index_path, _ in self.indexes.values():
            self.sql(
                "UPDATE wagtailcore_page SET numchild = (SELECT count(*) FROM wagtailcore_page "
                "WHERE path LIKE %s AND depth = %s) WHERE id = %s RETURNING 1",
                [f"{index_path}%", len(index_path) // STEP + 1, index_id],
            )
        self.sql(
            "SELECT setval(pg_get_serial_sequence('wagtailcore_page', 'id'), "
            "(SELECT max(id) FROM wagtailcore_page)) "
        )

    def body(self, template, photo_set):
        """The template's body with the photo set's images, remapped once per pair."""
        key = (template["id"], photo_set)
        if key not in self.bodies:
            self.bodies[key] = remap_body(template["body"], self.image_sets[photo_set])
        return self.bodies[key]

    def copy(self, table, rows):
        with self.conn.cursor() as cursor, cursor.copy(f"COPY {table} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def tags_bylines_search(self):
        """Tags and search entries (Wagtail's and the articles' own) as the template's;
        bylines from the whole staff."""
        self.sql(
            "CREATE TEMP TABLE corpus_plan (page_id int, template_id int, language text,"
            " published timestamptz, n int)"
        )
        self.copy("corpus_plan", self.plan)
        self.sql("CREATE INDEX ON corpus_plan (template_id)")
        self.sql(
            "INSERT INTO newsroom_articletag (content_object_id, tag_id) "
            "SELECT c.page_id, t.tag_id FROM corpus_plan c "
            "JOIN newsroom_articletag t ON t.content_object_id = c.template_id"
        )
        self.sql(
            "INSERT INTO newsroom_articlebyline (sort_order, page_id, author_id) "
            "SELECT 0, c.page_id, (%s::bigint[])[1 + c.n %% %s] FROM corpus_plan c",
            [self.author_ids, len(self.author_ids)],
        )
        self.sql(
            "INSERT INTO newsroom_articlebyline (sort_order, page_id, author_id) "
            "SELECT 1, c.page_id, (%s::bigint[])[1 + (c.n * 7 + 3) %% %s] FROM corpus_plan c "
            "WHERE c.n %% 5 = 0",
            [self.author_ids, len(self.author_ids)],
        )
        self.sql(
            "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title_norm, title,"
            " body, autocomplete, title_text, body_text) "
            "SELECT e.content_type_id, c.page_id::text, e.title_norm, e.title, e.body,"
            " e.autocomplete, e.title_text, e.body_text FROM corpus_plan c "
            "JOIN wagtailsearch_indexentry e ON e.object_id = c.template_id::text "
            "AND e.content_type_id = %s",
            [self.article_type],
        )
        self.sql(
            "INSERT INTO newsroom_articlesearchentry (article_id, vector) "
            "SELECT c.page_id, s.vector FROM corpus_plan c "
            "JOIN newsroom_articlesearchentry s ON s.article_id = c.template_id"
        )

    def comment_rows(self):
        """Comments mostly under recent articles; counts on articles match the rows.

        Rows are made here rather than in SQL: each carries its text's fingerprint
        (comments.likeness), which the duplicate check of every new comment reads.
        """
        ranked = self.sql(
            "SELECT p.id, p.first_published_at, l.language_code FROM wagtailcore_page p "
            "JOIN newsroom_articlepage a ON a.page_ptr_id = p.id "
            "JOIN wagtailcore_locale l ON l.id = p.locale_id "
            "ORDER BY p.first_published_at DESC, p.id DESC"
        )
        now = datetime.now(UTC)
        self.copy(
            "comments_comment (article_id, author_name, text, status, reason, client,"
            " language, report_count, created_at, fingerprint)",
            (self.comment(g, ranked, now) for g in range(1, self.comments + 1)),
        )
        self.sql(
            "UPDATE newsroom_articlepage a SET comment_count = c.n FROM (SELECT article_id,"
            " count(*) AS n FROM comments_comment WHERE status = 'published' GROUP BY 1) c "
            "WHERE a.page_ptr_id = c.article_id"
        )

    def comment(self, g, ranked, now):
        """Comment number g: newer articles draw more (the square of a uniform pick)."""
        article, published, language = ranked[int(self.random.random() ** 2 * len(ranked))]
        texts = COMMENT_TEXTS[language]
        text = f"{texts[g % len(texts)]} #{g}"
        status = "hidden" if g % 50 == 0 else "pending" if g % 70 == 0 else "published"
        return (
            article, COMMENT_NAMES[g % len(COMMENT_NAMES)], text, status, "",
            f"{self.random.getrandbits(128):032x}", language, int(g % 50 == 0),
            min(published + timedelta(minutes=g % 2880), now), likeness.fingerprint(text),
        )  # fmt: skip

    def finish(self):
        for table in ("comments_comment", "wagtailsearch_indexentry", "taggit_tag"):
            self.sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        self.conn.execute("VACUUM ANALYZE")


def remap_body(body, images):
    """The template's body with its photos swapped for another set of image rows."""
    blocks = json.loads(body)
    for block in blocks:
        value = block["value"]
        if block["type"] == "photo":
            value["image"] = images.get(value["image"], value["image"])
        elif block["type"] == "gallery":
            for photo in value["photos"]:
                item = photo.get("value", photo)
                item["image"] = images.get(item["image"], item["image"])
    return json.dumps(blocks, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--comments", type=int, default=COMMENTS)
    parser.add_argument("--rebuild", action="store_true", help="build even when up to date")
    args = parser.parse_args()
    ensure_corpus(args.articles, args.comments, args.rebuild)


if __name__ == "__main__":
    main()
