"""The full-page cache: same bytes for every reader, purged when content changes."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from testing.comments import form_post, policy_without_waiting
from testing.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(homes):
    return make_article(title="Кэшаваная навіна")


def test_second_reader_gets_the_stored_page(article):
    first = Client().get(article.url)
    second = Client(REMOTE_ADDR="198.51.100.9").get(article.url)
    assert "X-Page-Cache" not in first and second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert not second.cookies
    assert "public" in second["Cache-Control"] and "s-maxage=50" in second["Cache-Control"]
    assert "max-age=0" in second["Cache-Control"]
    assert "stale-while-revalidate" in second["Cache-Control"]


def test_conditional_request_gets_304(article):
    etag = Client().get(article.url)["ETag"]
    response = Client().get(article.url, headers={"if-none-match": etag})
    assert response.status_code == 304 and response.content == b""


@pytest.mark.parametrize("url", ["/be/", "/be/news/", "/be/politics/"])
def test_publishing_purges_lists(article, url):
    Client().get(url)
    make_article(title="Свежая навіна")
    html = Client().get(url).content.decode()
    assert "Свежая навіна" in html


def test_edit_and_unpublish_purge_the_article(article):
    Client().get(article.url)
    article.title = "Выпраўлены загаловак"
    article.save_revision().publish()
    assert "Выпраўлены загаловак" in Client().get(article.url).content.decode()
    article.refresh_from_db()
    article.unpublish()
    assert Client().get(article.url).status_code == 404


def test_new_comment_purges_its_article(article, django_capture_on_commit_callbacks):
    policy_without_waiting()
    Client().get(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        form_post(Client(), article, text="Новы каментар")
    assert "Новы каментар" in Client().get(article.url).content.decode()


def test_editors_and_odd_queries_bypass_the_cache(article):
    Client().get(article.url)
    editor = Client()
    editor.force_login(User.objects.create_superuser("chief", password="pass-for-tests-only"))
    editor.get("/admin/")  # the sign-in marks the browser as an editor's
    assert "X-Page-Cache" not in editor.get(article.url)
    assert "X-Page-Cache" not in Client().get(article.url + "?page=2")


def test_not_found_pages_are_not_stored(homes):
    Client().get("/be/no-such/")
    assert "X-Page-Cache" not in Client().get("/be/no-such/")


def test_feeds_are_cached_per_host_and_purged_on_publish(article, settings):
    settings.ALLOWED_HOSTS = ["news.example.org", "mirror.example.net"]
    main = Client(headers={"host": "news.example.org"})
    mirror = Client(headers={"host": "mirror.example.net"})
    main.get("/be/feed/")
    assert main.get("/be/feed/")["X-Page-Cache"] == "hit"
    from_mirror = mirror.get("/be/feed/")
    assert "X-Page-Cache" not in from_mirror
    assert b"news.example.org" not in from_mirror.content
    make_article(title="Навіна для стужкі")
    assert "Навіна для стужкі" in main.get("/be/feed/").content.decode()


def test_comment_purge_reaches_every_host(article, settings, django_capture_on_commit_callbacks):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.net"]
    policy_without_waiting()
    mirror = Client(headers={"host": "mirror.example.net"})
    mirror.get(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        form_post(Client(), article, text="Каментар з іншага люстэрка")
    assert "Каментар з іншага люстэрка" in mirror.get(article.url).content.decode()
