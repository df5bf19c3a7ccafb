"""Parts of an article page kept between publications never hide a change from readers.

The page cache is off, so every request renders: each test renders once (filling the
remembered route and the fragments), changes something the way editors or the comments
app do, and reads the next render.
"""

import re

import pytest
from django.test import Client
from wagtail.rich_text import RichText

from newsroom.models import ArticlePage, refresh_between_publications
from testing.factories import (
    hours_ago,
    make_article,
    make_author,
    make_image,
    translate_article,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def read(article):
    response = Client().get(article.url)
    assert response.status_code == 200
    return response.content.decode()


def latest_news(html):
    start = html.index('id="latest-title"')
    return html[start : html.index("</section>", start)]


def test_an_edited_and_published_article_shows_its_new_text(homes):
    article = make_article(title="Першая версія", lede="Старая лідка.")
    assert "Старая лідка." in read(article)
    article.refresh_from_db()
    article.title = "Другая версія"
    article.lede = "Новая лідка."
    article.body = [("paragraph", RichText("<p>Дапісаны абзац.</p>"))]
    article.save_revision().publish()
    html = read(article)
    assert "Другая версія" in html and "Новая лідка." in html and "Дапісаны абзац." in html
    assert "Першая версія" not in html and "Старая лідка." not in html


def test_a_new_byline_shows_once_the_edit_is_published(homes):
    article = make_article(title="Без подпісу")
    read(article)
    article.refresh_from_db()
    article.bylines.create(author=make_author("Сцяпан Жук"))
    article.save_revision().publish()
    assert '">Сцяпан Жук</a></span>' in read(article)


def test_a_photo_credit_edited_in_the_library_shows_at_once(homes):
    photo = make_image(credit="Фота: Агенцтва")
    article = make_article(title="З фотаздымкам", image=photo)
    assert "Фота: Агенцтва" in read(article)
    photo.credit = "Фота: Наш карэспандэнт"
    photo.save()
    html = read(article)
    assert "Фота: Наш карэспандэнт" in html and "Фота: Агенцтва" not in html


def test_a_new_article_joins_latest_news_under_the_others(homes):
    older = make_article(title="Ранішняя навіна", published_at=hours_ago(2))
    assert "Вячэрняя навіна" not in read(older)
    make_article(title="Вячэрняя навіна")
    assert "Вячэрняя навіна" in latest_news(read(older))


def count_of(html, article):
    """The number in an article's comment count badge."""
    start = html.index(f'data-comment-count="{article.pk}"')
    start = html.index("</span>", start) + len("</span>")
    return int(html[start : html.index("<", start)])


def test_comment_counts_are_read_afresh_in_the_header_and_in_latest_news(homes):
    """The comments app updates the count without a publication (one SQL UPDATE)."""
    other = make_article(title="Суседняя навіна", published_at=hours_ago(1))
    article = make_article(title="Навіна з каментарамі")
    html = read(article)
    assert count_of(html, article) == 0 and count_of(latest_news(html), other) == 0
    ArticlePage.objects.filter(pk=article.pk).update(comment_count=7)
    ArticlePage.objects.filter(pk=other.pk).update(comment_count=3)
    html = read(article)
    assert count_of(html, article) == 7
    assert count_of(latest_news(html), other) == 3


def test_an_update_time_moved_without_publication_shows_at_once(homes):
    """Corrections move last_published_at with an UPDATE, not a new revision."""
    article = make_article(title="Навіна без абнаўлення", published_at=hours_ago(5))
    assert 'class="updated"' not in read(article)
    ArticlePage.objects.filter(pk=article.pk).update(last_published_at=hours_ago(1))
    assert 'class="updated"' in read(article)


def test_the_fresh_counts_and_times_are_what_the_orm_reads(homes):
    """refresh_between_publications writes its statement by hand: it must read the same
    values, of the same types (aware datetimes on SQLite too), as the ORM."""
    articles = [
        make_article(title="Першая", published_at=hours_ago(3)),
        make_article(title="Другая", published_at=hours_ago(2)),
    ]
    ArticlePage.objects.filter(pk=articles[0].pk).update(
        comment_count=4, last_published_at=hours_ago(1)
    )
    for article in articles:
        article.comment_count, article.last_published_at = -1, None
    refresh_between_publications(articles)
    orm = ArticlePage.objects.filter(pk__in=[a.pk for a in articles]).order_by("pk")
    expected = list(orm.values_list("pk", "comment_count", "last_published_at"))
    assert [(a.pk, a.comment_count, a.last_published_at) for a in articles] == expected
    assert all(a.last_published_at.tzinfo is not None for a in articles)


def test_a_preview_shows_the_draft_not_the_published_text(homes):
    article = make_article(title="Апублікаваны загаловак")
    read(article)
    article.refresh_from_db()
    article.title = "Чарнавы загаловак"
    draft = article.save_revision().as_object()
    preview = draft.make_preview_request().content.decode()
    assert '<h1 class="article__headline">Чарнавы загаловак</h1>' in preview
    assert '<h1 class="article__headline">Апублікаваны загаловак</h1>' in read(article)


def test_the_same_article_renders_the_same_from_the_fragments(homes):
    article = make_article(title="Двойчы", image=make_image(), authors=[make_author()])
    first, second = read(article), read(article)

    def without_token(html):
        start = html.index('name="token"')
        return html[:start] + html[html.index(">", start) :]

    assert without_token(first) == without_token(second)


def test_an_address_that_leads_nowhere_is_still_a_404(client, homes):
    article = make_article(title="Існуючая навіна")
    assert client.get(article.url + "dalej/").status_code == 404
    assert client.get("/be/news/nijakaj-navіny/").status_code == 404


def test_slot_html_kept_between_publications_is_each_articles_own(homes):
    """The typo dialog and the lite links are kept per article: the second article read
    does not get the first one's."""
    first, second = make_article(title="Першая навіна"), make_article(title="Другая навіна")
    for article in (first, second, first):
        html = read(article)
        assert f'data-page="{article.pk}"' in html
        assert html.count(f'href="/be/lite/{article.slug}/"') == 2  # <head> and the body


def test_the_lite_links_follow_a_new_address_once_published(homes):
    article = make_article(title="Навіна з новым адрасам")
    assert f'href="/be/lite/{article.slug}/"' in read(article)
    article.slug = "new-address"
    article.save_revision().publish()
    article.refresh_from_db()
    html = read(article)
    assert html.count('href="/be/lite/new-address/"') == 2


def test_kept_alternates_name_the_host_each_reader_used(homes, settings):
    """hreflang alternates are absolute: kept per host, a mirror's reader gets the mirror."""
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.net"]
    article = make_article(title="Навіна на люстэрку")
    translate_article(article, "en", "News on a mirror")
    for host in ("testserver", "mirror.example.net", "testserver"):
        html = Client(HTTP_HOST=host).get(article.url).content.decode()
        alternates = re.findall(r'<link rel="alternate" hreflang="[^"]*" href="([^"]*)">', html)
        assert len(alternates) == 2 and all(a.startswith(f"http://{host}/") for a in alternates)


def test_the_kept_navigation_marks_the_page_read_if_it_is_in_the_menu(homes):
    article = make_article(title="Навіна з раздзела")
    client = Client()
    for url, current in [
        ("/be/politics/", "/be/politics/"),
        (article.url, None),
        ("/be/", "/be/"),
        ("/be/politics/", "/be/politics/"),
    ]:
        html = client.get(url).content.decode()
        marked = re.findall(r'<a href="([^"]*)" aria-current="page">', html)
        assert marked == ([current] if current else []), (url, marked)
