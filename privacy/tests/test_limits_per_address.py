"""Limits hold per address: a new user agent or a new forwarded entry is not a new client.

Each limit is tried twice from one address: once sending another user agent every time,
once writing another address into X-Forwarded-For in front of the one our proxy adds.
"""

import json

import pytest
import time_machine
from django.test import Client

from comments.models import Comment, CommentReport, Status
from readership import clock
from readership.buffers import current_buffer
from testing import ORIGIN
from testing.comments import old_token, policy_without_waiting
from testing.factories import make_article
from testing.readership import READER_AGENT

ADDRESS = "203.0.113.7"
PROXY = "127.0.0.1"


def by_agent(number):
    """Headers of a client that sends another user agent with each request."""
    return {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": f"Mozilla/5.0 (X11; rv:{number}) Firefox"}


def by_forwarded_header(number):
    """Headers of a client behind our nginx that writes its own X-Forwarded-For first."""
    return {
        "REMOTE_ADDR": PROXY,
        "HTTP_USER_AGENT": READER_AGENT,
        "HTTP_X_FORWARDED_FOR": f"198.51.100.{number % 250 + 1}, {ADDRESS}",
    }


@pytest.fixture(autouse=True)
def still_clock():
    """The clock stands still, so no limit's minute ends in the middle of a test."""
    with time_machine.travel("2026-06-27 12:00:10 +00:00", tick=False):
        yield


@pytest.fixture(params=[by_agent, by_forwarded_header], ids=["user-agent", "forwarded"])
def rotating(request, settings):
    """A client from ADDRESS that changes one header with every request."""
    settings.TRUST_X_FORWARDED_FOR = True  # one proxy hop: nginx as documented
    settings.TRUSTED_PROXY_HOPS = 1
    return request.param


def another_address():
    return {
        "REMOTE_ADDR": PROXY,
        "HTTP_USER_AGENT": READER_AGENT,
        "HTTP_X_FORWARDED_FOR": "192.0.2.50",
    }


def comment(client, article, text, headers):
    body = {"article": article.pk, "name": "Чытач", "text": text, "token": old_token(article)}
    return client.post(
        "/api/comments/", body, content_type="application/json", HTTP_ORIGIN=ORIGIN, **headers
    )


def readership(client, path, article, headers, **field):
    body = json.dumps({"article": article.pk, **field})
    return client.post(
        f"/api/readership/{path}",
        body,
        content_type="text/plain;charset=UTF-8",
        HTTP_ORIGIN=ORIGIN,
        **headers,
    )


def like(client, article, **headers):
    return readership(client, "like", article, headers, liked=True)


def beacon(client, article, **headers):
    return readership(client, "beacon", article, headers, kind="view")


@pytest.fixture
def article(homes):
    return make_article(title="Навіна для лімітаў")


def test_comment_limit_holds_for_one_address(client, article, rotating):
    policy = policy_without_waiting()
    codes = [
        comment(client, article, f"Каментар нумар {n}", rotating(n)).status_code
        for n in range(policy.per_minute + 2)
    ]
    assert codes == [201] * policy.per_minute + [429, 429]
    assert comment(client, article, "Іншы адрас", another_address()).status_code == 201


def typo_report(client, article, headers):
    body = {
        "fragment": "лімітаў",
        "context_before": "Навіна для ",
        "context_after": "",
        "remark": "",
        "page_id": article.pk,
    }
    return client.post(
        "/api/corrections/reports",
        json.dumps(body),
        content_type="application/json",
        HTTP_ORIGIN=ORIGIN,
        **headers,
    )


def test_typo_report_limit_holds_for_one_address(client, article, rotating):
    codes = [typo_report(client, article, rotating(n)).status_code for n in range(8)]
    assert codes == [201] * 6 + [429, 429]
    assert typo_report(client, article, another_address()).status_code == 201


def test_search_limit_holds_for_one_address(article, rotating, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.SEARCH_RATE = "5/m"
    codes = [Client().get("/be/search/?q=навіна", **rotating(n)).status_code for n in range(7)]
    assert codes == [200] * 5 + [429, 429]
    assert Client().get("/be/search/?q=навіна", **another_address()).status_code == 200


def test_like_limit_holds_for_one_address(client, article, rotating):
    codes = [like(client, article, **rotating(n)).status_code for n in range(22)]
    assert codes == [200] * 20 + [429, 429]
    assert like(client, article, **another_address()).status_code == 200


def test_one_address_is_at_most_a_few_likers_whatever_agents_it_sends(
    client, article, rotating, settings
):
    settings.AGENT_GROUPS = 4
    for n in range(20):
        assert like(client, article, **rotating(n)).status_code == 200
    last = like(client, article, **another_address())
    # The twenty likes from one address count as at most four readers, plus the other one.
    assert 2 <= last.json()["likes"] <= 5


def test_view_beacon_limit_holds_for_one_address(client, article, rotating):
    codes = [beacon(client, article, **rotating(n)).status_code for n in range(62)]
    assert codes == [202] * 60 + [429, 429]
    assert beacon(client, article, **another_address()).status_code == 202


def test_one_address_is_at_most_a_few_readers_whatever_agents_it_sends(
    client, article, rotating, settings
):
    settings.AGENT_GROUPS = 4
    for n in range(40):
        assert beacon(client, article, **rotating(n)).status_code == 202
    readers = current_buffer().readers_in_window(clock.now(), clock.most_read_hours())
    assert 1 <= readers[article.pk] <= 4


def report(client, comment, headers):
    return client.post(
        f"/api/comments/{comment.pk}/report",
        {"reason": "abuse"},
        content_type="application/json",
        HTTP_ORIGIN=ORIGIN,
        **headers,
    )


def test_report_limit_holds_for_one_address(client, article, rotating):
    comments = [
        Comment.objects.create(
            article=article,
            author_name="Чытач",
            text=f"Спрэчны каментар {n}",
            status=Status.PUBLISHED,
            client="0" * 32,
            language="be",
        )
        for n in range(8)
    ]
    codes = [report(client, comments[n], rotating(n)).status_code for n in range(7)]
    assert codes == [202] * 5 + [429, 429]
    assert CommentReport.objects.count() == 5
    assert report(client, comments[7], another_address()).status_code == 202
