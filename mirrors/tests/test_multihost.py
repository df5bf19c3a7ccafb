"""The site under three host names at once: nothing it sends leads a reader to another host.

Every link, asset, image rendition, form action and redirect of a page is root-relative, so
it stays on whatever host the reader used (a mirror, a CDN name, the onion address, or a
rewriting proxy). Only the canonical link, the social tags and JSON-LD name the main domain,
on purpose. Feeds and hreflang alternates need absolute links: they name the host the page
or feed was read on.
"""

import json
from html.parser import HTMLParser
from urllib.parse import urlsplit

import feedparser
import pytest
from defusedxml import ElementTree
from wagtail.rich_text import RichText

from comments.models import CommentPolicy
from comments.pipeline import form_token
from testing.factories import make_article, make_image

from .conftest import MAIN, MIRROR, ONION

pytestmark = pytest.mark.django_db

HOSTS = [MAIN, MIRROR, ONION]
# Tags that name the main domain on purpose (distribution/canonical.py).
CANONICAL_META = ("og:", "twitter:")


class Links(HTMLParser):
    """Every URL-bearing attribute of a page, and the tags that point to the main domain."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data-endpoint"}

    def __init__(self):
        super().__init__()
        self.urls = []
        self.canonical = []
        self.alternates = []  # hreflang: absolute, as search engines need, on the read host
        self.in_ld_json = False
        self.ld_json = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
            return
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates.append(attrs["href"])
            return
        key = attrs.get("property") or attrs.get("name") or ""
        if tag == "meta" and key.startswith(CANONICAL_META):
            if "://" in (attrs.get("content") or ""):
                self.canonical.append(attrs["content"])
            return
        self.in_ld_json = tag == "script" and attrs.get("type") == "application/ld+json"
        for name, value in attrs.items():
            if value is None:
                continue
            if name in self.URL_ATTRIBUTES:
                self.urls.append(value)
            elif name in ("srcset", "imagesrcset"):
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            elif "://" in value or value.startswith("//"):
                self.urls.append(value)  # any other attribute that names a host

    def handle_data(self, data):
        if self.in_ld_json:
            self.ld_json.append(data)

    def handle_endtag(self, tag):
        self.in_ld_json = False


def strings_in(data):
    if isinstance(data, dict):
        return [text for value in data.values() for text in strings_in(value)]
    if isinstance(data, list):
        return [text for value in data for text in strings_in(value)]
    return [data] if isinstance(data, str) else []


def links_of(html):
    parser = Links()
    parser.feed(html)
    return parser


def assert_stays_on_host(response, host):
    """A page's own links are root-relative (hreflang alternates absolute on this host); its
    canonical tags name the main domain."""
    html = response.content.decode()
    links = links_of(html)
    assert links.urls, "a page with no links proves nothing"
    for url in links.urls:
        parts = urlsplit(url)
        assert not parts.netloc and not parts.scheme, (host, url)
    for url in links.canonical:
        assert urlsplit(url).netloc == MAIN, (host, url)
    for url in links.alternates:
        assert urlsplit(url).netloc == host, (host, url)
    for block in links.ld_json:
        hosts_named = {
            urlsplit(url).netloc for url in strings_in(json.loads(block)) if "://" in url
        }
        assert hosts_named <= {MAIN, "schema.org"}, (host, hosts_named)
    assert "Location" not in response.headers or not urlsplit(response["Location"]).netloc


@pytest.fixture
def story(homes, mirrored):
    """An article with a lead photo, a photo in its body and a link to another page."""
    policy = CommentPolicy.load()
    policy.min_seconds_to_submit = 0
    policy.save()
    other = make_article(title="Папярэдняя навіна")
    photo = make_image(size=(1600, 900))
    body = [
        ("paragraph", RichText(f'<p>Гл. <a linktype="page" id="{other.pk}">папярэднюю</a>.</p>')),
        ("photo", {"image": photo, "caption": "Подпіс", "credit": "Фота: рэдакцыя"}),
    ]
    return make_article(title="Навіна з фота", image=make_image(), body=body)


def page_urls(story):
    return [
        "/be/",
        "/be/news/",
        "/be/politics/",
        story.url,
        "/be/search/?q=навіна",
        "/be/no-such-page/",
        "/be/blocked/",
    ]


@pytest.mark.parametrize("host", HOSTS)
def test_no_page_sends_a_reader_to_another_host(client, story, host):
    for url in page_urls(story):
        response = client.get(url, headers={"host": host})
        assert response.status_code in (200, 404), (host, url, response.status_code)
        assert response["Content-Type"].startswith("text/html")
        if url == "/be/blocked/":
            continue  # lists the other addresses on purpose; see test_blocked_page
        assert_stays_on_host(response, host)


@pytest.mark.parametrize("host", HOSTS)
def test_cached_pages_stay_on_their_host(client, story, host):
    """The second request is a page-cache hit: it must be the copy made for this host."""
    for url in ["/be/", story.url]:
        client.get(url, headers={"host": MAIN})
        client.get(url, headers={"host": host})
        response = client.get(url, headers={"host": host})
        assert response.headers.get("X-Page-Cache") == "hit", url
        assert_stays_on_host(response, host)


@pytest.mark.parametrize("host", HOSTS)
def test_redirects_stay_on_the_host(client, story, host):
    language = client.get("/", headers={"host": host, "accept-language": "ru"})
    no_slash = client.get("/be/news", headers={"host": host})
    article_no_slash = client.get(story.url.rstrip("/"), headers={"host": host})
    for response, target in [
        (language, "/ru/"),
        (no_slash, "/be/news/"),
        (article_no_slash, story.url),
    ]:
        assert response.status_code in (301, 302)
        assert response["Location"] == target


@pytest.mark.parametrize("host", HOSTS)
def test_comment_posted_without_javascript_answers_on_the_host(client, story, host):
    scheme = "http"
    data = {"name": "Чытач", "text": "Добры тэкст", "website": "", "token": old_token(story)}
    response = client.post(
        f"/be/comments/{story.pk}/post/",
        data,
        headers={"host": host, "origin": f"{scheme}://{host}"},
    )
    assert response.status_code == 201, response.content.decode()[:500]
    assert_stays_on_host(response, host)
    refused = client.post(
        f"/be/comments/{story.pk}/post/",
        {**data, "text": ""},
        headers={"host": host, "origin": f"{scheme}://{host}"},
    )
    assert refused.status_code == 400
    assert_stays_on_host(refused, host)


def old_token(article):
    from datetime import timedelta

    from django.utils import timezone

    return form_token(article, now=timezone.now() - timedelta(seconds=60))


def feed_links(content):
    """Every URL in a feed: links, ids that are URLs, enclosures, media and item content."""
    root = ElementTree.fromstring(content)
    urls = []
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in ("href", "url", "src"):
                urls.append(value)
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("link", "comments") and element.text and element.text.strip():
            urls.append(element.text.strip())
        if tag in ("encoded", "content", "description", "summary") and element.text:
            links = links_of(element.text)
            urls += links.urls
    return urls


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("path", ["/be/feed/", "/be/feed/atom/", "/be/politics/feed/"])
def test_feeds_name_the_host_they_were_read_on(client, story, host, path):
    response = client.get(path, headers={"host": host})
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries
    urls = feed_links(response.content)
    # Each item: its link, its photo and the links and images of its full text.
    assert len(urls) > 3 * len(feed.entries)
    for url in urls:
        assert urlsplit(url).netloc == host, (host, url)
    entry = next(entry for entry in feed.entries if entry.title == "Навіна з фота")
    assert entry.link == f"http://{host}{story.url}"
