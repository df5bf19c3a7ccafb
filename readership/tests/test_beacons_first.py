"""BeaconsFirst: leaving beacons answered at the app server by the guards and the short path
alone, exactly as the whole stack answers them; everything else goes on to Django."""

import json

import pytest
import time_machine
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client, RequestFactory

from readership import shortpath
from readership.shortpath import BeaconsFirst
from readership.tests.test_leaving_short_path import CASES, leaves_buffered
from testing import RecordingApp, header_set
from testing.factories import make_article

pytestmark = pytest.mark.django_db
BEACON = "/api/readership/leave"


@pytest.fixture(autouse=True)
def _main_domain(settings):
    settings.CANONICAL_BASE_URL = "http://testserver"


class Recorder:
    """Stands for a Django test client: records what each case sends as a WSGI environ."""

    def __init__(self):
        self.environs = []

    def post(self, path, data, content_type, **extra):
        request = RequestFactory().post(path, data=data, content_type=content_type, **extra)
        self.environs.append(request.environ)
        return request


def environ_of(send, article):
    recorder = Recorder()
    send(recorder, article)
    return recorder.environs[0]


def call(application, environ):
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=headers)

    content = b"".join(application(dict(environ), start_response))
    return answer["status"], answer["headers"], content


@pytest.mark.parametrize("case", CASES)
def test_each_beacon_is_answered_as_the_whole_stack_answers_it(homes, buffer_kind, case):
    send, status = CASES[case]
    article = make_article()
    django = RecordingApp()

    answer_status, headers, content = call(BeaconsFirst(django), environ_of(send, article))
    counted_first = leaves_buffered()
    through_stack = send(Client(), article)

    assert django.passed == []
    assert int(answer_status.split()[0]) == status == through_stack.status_code
    assert json.loads(content) == through_stack.json()
    assert header_set(headers) == header_set(through_stack.items())
    expected = 1 if case == "counted" else 0
    assert (counted_first, leaves_buffered()) == (expected, 2 * expected)


def test_the_security_headers_are_the_guards_own(homes):
    _, headers, _ = call(
        BeaconsFirst(RecordingApp()), environ_of(CASES["counted"][0], make_article())
    )
    names = {name.lower() for name, _ in headers}
    for guard_header in (
        "content-security-policy",
        "x-frame-options",
        "x-content-type-options",
        "referrer-policy",
        "permissions-policy",
    ):
        assert guard_header in names


def test_everything_but_a_leaving_beacon_goes_on_to_django(homes):
    article = make_article()
    django = RecordingApp()
    beacons_first = BeaconsFirst(django)
    factory = RequestFactory()
    others = [
        factory.get(BEACON),
        factory.post("/api/readership/beacon", data="{}", content_type="text/plain"),
        factory.post(BEACON + "/", data="{}", content_type="text/plain"),
        factory.post(article.url, data={}),
        factory.get(article.url),
    ]
    for request in others:
        status, _, content = call(beacons_first, request.environ)
        assert (status, content) == ("200 OK", b"rendered by Django")
    assert django.passed == [
        BEACON,
        "/api/readership/beacon",
        BEACON + "/",
        article.url,
        article.url,
    ]


def test_without_the_short_path_in_the_stack_every_beacon_goes_to_django(homes, settings):
    settings.MIDDLEWARE = [
        name for name in django_settings.MIDDLEWARE if name != shortpath.SHORT_PATH
    ]
    django = RecordingApp()
    call(BeaconsFirst(django), environ_of(CASES["counted"][0], make_article()))
    assert django.passed == [BEACON]
    assert leaves_buffered() == 0


def test_a_guard_of_the_stack_guards_the_beacons_too(homes, settings):
    """The shield's bound, full: refused with its 503 before anything is counted."""
    settings.SHIELD_BOUNDS = [
        {**bound, "limit": 0} if bound["name"] == "beacons" else bound
        for bound in django_settings.SHIELD_BOUNDS
    ]
    status, headers, _ = call(
        BeaconsFirst(RecordingApp()), environ_of(CASES["counted"][0], make_article())
    )
    assert status.startswith("503")
    assert ("retry-after", str(settings.SHIELD_RETRY_AFTER)) in header_set(headers)
    assert leaves_buffered() == 0


def test_an_error_below_the_guards_is_djangos_500_not_a_crash(homes, monkeypatch):
    def broken(request):
        raise RuntimeError("a bug in the leaving path")

    monkeypatch.setattr(shortpath.api, "leave_answer", broken)
    status, _, _ = call(
        BeaconsFirst(RecordingApp()), environ_of(CASES["counted"][0], make_article())
    )
    assert status.startswith("500")


def test_a_beacon_that_read_the_database_gives_its_connection_back(site_skeleton):
    """No request_finished is sent at the app server's front: the connection is released."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL connections (run with DATABASE_URL=postgres://...)")
    article = make_article()
    connection.close()
    status, _, _ = call(BeaconsFirst(RecordingApp()), environ_of(CASES["counted"][0], article))
    assert status.startswith("202")
    assert connection.connection is None


def test_the_app_server_is_given_the_beacon_path():
    from samizdat import wsgi

    assert isinstance(wsgi.application.application, BeaconsFirst)
    assert wsgi.application.application.guarded is not None


# The limit counts in windows of the wall clock: the clock stands still while the flood is
# sent, so no window can end in the middle of it.
@time_machine.travel("2026-06-27 12:00 +03:00", tick=False)
def test_a_flood_changing_its_agent_and_query_is_limited_at_the_front(homes, buffer_kind):
    """60 a minute from one address through BeaconsFirst, whatever agent or query it sends;
    a forged X-Forwarded-For counts for nothing without a trusted proxy in front."""
    article = make_article()
    beacons_first = BeaconsFirst(RecordingApp())
    statuses = []
    for number in range(70):
        environ = environ_of(CASES["counted"][0], article)
        environ["HTTP_USER_AGENT"] = f"Mozilla/5.0 reader #{number}"
        environ["QUERY_STRING"] = f"n={number}"
        environ["HTTP_X_FORWARDED_FOR"] = f"198.51.100.{number}"
        statuses.append(call(beacons_first, environ)[0][:3])
    assert statuses == ["202"] * 60 + ["429"] * 10
    assert leaves_buffered() == 60


def test_with_redis_stopped_a_beacon_at_the_front_is_counted_in_the_database(
    homes, settings, redis_to_stop
):
    from readership.models import PendingEngagement
    from testing import use_redis

    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    article = make_article()
    beacons_first = BeaconsFirst(RecordingApp())
    assert call(beacons_first, environ_of(CASES["counted"][0], article))[0] == "202 Accepted"
    redis_to_stop.stop()
    environ = environ_of(CASES["counted"][0], article)
    environ["REMOTE_ADDR"] = "198.51.100.5"
    assert call(beacons_first, environ)[0] == "202 Accepted"
    assert PendingEngagement.objects.filter(article_id=article.pk).exists()
