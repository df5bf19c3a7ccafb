"""Feeds parsed by a real feed parser."""

from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.rich_text import RichText

from newsroom.models import ArticlePage
from testing.factories import make_article, make_author, make_image, translate_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(homes):
    author = make_author("Алеся Дзямідава")
    image = make_image(size=(1600, 900), credit="Фота: рэдакцыя", caption="Плошча")
    first = make_article(
        title="Першая навіна",
        lede="Лід першай навіны.",
        authors=[author],
        image=image,
        section_slug="culture",
        body=[("paragraph", RichText("<p>Поўны тэкст першай навіны.</p>"))],
    )
    second = make_article(title="Другая навіна", section_slug="politics")
    when = timezone.now() - timedelta(hours=2)
    ArticlePage.objects.filter(pk=first.pk).update(first_published_at=when, sort_date=when)
    translate_article(first, "en", "First story", lede="First lede.")
    return first, second


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_rss_lists_newest_first_with_full_text_author_and_photo(client, stories):
    first, second = stories
    feed = parse(client, "/be/feed/")
    assert feed.version == "rss20"
    assert [entry.title for entry in feed.entries] == ["Другая навіна", "Першая навіна"]
    entry = feed.entries[1]
    assert entry.summary == "Лід першай навіны."
    assert "Поўны тэкст першай навіны." in entry.content[0].value
    assert entry.author == "Алеся Дзямідава"
    assert entry.link == f"http://testserver{first.url}"
    assert entry.media_content[0]["url"].startswith("http://testserver/media/")
    assert entry.media_credit[0]["content"] == "Фота: рэдакцыя"
    assert feed.feed.language == "be"


def test_guid_is_stable_across_edits_and_slug_changes(client, stories):
    first, _ = stories
    before = {e.title: e.id for e in parse(client, "/be/feed/").entries}["Першая навіна"]
    first.refresh_from_db()
    first.slug = "novy-slug"
    first.save_revision().publish()
    after = {e.title: e.id for e in parse(client, "/be/feed/").entries}["Першая навіна"]
    assert before == after


def test_atom_feed_and_language_feeds(client, stories):
    atom = parse(client, "/be/feed/atom/")
    assert atom.version == "atom10"
    assert "Поўны тэкст" in atom.entries[1].content[0].value
    english = parse(client, "/en/feed/")
    assert [entry.title for entry in english.entries] == ["First story"]


def test_section_feeds(client, stories):
    assert [e.title for e in parse(client, "/be/culture/feed/").entries] == ["Першая навіна"]
    assert [e.title for e in parse(client, "/be/politics/feed/atom/").entries] == ["Другая навіна"]
    assert client.get("/be/no-such-section/feed/").status_code == 404


def test_feed_holds_the_latest_fifty(client, homes):
    for number in range(55):
        make_article(title=f"Навіна {number}")
    assert len(parse(client, "/be/feed/").entries) == 50


def test_feed_changes_after_unpublish(client, stories):
    first, _ = stories
    parse(client, "/be/feed/")
    first.refresh_from_db()
    first.unpublish()
    assert [e.title for e in parse(client, "/be/feed/").entries] == ["Другая навіна"]


def test_feed_query_count_does_not_grow_with_articles(client, homes, django_assert_max_num_queries):
    for number in range(5):
        make_article(title=f"Навіна {number}", authors=[make_author(f"Аўтар {number}")])
    client.get("/be/feed/")  # renditions and caches warm
    with django_assert_max_num_queries(15):
        parse(client, "/be/feed/")
    for number in range(20):
        make_article(title=f"Яшчэ {number}", authors=[make_author(f"Іншы {number}")])
    with django_assert_max_num_queries(15):
        parse(client, "/be/feed/")


def test_bodies_render_once_per_publication_and_follow_a_new_one(
    client, homes, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 0  # every read renders the feed; only the bodies are kept
    photos = [make_image(size=(800, 600), caption=f"Фота {n}") for n in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        articles = [
            make_article(
                title=f"Навіна з фота {n}",
                body=[("photo", {"image": photo, "caption": "", "credit": ""})],
            )
            for n, photo in enumerate(photos)
        ]
    parse(client, "/be/feed/")  # renditions drawn, bodies kept
    with CaptureQueriesContext(connection) as again:
        parse(client, "/be/feed/")
    # Read again, the feed renders no body: none of their photos is looked up (each was a
    # query of its own). The lead photos come joined to the articles.
    photo_reads = [
        query["sql"]
        for query in again.captured_queries
        if query["sql"].startswith('SELECT "newsroom_newsroomimage"')
    ]
    assert photo_reads == []
    article = articles[0]
    article.body = [("paragraph", RichText("<p>Выпраўлены тэкст навіны.</p>"))]
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    entries = {entry.title: entry for entry in parse(client, "/be/feed/").entries}
    assert "Выпраўлены тэкст навіны." in entries["Навіна з фота 0"].content[0].value
    assert "Выпраўлены" not in entries["Навіна з фота 1"].content[0].value


@pytest.mark.parametrize("path", ["/en/feed/", "/en/feed/atom/"])
def test_an_empty_feed_reads_the_same_whenever_it_is_built(client, homes, path):
    import time_machine

    from testing import forget_cached_state

    first = client.get(path).content
    forget_cached_state()  # built anew, not recalled
    with time_machine.travel(timezone.now() + timedelta(hours=5)):
        later = client.get(path).content
    assert later == first
    assert feedparser.parse(first).entries == []
