"""The database stops answering or is locked: readers get the page the cache has, or a
503 in their language with Retry-After; never a 500. All resumes when it answers again."""

import pytest
from django.db import connection

from samizdat import pagecache
from testing import database_locked, database_unreachable
from testing.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

BACK_SOON = {
    "be": "Гэтую старонку зараз немагчыма паказаць",
    "ru": "Эту страницу сейчас невозможно показать",
    "en": "This page cannot be shown right now",
}


@pytest.fixture(params=["locked", "unreachable"])
def outage(request):
    if request.param == "unreachable" and connection.vendor == "sqlite":
        pytest.skip("the SQLite test database lives in memory; it cannot be unreachable")
    return database_locked if request.param == "locked" else database_unreachable


def test_readers_get_a_503_in_the_language_of_the_address(client, site_skeleton, outage):
    with outage():
        for language, sentence in BACK_SOON.items():
            for url in (f"/{language}/", f"/{language}/news/", f"/{language}/search/?q=мяжа"):
                response = client.get(url)
                assert response.status_code == 503, url
                assert response["Retry-After"] == "30"
                assert response["Content-Language"] == language
                assert response["Cache-Control"] == "no-store"
                page = response.content.decode()
                assert sentence in page
                assert f'<html lang="{language}">' in page
                assert '<link rel="stylesheet" href="/static/frontend/site.css">' in page
                assert "Traceback" not in page
        api = client.get("/api/readership/live?lang=ru", HTTP_ACCEPT_LANGUAGE="ru")
        assert api.status_code == 503
        assert api["Retry-After"] == "30"
        assert api.json() == {
            "error": "Сервис на минуту недоступен. Попробуйте через минуту.",
            "code": "unavailable",
        }
    assert client.get("/ru/news/").status_code == 200


def test_the_cached_page_is_served_while_the_database_is_down(client, site_skeleton, outage):
    article = make_article(title="Навіна, якую чытаюць")
    rendered = client.get(article.url)
    assert rendered.status_code == 200
    with outage():
        fresh = client.get(article.url)
        assert fresh.status_code == 200
        assert fresh["X-Page-Cache"] == "hit"
        # The fresh copy expires (PAGE_CACHE_SECONDS); the spare one is still there.
        pagecache.cache.delete(pagecache.keys_for("testserver", article.url, "").page)
        pagecache.forget_local_pages()
        spare = client.get(article.url)
        assert spare.status_code == 200
        assert spare["X-Page-Cache"] == "spare"
        assert spare["Cache-Control"] == "no-store"
        assert spare.content == rendered.content
        # A page the cache never had gets the 503.
        assert client.get("/be/news/").status_code == 503
    again = client.get(article.url)
    assert again.status_code == 200
    assert "X-Page-Cache" not in again  # rendered anew once the database answers


def test_a_purged_page_has_no_spare_copy_left(client, site_skeleton, outage):
    """A moderator hid a comment: the old copy must not come back during an outage."""
    article = make_article(title="Навіна з каментарамі")
    assert client.get(article.url).status_code == 200
    pagecache.purge_path(article.url)
    with outage():
        assert client.get(article.url).status_code == 503
