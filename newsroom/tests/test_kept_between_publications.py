"""What the site remembers between publications follows every change editors make.

The page cache is off here, so each request renders: what is tested is what is kept between
publications (samizdat.caching) and the remembered routes (newsroom.routing), not the page cache.
"""

import pytest
from wagtail.models import PageViewRestriction

from newsroom.models import SectionPage
from newsroom.structure import publish
from testing.factories import make_article, make_author, translate_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def navigation(html):
    start = html.index('class="site-nav"')
    return html[start : html.index("</nav>", start)]


def test_a_new_section_appears_in_the_navigation_once_published(client, homes):
    assert "Спорт" not in navigation(client.get("/be/").content.decode())
    publish(
        homes["be"].add_child(instance=SectionPage(title="Спорт", slug="sport", show_in_menus=True))
    )
    menu = navigation(client.get("/be/news/").content.decode())
    assert '<a href="/be/sport/">Спорт</a>' in menu


def test_a_renamed_section_is_renamed_in_the_navigation(client, homes):
    client.get("/be/")
    politics = SectionPage.objects.get(slug="politics", locale__language_code="be")
    politics.title = "Палітыка і ўлада"
    publish(politics)
    assert "Палітыка і ўлада" in navigation(client.get("/be/").content.decode())


def test_the_switcher_follows_a_translation_published_later(client, homes):
    article = make_article(title="Выбары ў Гродне")
    assert 'href="/ru/" hreflang="ru"' in client.get(article.url).content.decode()
    russian = translate_article(article, "ru", "Выборы в Гродно")
    html = client.get(article.url).content.decode()
    assert f'href="{russian.url}" hreflang="ru"' in html


def test_a_remembered_route_ends_when_the_article_is_unpublished(client, homes):
    article = make_article(title="Знятая навіна")
    assert client.get(article.url).status_code == 200
    assert client.get(article.url).status_code == 200  # served by the remembered route
    article.refresh_from_db()  # the factory's instance predates its publication
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_a_moved_article_is_found_at_its_new_address_only(client, homes):
    article = make_article(title="Пераехала")
    old_url = article.url
    client.get(old_url)
    article.refresh_from_db()
    article.slug = "novy-adras"
    publish(article)
    assert client.get(old_url).status_code == 404
    assert client.get("/be/news/novy-adras/").status_code == 200


def test_a_view_restriction_added_later_is_enforced(client, homes):
    article = make_article(title="Закрытая", lede="Сакрэтны першы абзац.")
    assert "Сакрэтны першы абзац." in client.get(article.url).content.decode()
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = client.get(article.url)
    assert "Сакрэтны першы абзац." not in response.content.decode()
    # Nor is it listed among the latest news of other pages.
    other = make_article(title="Адкрытая")
    assert "Закрытая" not in client.get(other.url).content.decode()


def test_a_renamed_author_is_renamed_in_the_byline(client, homes):
    author = make_author("Ганна Лясная")
    article = make_article(authors=[author])
    assert "Ганна Лясная" in client.get(article.url).content.decode()
    author.name = "Ганна Лясная-Бор"
    author.save()
    assert "Ганна Лясная-Бор" in client.get(article.url).content.decode()


def test_the_page_count_of_all_news_follows_publication(client, homes, settings):
    settings.NEWS_PAGE_SIZE = 2
    for number in range(3):
        make_article(title=f"Навіна {number}")
    assert "2" in pages_label(client.get("/be/news/").content.decode())
    for number in range(3, 5):
        make_article(title=f"Навіна {number}")
    assert "3" in pages_label(client.get("/be/news/").content.decode())
    assert client.get("/be/news/?page=3").status_code == 200


def pages_label(html):
    start = html.index('class="pagination"')
    label = html[start : html.index("</nav>", start)]
    return label.split("<span>")[1].split("</span>")[0]


def test_the_process_memo_hands_each_reader_its_own_copy_of_a_page(homes):
    from samizdat.caching import GenerationMemo

    memo = GenerationMemo(limit_bytes=1024 * 1024)
    article = make_article(title="Памятная навіна")
    memo.put(1, "page", article)
    first = memo.get(1, "page")
    first.comment_count = 99
    first.attached_by_a_render = True
    second = memo.get(1, "page")
    assert second.comment_count == 0
    assert not hasattr(second, "attached_by_a_render")


def test_the_process_memo_forgets_a_generation_and_stays_within_its_size():
    from samizdat.caching import GenerationMemo

    memo = GenerationMemo(limit_bytes=100)
    memo.put(1, "fragment", "<p>Абзац</p>")
    assert memo.get(1, "fragment") == "<p>Абзац</p>"
    assert memo.get(2, "fragment") is None
    memo.put(2, "other", "x" * 60)
    assert memo.get(1, "fragment") is None
    memo.put(2, "third", "y" * 60)  # over the limit: the oldest goes
    assert memo.get(2, "other") is None and memo.get(2, "third") == "y" * 60
    memo.put(2, "huge", "z" * 101)
    assert memo.get(2, "huge") is None and memo.get(2, "third") == "y" * 60


def test_a_full_process_memo_drops_what_was_read_longest_ago():
    from samizdat.caching import GenerationMemo

    memo = GenerationMemo(limit_bytes=100)
    for key in ("breaking", "older", "oldest"):
        memo.put(1, key, key[0] * 30)
    memo.get(1, "breaking")  # read again: a story readers are on
    memo.put(1, "new", "n" * 30)
    assert memo.get(1, "older") is None
    assert [memo.get(1, key) for key in ("breaking", "oldest", "new")] == [
        "b" * 30,
        "o" * 30,
        "n" * 30,
    ]
    memo.put(1, "new", "m" * 40)  # stored again: counted once
    assert memo.get(1, "breaking") == "b" * 30 and memo.get(1, "new") == "m" * 40
