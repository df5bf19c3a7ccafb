"""HitsFirst: the app server's hits answered before Django, exactly as the middleware would."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from samizdat.pagecache import HitsFirst
from testing import RecordingApp, header_set, through
from testing.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(homes):
    return make_article(title="Хуткі адказ з кэша")


@pytest.fixture
def django():
    return RecordingApp()


def test_a_hit_is_answered_before_django_with_the_middlewares_bytes_and_headers(article, django):
    Client().get(article.url)  # stores the page
    from_middleware = Client().get(article.url)
    assert from_middleware["X-Page-Cache"] == "hit"

    status, headers, body = through(HitsFirst(django), article.url)

    assert django.passed == []
    assert status == "200 OK"
    assert body == from_middleware.content
    assert header_set(headers) == header_set(from_middleware.items())
    names = {name.lower() for name, _ in headers}
    for security in ("content-security-policy", "x-frame-options", "referrer-policy"):
        assert security in names
    assert ("content-length", str(len(body))) in header_set(headers)


@pytest.mark.parametrize("url", ["/be/", "/be/news/?page=2", "/be/feed/", "/be/lite/"])
def test_lists_and_feeds_are_answered_the_same_way(article, django, url):
    Client().get(url)
    from_middleware = Client().get(url)
    status, headers, body = through(HitsFirst(django), url)
    assert (status, body) == ("200 OK", from_middleware.content)
    assert header_set(headers) == header_set(from_middleware.items())
    assert django.passed == []


def test_conditional_and_head_requests(article, django):
    etag = Client().get(article.url)["ETag"]
    status, headers, body = through(HitsFirst(django), article.url, if_none_match=etag)
    assert status == "304 Not Modified" and body == b""
    assert ("etag", etag) in header_set(headers)
    assert "content-type" not in {name.lower() for name, _ in headers}

    status, headers, body = through(HitsFirst(django), article.url, method="HEAD")
    assert status == "200 OK" and body == b""
    assert django.passed == []


def test_everything_but_a_hit_goes_on_to_django(article, django):
    Client().get(article.url)
    editor = User.objects.create_superuser("desk", password="pass-for-tests-only")
    signed_in = Client()
    signed_in.force_login(editor)
    signed_in.get("/admin/")  # the sign-in marks the browser as an editor's
    cookies = "; ".join(f"{name}={signed_in.cookies[name].value}" for name in signed_in.cookies)

    hits_first = HitsFirst(django)
    through(hits_first, "/be/never-read/")  # a miss
    through(hits_first, article.url, method="POST")
    through(hits_first, article.url + "?page=2")  # a copy nobody asked for yet
    through(hits_first, article.url, cookie=cookies)
    through(hits_first, article.url, host="attacker.example")  # Django answers it with a 400
    assert django.passed == ["/be/never-read/"] + [article.url] * 4


def test_a_purge_reaches_the_hit_path_at_once(article, django):
    Client().get(article.url)
    article.title = "Загаловак пасля праўкі"
    article.save_revision().publish()
    hits_first = HitsFirst(django)
    through(hits_first, article.url)
    assert django.passed == [article.url]
    assert "Загаловак пасля праўкі" in Client().get(article.url).content.decode()
    _, _, body = through(hits_first, article.url)
    assert "Загаловак пасля праўкі" in body.decode()


def test_the_app_server_is_given_the_hit_path(settings):
    from samizdat import wsgi

    assert isinstance(wsgi.application, HitsFirst)


def test_off_when_the_page_cache_is_off(article, django, settings):
    Client().get(article.url)
    settings.PAGE_CACHE_SECONDS = 0
    through(HitsFirst(django), article.url)
    assert django.passed == [article.url]


def test_a_hot_page_is_read_from_the_shared_cache_once_a_second_per_process(
    article, django, monkeypatch
):
    from django.core.cache import cache

    from samizdat import pagecache

    Client().get(article.url)
    pagecache.forget_local_pages()
    reads = []
    real_get = cache.get

    def counted_get(*args, **kwargs):
        reads.append(args)
        return real_get(*args, **kwargs)

    monkeypatch.setattr(cache, "get", counted_get)
    hits_first = HitsFirst(django)
    assert through(hits_first, article.url)[0] == "200 OK"
    first = list(reads)  # the page, and the path's versions
    assert [key for key, *_ in first if ":path:" not in key] == [first[-1][0]]
    for _ in range(49):
        assert through(hits_first, article.url)[0] == "200 OK"
    assert reads == first
    assert django.passed == []


class Clock:
    """Stands in for the time module in samizdat.pagecache: moves only when told."""

    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def test_another_processs_new_copy_is_served_within_the_second(article, django, monkeypatch):
    from django.core.cache import cache

    from samizdat import caching, pagecache

    clock = Clock()
    monkeypatch.setattr(pagecache, "time", clock)
    monkeypatch.setattr(caching, "time", clock)
    Client().get(article.url)
    hits_first = HitsFirst(django)
    _, _, before = through(hits_first, article.url)
    key = pagecache.keys_for("testserver", article.url, "").page
    newer = {**cache.get(key), "body": b"<p>rendered by another app server</p>"}
    cache.set(key, newer)  # what another process stores after its own purge and render

    clock.now += caching.LOCAL_PAGES.seconds - 0.01
    assert through(hits_first, article.url)[2] == before
    clock.now += 0.02
    assert through(hits_first, article.url)[2] == newer["body"]
