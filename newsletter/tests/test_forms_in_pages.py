import pytest

from testing.factories import make_article

pytestmark = pytest.mark.django_db

LABEL = {
    "be": "Атрымлівайце нашу рассылку на e-mail",
    "ru": "Получайте нашу рассылку на e-mail",
    "en": "Get our newsletter by e-mail",
}


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_the_subscribe_form_is_on_the_main_page_articles_lite_and_blocked_pages(
    client, homes, language
):
    article = make_article("Story", language)
    pages = [
        f"/{language}/",
        article.url,
        f"/{language}/lite/",
        f"/{language}/lite/{article.slug}/",
        f"/{language}/blocked/",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert f'action="/{language}/newsletter/"' in html, url
        assert LABEL[language] in html, url
