"""Redis stops while readers read: pages and search are served from the database, and the
page cache fills again once Redis is back, without a restart."""

import pytest
from wagtail.rich_text import RichText

from samizdat import pagecache
from testing import use_redis
from testing.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(homes, django_capture_on_commit_callbacks):
    body = [("paragraph", RichText("<p>Мытнікі на мяжы затрымалі грузавік з кнігамі.</p>"))]
    with django_capture_on_commit_callbacks(execute=True):  # the search index, after commit
        return make_article(title="Чарга на мяжы ў Брэсце", body=body)


def reader_urls(article):
    return ["/be/", "/be/news/", article.url, "/be/politics/", "/be/feed/", "/sitemap.xml"]


def test_pages_and_search_are_served_while_redis_is_down(client, article, settings, redis_to_stop):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)  # as production sets it
    for url in reader_urls(article):
        assert client.get(url).status_code == 200
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    redis_to_stop.stop()
    pagecache.forget_local_pages()  # as a second later: this process's copies are gone too

    for url in reader_urls(article):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response  # rendered from the database
    page = client.get(article.url).content.decode()
    assert "Чарга на мяжы ў Брэсце" in page
    found = client.get("/be/search/?q=грузавік")
    assert found.status_code == 200
    assert "Чарга на мяжы" in found.content.decode()


def test_the_page_cache_resumes_when_redis_is_back(client, article, settings, redis_to_stop):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    redis_to_stop.stop()
    assert client.get(article.url).status_code == 200

    redis_to_stop.start()

    first = client.get(article.url)
    assert first.status_code == 200
    assert "X-Page-Cache" not in first
    again = client.get(article.url)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
