"""What a page is stored under: every copy of a path goes with its purge, junk hosts and
junk parameters change nothing, and one client cannot make the servers render at will."""

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from comments import services
from comments.models import Action, Comment
from testing.comments import form_post
from testing.factories import make_article
from testing.purges import sent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("policy")]

HIDDEN = "Каментар, які мадэратар схавае"


@pytest.fixture
def article(homes):
    return make_article(title="Навіна пад кэшам")


def cached(url, **headers):
    Client(headers=headers).get(url)
    response = Client(headers=headers).get(url)
    assert response.get("X-Page-Cache") == "hit", url
    return response


def fresh(url, **headers):
    return Client(headers=headers).get(url).content.decode()


def post_then_hide(article, capture):
    with capture(execute=True):
        form_post(Client(), article, text=HIDDEN)
    return Comment.objects.get(text=HIDDEN)


def hide(comment, capture):
    moderator = User.objects.create_user("moderator", password="pass-for-tests-only")
    with capture(execute=True):
        services.apply(comment, Action.HIDE, moderator)


@pytest.mark.parametrize("query", ["?page=2", "?images=1", "?q=x"])
def test_a_hidden_comment_leaves_every_copy_of_the_page(
    article, query, django_capture_on_commit_callbacks
):
    comment = post_then_hide(article, django_capture_on_commit_callbacks)
    assert HIDDEN in cached(article.url + query).content.decode()
    hide(comment, django_capture_on_commit_callbacks)
    assert HIDDEN not in fresh(article.url + query)


def test_junk_host_names_do_not_crowd_out_the_mirrors(
    article, settings, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "mirror.example.net"]
    comment = post_then_hide(article, django_capture_on_commit_callbacks)
    for port in range(60):
        Client(headers={"host": f"127.0.0.1:{20000 + port}"}).get(article.url)
    assert HIDDEN in cached(article.url, host="mirror.example.net").content.decode()
    hide(comment, django_capture_on_commit_callbacks)
    assert HIDDEN not in fresh(article.url, host="mirror.example.net")


def test_copies_are_kept_only_for_the_configured_names(article, settings):
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
    junk = Client(headers={"host": "127.0.0.1:20001"})
    junk.get(article.url)
    assert junk.get(article.url).status_code == 200
    assert "X-Page-Cache" not in junk.get(article.url)


def test_the_proxy_is_purged_for_the_configured_names_only(
    article,
    proxy,  # noqa: F811 (the fixture imported above)
    settings,
    django_capture_on_commit_callbacks,
):
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "mirror.example.net"]
    comment = post_then_hide(article, django_capture_on_commit_callbacks)
    for port in range(60):
        Client(headers={"host": f"127.0.0.1:{20000 + port}"}).get(article.url)
    Client(headers={"host": "mirror.example.net"}).get(article.url)
    sent(proxy).clear()
    hide(comment, django_capture_on_commit_callbacks)
    hosts = {host for host, path in sent(proxy) if path == article.url}
    assert {"mirror.example.net", "news.example.org", "testserver"} <= hosts
    assert not {host for host in hosts if host.startswith("127.0.0.1:")}


def test_copies_with_a_query_are_revalidated_by_a_proxy(article):
    assert "s-maxage=0" in Client().get(article.url + "?page=2")["Cache-Control"]
    assert "s-maxage=0" in cached(article.url + "?page=2")["Cache-Control"]
    assert "s-maxage=0" not in cached(article.url)["Cache-Control"]


def test_an_escaped_ampersand_is_not_another_parameter(homes):
    article = make_article(title="Лёгкая версія")
    url = f"/be/lite/{article.slug}/"
    with_images = cached(url + "?images=1&page=2")
    assert with_images.status_code == 200
    # One value, "1&page=2": the lite edition sends it to the text version.
    assert Client().get(url + "?images=1%26page%3D2").status_code == 302


@pytest.mark.parametrize(
    ("junk", "clean"),
    [
        ("?utm_source=x", ""),
        ("?fbclid=1&page=2", "?page=2"),
        ("?images=1&utm_medium=y", "?images=1"),
    ],
)
def test_unknown_parameters_get_the_cached_page(article, junk, clean):
    Client().get(article.url + junk)  # rendered without the parameter, stored as the page
    assert Client().get(article.url + clean)["X-Page-Cache"] == "hit"
    other = f"{clean}&utm_source=other" if clean else "?utm_source=other"
    assert Client().get(article.url + other)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken"])
def test_made_up_session_and_csrf_cookies_get_the_cached_page(article, cookie):
    Client().get(article.url)
    reader = Client()
    reader.cookies[cookie] = "made-up-value-0123456789abcdef"
    response = reader.get(article.url)
    assert response["X-Page-Cache"] == "hit"
    assert not response.cookies


def test_a_signed_in_editor_still_gets_fresh_pages(article):
    Client().get(article.url)
    editor = Client()
    editor.force_login(User.objects.create_superuser("chief", password="pass-for-tests-only"))
    editor.get("/admin/")
    assert "X-Page-Cache" not in editor.get(article.url)
    editor.post("/admin/logout/")
    assert "editor" not in {name for name, value in editor.cookies.items() if value.value}


def test_renders_per_client_are_bounded(article, settings):
    settings.PAGE_RENDER_RATE = "3/m"
    flooder = Client(REMOTE_ADDR="198.51.100.20")
    Client().get(article.url)
    # The limit counts in windows of the wall clock: the clock stands still while the four
    # renders are asked for, so no window ends between them.
    with time_machine.travel(timezone.now(), tick=False):
        answers = [flooder.get(f"/be/news/?page={n}").status_code for n in range(1, 5)]
    assert answers == [200, 200, 200, 429]
    refused = flooder.get("/be/news/?page=9")
    assert refused.status_code == 429
    assert "Занадта шмат запытаў" in refused.content.decode()
    assert refused["Retry-After"]
    # Cached reading goes on, for the flooder too, and another reader renders as before.
    assert flooder.get(article.url)["X-Page-Cache"] == "hit"
    assert Client(REMOTE_ADDR="198.51.100.21").get("/be/news/?page=9").status_code == 200
