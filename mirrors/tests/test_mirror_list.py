"""/mirrors.json: the mirror list in the format of the Bypass Censorship tools."""

import json
from datetime import datetime

import pytest
import time_machine

from mirrors.models import Kind

from .conftest import CDN, MAIN, MIRROR, ONION, configure

pytestmark = pytest.mark.django_db

ENTRY_KEYS = {"proto", "type", "created_at", "updated_at", "url"}


def mirror_list(client, host=MAIN):
    response = client.get("/mirrors.json", headers={"host": host})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def validate(document):
    """The structure the extension reads; raises AssertionError on any deviation."""
    assert set(document) == {"version", "sites"}
    assert document["version"] == "2.0"
    assert isinstance(document["sites"], list) and len(document["sites"]) == 1
    site = document["sites"][0]
    assert set(site) == {"main_domain", "available_alternatives"}
    assert "://" not in site["main_domain"] and not site["main_domain"].startswith("www.")
    for entry in site["available_alternatives"]:
        assert set(entry) == ENTRY_KEYS
        assert (entry["proto"], entry["type"]) in {("https", "mirror"), ("tor", "eotk")}
        scheme = "http" if entry["proto"] == "tor" else "https"
        assert entry["url"].startswith(f"{scheme}://")
        for key in ("created_at", "updated_at"):
            datetime.strptime(entry[key], "%Y-%m-%d %H:%M:%S.%f")
    return site


def test_lists_mirrors_cdn_hosts_and_the_onion_in_the_tools_format(
    client, homes, configured_hosts, django_capture_on_commit_callbacks
):
    with time_machine.travel("2026-11-20 08:30:00+00:00", tick=False):
        configure(
            (MIRROR, Kind.MIRROR), (CDN, Kind.CDN), (ONION, Kind.ONION),
            capture=django_capture_on_commit_callbacks,
        )  # fmt: skip
    site = validate(mirror_list(client))
    assert site["main_domain"] == MAIN
    assert site["available_alternatives"] == [
        {"proto": "https", "type": "mirror", "url": f"https://{MIRROR}",
         "created_at": "2026-11-20 08:30:00.000000", "updated_at": "2026-11-20 08:30:00.000000"},
        {"proto": "https", "type": "mirror", "url": f"https://{CDN}",
         "created_at": "2026-11-20 08:30:00.000000", "updated_at": "2026-11-20 08:30:00.000000"},
        {"proto": "tor", "type": "eotk", "url": f"http://{ONION}",
         "created_at": "2026-11-20 08:30:00.000000", "updated_at": "2026-11-20 08:30:00.000000"},
    ]  # fmt: skip


def test_main_domain_drops_www(client, homes, mirrored, settings):
    settings.CANONICAL_BASE_URL = "https://www.samizdat.example"
    assert validate(mirror_list(client))["main_domain"] == "samizdat.example"


def test_unlisted_hosts_are_served_but_not_announced(
    client, homes, configured_hosts, django_capture_on_commit_callbacks
):
    configure(
        (MIRROR, Kind.MIRROR), ("private.example", Kind.MIRROR, False),
        capture=django_capture_on_commit_callbacks,
    )  # fmt: skip
    urls = [entry["url"] for entry in validate(mirror_list(client))["available_alternatives"]]
    assert urls == [f"https://{MIRROR}"]
    assert client.get("/be/", headers={"host": "private.example"}).status_code == 200


def test_empty_list_is_still_valid(client, homes, configured_hosts):
    assert validate(mirror_list(client))["available_alternatives"] == []


def test_the_same_list_under_every_host(client, homes, mirrored):
    assert mirror_list(client, MAIN) == mirror_list(client, MIRROR) == mirror_list(client, ONION)


def test_saving_the_setting_changes_the_list_at_once(
    client, homes, mirrored, django_capture_on_commit_callbacks
):
    assert len(validate(mirror_list(client))["available_alternatives"]) == 3
    configure(("fresh.example", Kind.MIRROR), capture=django_capture_on_commit_callbacks)
    urls = [e["url"] for e in validate(mirror_list(client))["available_alternatives"]]
    assert urls == ["https://fresh.example"]


def test_is_cached_and_costs_no_query(client, homes, mirrored, django_assert_num_queries):
    mirror_list(client)
    with django_assert_num_queries(0):
        response = client.get("/mirrors.json", headers={"host": MIRROR})
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.cookies


def test_only_get(client, homes, mirrored):
    assert client.post("/mirrors.json", headers={"host": MIRROR}).status_code == 405
