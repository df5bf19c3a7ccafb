"""Hostile or broken URLs get a proper 404 or a sensible page, never a 500."""

import pytest
from django.test import Client

from testing.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", "99999", "", "%00", "9" * 400])
def test_bad_page_numbers_fall_back_to_a_real_page(client, homes, page):
    make_article()
    response = client.get(f"/be/news/?page={page}")
    assert response.status_code == 200
    assert "Навіна дня" in response.content.decode()


def test_unknown_language_prefix_ends_in_404(client, homes):
    response = client.get("/de/", follow=True)
    assert response.status_code == 404


def test_unknown_slug_is_404_in_the_readers_language(client, homes):
    response = client.get("/ru/news/no-such-story/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ru">' in html
    assert "Страница не найдена" in html


def test_overlong_url_is_404(client, homes):
    response = client.get("/be/news/" + "a" * 5000 + "/")
    assert response.status_code == 404


def test_deeply_nested_path_is_404(client, homes):
    response = client.get("/be/" + "x/" * 500)
    assert response.status_code == 404


def test_non_utf8_bytes_in_path_are_404(homes):
    client = Client(raise_request_exception=False)
    for path in ["/be/news/%FF%FE/", "/be/%C3%28/", "/%E2%82/"]:
        response = client.get(path, follow=True)
        assert response.status_code == 404, path


def test_server_error_page_is_styled_and_translated(client, homes, settings):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("en"):
        html = render_to_string("500.html")
    assert "Something went wrong" in html
    with translation.override("be"):
        html = render_to_string("500.html")
    assert '<html lang="be">' in html
    assert "Something went wrong" not in html
