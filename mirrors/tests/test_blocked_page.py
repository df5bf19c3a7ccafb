"""The "If we are blocked" page, in each language, and the footer link to it."""

import pytest

from .conftest import CDN, MIRROR, ONION

pytestmark = pytest.mark.django_db

HEADINGS = {
    "be": ("Калі сайт заблакаваны", "Люстэркі", "Стужкі навін", "Лёгкая версія", "Беражыце сябе"),
    "ru": (
        "Если сайт заблокирован",
        "Зеркала",
        "Ленты новостей",
        "Лёгкая версия",
        "Берегите себя",
    ),
    "en": ("If we are blocked", "Mirrors", "News feeds", "Lite version", "Stay safe"),
}


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_explains_every_way_to_reach_us_in_the_readers_language(client, homes, mirrored, language):
    response = client.get(f"/{language}/blocked/", headers={"host": MIRROR})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    for heading in HEADINGS[language]:
        assert heading in html
    assert f'href="https://{MIRROR}/{language}/"' in html
    assert f'href="https://{CDN}/{language}/"' in html
    assert f'href="http://{ONION}/{language}/"' in html
    assert 'href="/mirrors.json"' in html
    assert f'href="/{language}/feed/"' in html and f'href="/{language}/feed/atom/"' in html
    assert f'href="/{language}/lite/"' in html
    assert "Tor Browser" in html and "VPN" in html
    other = {"be", "ru", "en"} - {language}
    for code in other:
        assert HEADINGS[code][0] not in html


def test_without_mirrors_says_so(client, homes, configured_hosts):
    html = client.get("/en/blocked/").content.decode()
    assert "There are no mirrors at the moment." in html
    assert ".onion" not in html


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_every_page_footer_links_to_it(client, homes, mirrored, language):
    for url in [f"/{language}/", f"/{language}/news/", f"/{language}/no-such-page/"]:
        html = client.get(url, headers={"host": MIRROR}).content.decode()
        footer = html.split('<footer class="site-footer">', 1)[1]
        assert f'<a href="/{language}/blocked/">{HEADINGS[language][0]}</a>' in footer, url


def test_cached_copy_follows_a_saved_change(
    client, homes, mirrored, django_capture_on_commit_callbacks
):
    from mirrors.models import Kind

    from .conftest import configure

    client.get("/en/blocked/", headers={"host": MIRROR})
    assert client.get("/en/blocked/", headers={"host": MIRROR})["X-Page-Cache"] == "hit"
    configure((MIRROR, Kind.MIRROR), ("fresh.example", Kind.MIRROR),
              capture=django_capture_on_commit_callbacks)  # fmt: skip
    html = client.get("/en/blocked/", headers={"host": MIRROR}).content.decode()
    assert "https://fresh.example/en/" in html and ONION not in html
