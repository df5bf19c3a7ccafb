"""The public "What we count" page, in every language and linked from every footer."""

import pytest

from testing.factories import make_article

pytestmark = pytest.mark.django_db

TITLES = {"be": "Што мы лічым", "ru": "Что мы считаем", "en": "What we count"}


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_the_page_says_what_is_stored_in_each_language(client, homes, language):
    response = client.get(f"/{language}/what-we-count/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="page-title">{TITLES[language]}</h1>' in html
    assert "600" in html and " 30 " in html  # the cap and the days hours are kept
    assert not response.cookies


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_every_footer_links_to_it(client, homes, language):
    article = make_article(language=language)
    link = f'href="/{language}/what-we-count/"'
    for path in (f"/{language}/", article.url, f"/{language}/lite/", f"/{language}/blocked/"):
        html = client.get(path, follow=True).content.decode()
        footer = html.split("<footer")[-1]
        assert link in footer, path
