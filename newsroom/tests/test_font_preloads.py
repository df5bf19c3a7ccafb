"""Pages fetch early exactly the font faces their first screen shows.

A face that arrives after the first paint swaps in and rewraps its lines: on the article
the sans byline and date line moved the lead photo down (Lighthouse counted a layout shift
of 0.15 on a phone). Faces the first screen does not show are left to load when used.
"""

import re

import pytest

from testing.factories import make_article

pytestmark = pytest.mark.django_db

PRELOAD = re.compile(r'<link rel="preload" href="/static/frontend/fonts/([a-z-]+)\.[^"]*woff2"')


def preloaded(client, url):
    return sorted(PRELOAD.findall(client.get(url).content.decode()))


def test_an_article_preloads_the_serif_and_sans_faces_of_its_first_screen(client, homes):
    article = make_article(title="Навіна з подпісам")
    assert preloaded(client, article.url) == [
        "sans-bold",
        "sans-regular",
        "serif-bold",
        "serif-regular",
    ]


@pytest.mark.parametrize("url", ["/be/", "/be/news/", "/be/politics/"])
def test_lists_preload_only_the_headline_and_text_faces(client, homes, url):
    make_article(title="Навіна ў спісе")
    assert preloaded(client, url) == ["sans-regular", "serif-bold"]
