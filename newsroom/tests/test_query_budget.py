"""Pages run few SQL queries on a page-cache miss, however many articles, authors or images.

The page cache is off here, so every request renders; the first request of each page
fills what the site remembers between publications (samizdat.caching) and makes image
renditions, as the first reader after a publication does.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from testing.factories import make_article, make_author, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def queries_for(client, url):
    client.get(url)  # the first request may create image renditions once
    # A second request, quick now, renews the live numbers (Now reading, Most read), which
    # are kept 5 seconds: on a busy machine the first one can take longer than that.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    return len(queries)


def rich_article(title, authors, images):
    body = [("paragraph", RichText("<p>Тэкст.</p>"))]
    body += [("photo", {"image": image, "caption": "", "credit": ""}) for image in images]
    body.append(
        (
            "gallery",
            {"photos": [{"image": i, "caption": ""} for i in images], "caption": "", "credit": ""},
        )
    )
    return make_article(title=title, authors=authors, image=images[0], body=body)


def test_article_page_query_count_is_fixed(client, homes):
    small = rich_article("Малы", [make_author()], [make_image("a"), make_image("b")])
    small_count = queries_for(client, small.url)
    authors = [make_author(f"Аўтар {n}") for n in range(6)]
    images = [make_image(f"img {n}") for n in range(8)]
    big = rich_article("Вялікі", authors, images)
    for number in range(15):
        make_article(title=f"Іншая {number}", image=make_image(f"o{number}"))
    assert queries_for(client, big.url) == small_count
    assert small_count <= 10, small_count


@pytest.mark.parametrize("url", ["/be/news/", "/be/", "/be/politics/"])
def test_listing_query_count_is_fixed(client, homes, url):
    make_article(title="Адна", image=make_image("one"))
    few = queries_for(client, url)
    for number in range(35):
        make_article(title=f"Навіна {number}", image=make_image(f"n{number}"))
    assert queries_for(client, url) == few
    assert few <= 10, few
