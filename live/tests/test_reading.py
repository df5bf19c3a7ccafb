"""Readers of a live blog: the page at its own address, entries newest first, paging."""

import pytest

from testing.live import draft, make_live_blog, post

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def blog(homes):
    return make_live_blog()


def test_the_live_page_shows_summary_and_entries_newest_first(client, blog):
    first = post(blog, "Першае паведамленне.")
    second = post(blog, "Другое паведамленне.")

    response = client.get(f"/be/live/{blog.slug}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Што вядома на гэты час." in html
    assert html.index(f'id="update-{second.pk}"') < html.index(f'id="update-{first.pk}"')
    assert f'data-latest="{second.sequence}"' in html


def test_the_news_tree_address_leads_to_the_live_address(client, blog):
    response = client.get(f"/be/news/{blog.slug}/")

    assert response.status_code == 301
    assert response["Location"] == f"/be/live/{blog.slug}/"
    assert blog.url == f"/be/live/{blog.slug}/"


def test_drafts_never_reach_readers(client, blog):
    post(blog, "Надрукавана.")
    draft(blog, "Чарнавік рэдакцыі.")

    html = client.get(f"/be/live/{blog.slug}/").content.decode()

    assert "Надрукавана." in html
    assert "Чарнавік рэдакцыі." not in html


def test_lists_mark_an_open_live_blog(client, blog):
    from testing.factories import make_article

    make_article(title="Звычайная навіна")

    html = client.get("/be/news/").content.decode()

    mark = '<span class="live-mark">ОНЛАЙН</span> '
    assert html.count(mark) == 1
    assert html.index(mark) < html.index(blog.title)


def test_comments_and_likes_are_on_the_live_page_as_on_articles(client, blog):
    html = client.get(f"/be/live/{blog.slug}/").content.decode()

    assert 'id="comments"' in html
    assert "readership.js" in html and "live/live.js" in html


def test_every_list_links_the_live_blog_at_its_own_address(client, blog):
    # Lists load stories as articles; a link to /be/news/<slug>/ would answer 301.
    import re

    from testing.factories import make_article

    make_article(title="Звычайная навіна")
    own = f'href="/be/live/{blog.slug}/"'
    for path in ("/be/", "/be/news/", blog.section.url, f"/be/live/{blog.slug}/"):
        html = client.get(path).content.decode()
        assert own in html or path == blog.url, path
        assert f"/be/news/{blog.slug}/" not in html, path
        for link in set(re.findall(r'href="(/be/[^"#?]*)"', html)):
            assert client.get(link).status_code != 301, (path, link)


def test_the_sitemap_and_the_language_switcher_name_the_live_address(client, blog):
    from django.conf import settings

    sitemap = client.get("/sitemap.xml").content.decode()
    page = client.get("/be/").content.decode()

    main = settings.CANONICAL_BASE_URL.rstrip("/")
    assert f"{main}/be/live/{blog.slug}/" in sitemap
    assert f"/be/news/{blog.slug}/" not in sitemap
    assert f"/be/news/{blog.slug}/" not in page


def test_a_pinned_entry_is_shown_first_and_says_it_is_pinned(client, blog):
    pinned = post(blog, "Важнае для ўсіх.", pinned=True)
    later = post(blog, "Пазнейшае.")

    html = client.get(f"/be/live/{blog.slug}/").content.decode()

    top = html.index(f'id="pinned-update-{pinned.pk}"')
    assert top < html.index(f'id="update-{later.pk}"')
    assert "Замацавана" in html[top : html.index(f'id="update-{later.pk}"')]
