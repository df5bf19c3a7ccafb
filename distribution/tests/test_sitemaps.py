"""Sitemaps checked against the sitemap protocol's rules; robots.txt points to them."""

from datetime import datetime, timedelta

import pytest
from defusedxml import ElementTree as ET
from django.db.models.signals import post_init
from django.utils import timezone
from wagtail.models import Page

from distribution.sitemaps import PagesSitemap
from newsroom.models import ArticlePage
from testing.factories import make_article, translate_article

pytestmark = pytest.mark.django_db
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}
MAIN = "https://news.example.org"


@pytest.fixture(autouse=True)
def main_domain(settings):
    settings.CANONICAL_BASE_URL = MAIN


def xml(client, url):
    response = client.get(url, headers={"host": "mirror.example.net"}, SERVER_NAME="localhost")
    assert response.status_code == 200
    return ET.fromstring(response.content)


@pytest.fixture
def story(homes):
    article = make_article(title="Навіна з перакладамі")
    translate_article(article, "ru", "Новость с переводами")
    translate_article(article, "en", "Story with translations")
    return article


def test_sitemap_lists_every_page_in_every_language_on_the_main_domain(client, story, settings):
    settings.ALLOWED_HOSTS = ["*"]
    root = xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['s']}}}urlset"
    locations = [loc.text for loc in root.findall("s:url/s:loc", NS)]
    assert all(location.startswith(MAIN + "/") for location in locations)
    for language in ["be", "ru", "en"]:
        assert f"{MAIN}/{language}/" in locations
        assert f"{MAIN}/{language}/news/" in locations
    assert f"{MAIN}{story.url}" in locations
    for lastmod in root.findall("s:url/s:lastmod", NS):
        datetime.fromisoformat(lastmod.text)  # W3C datetime


def test_hreflang_alternates_are_symmetric(client, story, settings):
    settings.ALLOWED_HOSTS = ["*"]
    root = xml(client, "/sitemap.xml")
    links = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        links[loc] = {link.get("href") for link in url.findall("x:link", NS)}
    article_group = next(group for loc, group in links.items() if loc == f"{MAIN}{story.url}")
    assert len(article_group) == 3
    for member in article_group:
        assert links[member] == article_group


def test_large_sitemaps_become_an_index(client, story, settings, monkeypatch):
    settings.ALLOWED_HOSTS = ["*"]
    monkeypatch.setattr(PagesSitemap, "limit", 10)
    index = xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    parts = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert len(parts) >= 3
    second = xml(client, "/sitemap.xml?p=2")
    assert 0 < len(second.findall("s:url", NS)) <= 10


def sitemap_links(client, parts):
    """Each URL of every part, with the hreflang alternates it lists."""
    links = {}
    for number in range(1, parts + 1):
        for url in xml(client, f"/sitemap.xml?p={number}").findall("s:url", NS):
            links[url.find("s:loc", NS).text] = {
                link.get("href") for link in url.findall("x:link", NS)
            }
    return links


def test_alternates_reach_translations_in_other_parts(client, story, settings, monkeypatch):
    settings.ALLOWED_HOSTS = ["*"]
    monkeypatch.setattr(PagesSitemap, "limit", 2)  # the translations land in other parts
    parts = len(xml(client, "/sitemap.xml").findall("s:sitemap", NS))
    links = sitemap_links(client, parts)
    group = links[f"{MAIN}{story.url}"]
    assert len(group) == 3
    for member in group:
        assert links[member] == group


class PagesLoaded:
    """Counts the page objects built while it is active."""

    def __init__(self):
        self.count = 0

    def __call__(self, sender, instance, **kwargs):
        if isinstance(instance, Page):
            self.count += 1

    def __enter__(self):
        post_init.connect(self, weak=False)
        return self

    def __exit__(self, *exc):
        post_init.disconnect(self)


def test_a_part_loads_its_own_pages_not_the_archive(client, story, settings, monkeypatch):
    settings.ALLOWED_HOSTS = ["*"]
    for number in range(12):
        make_article(title=f"Архіўная навіна {number}")
    monkeypatch.setattr(PagesSitemap, "limit", 4)
    pages = Page.objects.live().filter(depth__gt=1).count()
    with PagesLoaded() as index:
        xml(client, "/sitemap.xml")
    with PagesLoaded() as part:
        assert len(xml(client, "/sitemap.xml?p=2").findall("s:url", NS)) == 4
    assert index.count == 0  # the index counts in SQL
    # Four pages and at most three translations of each: not the whole archive.
    assert 4 <= part.count <= 4 + 4 * 3 < pages


def test_news_sitemap_follows_the_google_news_rules(client, homes, settings):
    settings.ALLOWED_HOSTS = ["*"]
    fresh = make_article(title="Свежая")
    old = make_article(title="Старая")
    when = timezone.now() - timedelta(days=3)
    ArticlePage.objects.filter(pk=old.pk).update(first_published_at=when, sort_date=when)
    root = xml(client, "/news-sitemap.xml")
    urls = root.findall("s:url", NS)
    assert [u.find("s:loc", NS).text for u in urls] == [f"{MAIN}{fresh.url}"]
    news = urls[0].find("n:news", NS)
    assert news.find("n:publication/n:name", NS).text == "Samizdat"
    assert news.find("n:publication/n:language", NS).text == "be"
    assert news.find("n:title", NS).text == "Свежая"
    datetime.fromisoformat(news.find("n:publication_date", NS).text)


def test_robots_points_to_both_sitemaps(client):
    text = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {MAIN}/sitemap.xml" in text
    assert f"Sitemap: {MAIN}/news-sitemap.xml" in text
    assert "Disallow: /admin/" in text
