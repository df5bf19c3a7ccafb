"""Onion-Location: Tor Browser offers our onion address for the page the reader is on."""

from urllib.parse import parse_qs, urlsplit

import pytest

from mirrors.models import Kind
from samizdat.pagecache import HitsFirst
from testing import RecordingApp, header_set, through

from .conftest import CDN, MAIN, MIRROR, ONION, configure

pytestmark = pytest.mark.django_db

OTHER_ONION = "other" + "b" * 51 + ".onion"


@pytest.mark.parametrize("host", [MAIN, MIRROR, CDN, "testserver"])
@pytest.mark.parametrize(
    "url", ["/be/", "/be/news/?page=2", "/be/search/?q=%D0%BD%D0%B0&page=1", "/be/no-such-page/"]
)
def test_html_under_main_and_mirror_hosts_names_the_same_page_on_the_onion(
    client, homes, mirrored, host, url
):
    response = client.get(url, headers={"host": host})
    assert response["Content-Type"].startswith("text/html")
    # The same page: the page cache puts query parameters in one order (samizdat.pagecache).
    onion = urlsplit(response["Onion-Location"])
    asked = urlsplit(url)
    assert (onion.scheme, onion.netloc, onion.path) == ("http", ONION, asked.path)
    assert parse_qs(onion.query) == parse_qs(asked.query)


def test_never_under_the_onion_address_itself(client, homes, mirrored):
    for url in ["/be/", "/be/news/", "/be/no-such-page/", "/be/blocked/"]:
        response = client.get(url, headers={"host": ONION})
        assert response.status_code in (200, 404)
        assert "Onion-Location" not in response, url


@pytest.mark.parametrize("url", ["/be/feed/", "/be/feed/atom/", "/mirrors.json", "/robots.txt"])
def test_not_on_responses_that_are_not_pages(client, homes, mirrored, url):
    response = client.get(url, headers={"host": MIRROR})
    assert response.status_code == 200
    assert "Onion-Location" not in response


def test_not_on_redirects(client, homes, mirrored):
    response = client.get("/be/news", headers={"host": MIRROR})
    assert response.status_code == 301
    assert "Onion-Location" not in response


def test_absent_when_no_onion_address_is_configured(
    client, homes, configured_hosts, django_capture_on_commit_callbacks
):
    configure((MIRROR, Kind.MIRROR), capture=django_capture_on_commit_callbacks)
    assert "Onion-Location" not in client.get("/be/", headers={"host": MIRROR})


def test_cached_pages_carry_the_header_of_the_host_they_are_served_on(client, homes, mirrored):
    """The onion host is served first, so its copy (without the header) is in the cache."""
    for host in [ONION, MIRROR, MAIN]:
        client.get("/be/news/", headers={"host": host})
    for host in [ONION, MIRROR, MAIN]:
        response = client.get("/be/news/", headers={"host": host})
        assert response["X-Page-Cache"] == "hit"
        if host == ONION:
            assert "Onion-Location" not in response
        else:
            assert response["Onion-Location"] == f"http://{ONION}/be/news/"


def test_cached_pages_follow_a_new_onion_address_at_once(
    client, homes, mirrored, django_capture_on_commit_callbacks
):
    client.get("/be/", headers={"host": MIRROR})
    configure(
        (MIRROR, Kind.MIRROR), (OTHER_ONION, Kind.ONION), capture=django_capture_on_commit_callbacks
    )
    response = client.get("/be/", headers={"host": MIRROR})
    assert response["X-Page-Cache"] == "hit"
    assert response["Onion-Location"] == f"http://{OTHER_ONION}/be/"
    assert "Onion-Location" not in client.get("/be/", headers={"host": OTHER_ONION})


def test_the_onion_header_names_the_readers_own_path_and_host(
    client, homes, mirrored, django_app, django_capture_on_commit_callbacks
):
    client.get("/be/news/?page=2", headers={"host": MIRROR})
    status, headers, _ = through(HitsFirst(django_app), "/be/news/?page=2", host=MIRROR)
    assert ("onion-location", f"http://{ONION}/be/news/?page=2") in header_set(headers)
    client.get("/be/news/?page=2", headers={"host": ONION})
    _, headers, _ = through(HitsFirst(django_app), "/be/news/?page=2", host=ONION)
    assert "onion-location" not in {name.lower() for name, _ in headers}
    assert django_app.passed == []


def test_a_new_mirror_configuration_is_followed_by_the_hit_path(
    client, homes, mirrored, django_app, django_capture_on_commit_callbacks
):
    client.get("/be/", headers={"host": MIRROR})
    other = "other" + "c" * 51 + ".onion"
    configure(
        (MIRROR, Kind.MIRROR), (other, Kind.ONION), capture=django_capture_on_commit_callbacks
    )
    _, headers, _ = through(HitsFirst(django_app), "/be/", host=MIRROR)
    assert ("onion-location", f"http://{other}/be/") in header_set(headers)


@pytest.fixture
def django_app():
    return RecordingApp()
