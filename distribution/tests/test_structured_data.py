"""JSON-LD, Open Graph and canonical links, read back with a real extractor."""

import extruct
import pytest

from testing.factories import make_article, make_author, make_image

pytestmark = pytest.mark.django_db
MAIN = "https://news.example.org"


@pytest.fixture(autouse=True)
def main_domain(settings):
    settings.CANONICAL_BASE_URL = MAIN


@pytest.fixture
def article(homes):
    return make_article(
        title='Загаловак з "двукоссем" і </script>',
        lede="Лід артыкула.",
        authors=[make_author("Алеся Дзямідава")],
        image=make_image(size=(1600, 900)),
    )


def extract(client, url):
    html = client.get(url).content.decode()
    return html, extruct.extract(html, base_url=MAIN, syntaxes=["json-ld", "opengraph"])


def test_article_has_a_complete_news_article(client, article):
    _html, data = extract(client, article.url)
    (news,) = data["json-ld"]
    assert news["@type"] == "NewsArticle"
    assert news["headline"] == article.title
    assert news["description"] == "Лід артыкула."
    assert news["inLanguage"] == "be"
    assert news["author"] == [
        {
            "@type": "Person",
            "name": "Алеся Дзямідава",
            "url": "https://news.example.org/be/authors/alesja-dzjamidava/",
        }
    ]
    assert news["publisher"]["name"] == "Samizdat"
    assert news["publisher"]["logo"]["url"].startswith(MAIN)
    assert news["mainEntityOfPage"]["@id"] == f"{MAIN}{article.url}"
    assert news["image"][0].startswith(f"{MAIN}/media/")
    assert news["datePublished"] and news["dateModified"]


def test_hostile_headline_cannot_break_out_of_the_json(client, article):
    html, _ = extract(client, article.url)
    block = html[html.index('application/ld+json">') :]
    assert "</script>" not in block[: block.index("</script>")].replace("\\u003c/script", "")


def test_open_graph_twitter_and_canonical(client, article):
    html, data = extract(client, article.url)
    og = dict(data["opengraph"][0]["properties"])
    assert og["og:type"] == "article" and og["og:title"] == article.title
    assert og["og:url"] == f"{MAIN}{article.url}"
    assert og["og:image"].startswith(f"{MAIN}/media/")
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<link rel="canonical" href="{MAIN}{article.url}">' in html


def test_other_pages_have_a_canonical_link_only(client, homes):
    html = client.get("/ru/news/").content.decode()
    assert f'<link rel="canonical" href="{MAIN}/ru/news/">' in html
    assert "application/ld+json" not in html


def test_corrections_appear_in_the_news_article(client, article):
    from corrections.models import Correction

    Correction.objects.create(article=article, text="Раней тут была няправільная дата.")
    _html, data = extract(client, article.url)
    (note,) = data["json-ld"][0]["correction"]
    assert note["@type"] == "CorrectionComment"
    assert note["text"] == "Раней тут была няправільная дата."
