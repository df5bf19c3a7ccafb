"""Site administrators add and remove host names in the admin; no deploy, no restart."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from mirrors import hosts
from mirrors.models import Kind, MirrorHost, MirrorSettings
from samizdat import caching

from .conftest import MIRROR, ONION, configure

pytestmark = pytest.mark.django_db

NEW_MIRROR = "new-mirror.example"
MENU_URL = "/admin/settings/mirrors/mirrorsettings/"


def edit_url():
    return f"{MENU_URL}{MirrorSettings.load().pk}/"


@pytest.fixture
def admin(db, configured_hosts):
    user = User.objects.create_superuser("admin", password="pass-for-tests-only")
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def rows(*entries):
    """The inline formset of the setting, with existing rows kept by their ids."""
    forms = []
    for entry in entries:
        form = {"host": entry["host"], "kind": entry["kind"], "listed": entry.get("listed", True)}
        if "id" in entry:
            form["id"] = entry["id"]
        if entry.get("delete"):
            form["DELETE"] = "1"
        forms.append(form)
    return nested_form_data({"hosts": inline_formset(forms, initial=initial_count(entries))})


def initial_count(entries):
    return sum("id" in entry for entry in entries)


def save_in_admin(admin, capture, *entries):
    with capture(execute=True):
        return admin.post(edit_url(), rows(*entries))


def test_the_setting_is_in_the_settings_menu(admin):
    assert reverse("wagtailsettings:edit", args=["mirrors", "mirrorsettings"]) == MENU_URL
    response = admin.get(MENU_URL, follow=True)
    assert response.status_code == 200
    assert "hosts-TOTAL_FORMS" in response.content.decode()


def test_a_new_mirror_is_served_right_after_saving(
    admin, client, homes, django_capture_on_commit_callbacks
):
    assert client.get("/be/", headers={"host": NEW_MIRROR}).status_code == 400
    response = save_in_admin(
        admin, django_capture_on_commit_callbacks, {"host": NEW_MIRROR, "kind": Kind.MIRROR}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(MirrorHost.objects.values_list("host", flat=True)) == [NEW_MIRROR]
    assert client.get("/be/", headers={"host": NEW_MIRROR}).status_code == 200


def test_a_removed_mirror_is_refused_after_saving(
    admin, client, homes, django_capture_on_commit_callbacks
):
    configure((MIRROR, Kind.MIRROR), capture=django_capture_on_commit_callbacks)
    assert client.get("/be/", headers={"host": MIRROR}).status_code == 200
    stored = MirrorHost.objects.get()
    save_in_admin(
        admin,
        django_capture_on_commit_callbacks,
        {"id": stored.pk, "host": MIRROR, "kind": Kind.MIRROR, "delete": True},
    )
    assert not MirrorHost.objects.exists()
    assert client.get("/be/", headers={"host": MIRROR}).status_code == 400


def test_other_processes_follow_within_the_short_cache_time(
    client, homes, mirrored, django_capture_on_commit_callbacks
):
    """Another process saved the setting: this one learns it from the shared cache."""
    assert client.get("/be/", headers={"host": MIRROR}).status_code == 200
    # What the other process's save leaves behind: new rows and a new shared snapshot.
    # This process still holds its own copy, as a separate process would.
    local_copy = hosts.current()
    MirrorHost.objects.filter(host=MIRROR).delete()
    hosts.publish()
    hosts.remember(local_copy)
    with time_machine.travel(timedelta(seconds=caching.LOCAL_HOST_NAMES.seconds - 1), tick=False):
        assert client.get("/be/", headers={"host": MIRROR}).status_code == 200
    with time_machine.travel(timedelta(seconds=caching.LOCAL_HOST_NAMES.seconds + 1), tick=False):
        assert client.get("/be/", headers={"host": MIRROR}).status_code == 400
        assert client.get("/be/", headers={"host": ONION}).status_code == 200


def test_a_page_cache_hit_costs_no_query_for_the_host_names(
    client, homes, mirrored, django_assert_num_queries
):
    client.get("/be/", headers={"host": MIRROR})
    with django_assert_num_queries(0):
        response = client.get("/be/", headers={"host": MIRROR})
    assert response.headers["X-Page-Cache"] == "hit"


def test_unknown_hosts_are_refused_even_from_the_page_cache(client, homes, mirrored):
    client.get("/be/", headers={"host": MIRROR})
    assert client.get("/be/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/be/", headers={"host": f"x.{MIRROR}"}).status_code == 400


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("https://Mirror-Two.Example/be/", "mirror-two.example"),
        ("  mirror-two.example.  ", "mirror-two.example"),
        ("люстэрка.бел", "xn--80atcueg1ff.xn--90ais"),  # as the idna package encodes it
    ],
)
def test_typed_addresses_are_stored_as_host_names(
    admin, django_capture_on_commit_callbacks, typed, stored
):
    response = save_in_admin(
        admin, django_capture_on_commit_callbacks, {"host": typed, "kind": Kind.MIRROR}
    )
    assert response.status_code == 302
    assert MirrorHost.objects.get().host == stored


HOST_ERROR = "Enter a host name such as mirror.example.org."
ONION_ERROR = "Enter a v3 onion address"


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([{"host": "", "kind": Kind.MIRROR}], "This field is required."),
        ([{"host": "not a host", "kind": Kind.MIRROR}], HOST_ERROR),
        ([{"host": "*", "kind": Kind.MIRROR}], HOST_ERROR),
        ([{"host": ".example.org", "kind": Kind.MIRROR}], HOST_ERROR),
        ([{"host": "mirror.example:8080", "kind": Kind.MIRROR}], HOST_ERROR),
        ([{"host": "x" * 300 + ".example", "kind": Kind.MIRROR}], "at most 253 characters"),
        ([{"host": "<script>alert(1)</script>", "kind": Kind.CDN}], HOST_ERROR),
        ([{"host": ONION, "kind": Kind.MIRROR}], "Onion addresses go in an entry"),
        ([{"host": "mirror.example", "kind": Kind.ONION}], ONION_ERROR),
        ([{"host": "short.onion", "kind": Kind.ONION}], ONION_ERROR),
        (
            [{"host": MIRROR, "kind": Kind.MIRROR}, {"host": MIRROR.upper(), "kind": Kind.CDN}],
            "Each host name may be listed only once.",
        ),
        (
            [{"host": ONION, "kind": Kind.ONION}, {"host": "b" * 56 + ".onion", "kind": "onion"}],
            "Only one onion address can be set.",
        ),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    admin, client, homes, django_capture_on_commit_callbacks, entries, message
):
    configure((NEW_MIRROR, Kind.MIRROR), capture=django_capture_on_commit_callbacks)
    before = list(MirrorHost.objects.values_list("host", "kind", "updated_at"))
    existing = {"id": MirrorHost.objects.get().pk, "host": NEW_MIRROR, "kind": Kind.MIRROR}
    response = save_in_admin(admin, django_capture_on_commit_callbacks, existing, *entries)
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert message in html
    assert "<script>alert(1)</script>" not in html
    assert list(MirrorHost.objects.values_list("host", "kind", "updated_at")) == before
    assert client.get("/be/", headers={"host": NEW_MIRROR}).status_code == 200


@pytest.mark.parametrize(
    ("language", "message"),
    [("be", "Увядзіце імя хоста"), ("ru", "Введите имя хоста"), ("en", "Enter a host name")],
)
def test_errors_speak_the_editors_language(admin, language, message):
    response = admin.post(
        edit_url(),
        rows({"host": "not a host", "kind": Kind.MIRROR}),
        headers={"accept-language": language},
    )
    assert response.status_code == 200
    assert message in response.content.decode()


def test_dates_record_when_an_entry_was_added_and_last_changed(
    admin, django_capture_on_commit_callbacks
):
    with time_machine.travel("2026-11-01 10:00:00+00:00", tick=False):
        save_in_admin(
            admin, django_capture_on_commit_callbacks, {"host": MIRROR, "kind": Kind.MIRROR}
        )
    entry = MirrorHost.objects.get()
    with time_machine.travel("2026-11-05 10:00:00+00:00", tick=False):
        save_in_admin(  # saved again unchanged: the dates stay
            admin,
            django_capture_on_commit_callbacks,
            {"id": entry.pk, "host": MIRROR, "kind": Kind.MIRROR},
        )
    entry.refresh_from_db()
    assert entry.created_at == entry.updated_at
    with time_machine.travel("2026-11-09 10:00:00+00:00", tick=False):
        save_in_admin(
            admin,
            django_capture_on_commit_callbacks,
            {"id": entry.pk, "host": MIRROR, "kind": Kind.CDN},
        )
    entry.refresh_from_db()
    assert entry.created_at.day == 1 and entry.updated_at.day == 9


def test_csrf_trusts_configured_hosts_behind_a_tls_terminating_cdn(
    db, configured_hosts, django_capture_on_commit_callbacks
):
    """The CDN speaks plain HTTP to us; the editor's browser says Origin: https://<cdn>."""
    User.objects.create_superuser("admin", password="pass-for-tests-only")
    configure((NEW_MIRROR, Kind.CDN), capture=django_capture_on_commit_callbacks)

    def sign_in(origin):
        browser = Client(enforce_csrf_checks=True)
        browser.get("/admin/login/", headers={"host": NEW_MIRROR})
        token = browser.cookies["csrftoken"].value
        return browser.post(
            "/admin/login/",
            {"username": "admin", "password": "pass-for-tests-only", "csrfmiddlewaretoken": token},
            headers={"host": NEW_MIRROR, "origin": origin},
        )

    assert sign_in(f"https://{NEW_MIRROR}").status_code == 302
    assert sign_in("https://attacker.example").status_code == 403
    configure(capture=django_capture_on_commit_callbacks)
    assert Client().get("/admin/login/", headers={"host": NEW_MIRROR}).status_code == 400


def test_the_setting_is_a_single_row(db):
    assert MirrorSettings.load().pk == MirrorSettings.load().pk
