"""A real `manage.py worker` process is killed (SIGKILL) in the middle of sending an issue,
then started again: every subscriber gets the issue, and no one gets it twice.

The test's SMTP server (aiosmtpd) is the relay. It kills the worker itself, at a chosen
moment of the SMTP conversation, so the kill lands exactly there: between two messages
(one accepted and marked sent, the next not begun), or while a message is in flight (the
relay has it, the worker never heard the relay's "250").
"""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from newsletter import sending
from newsletter.models import Delivery, DeliveryState, Issue, IssueArticle, State
from testing import free_port
from testing import worker as testing_worker
from testing.factories import make_article

from .test_sending import subscriber

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
READERS = 40
KILLED_AFTER = 15  # messages the relay accepts before the worker dies


class KillingRelay:
    """Accepts messages; kills the worker at the chosen point of the 16th conversation."""

    def __init__(self, kill_point):
        self.kill_point = kill_point
        self.received = []  # (To, Message-ID)
        self.worker = None

    def kill(self):
        if self.worker is not None:
            os.kill(self.worker.pid, signal.SIGKILL)
            self.worker = None

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.kill_point == "between messages" and len(self.received) == KILLED_AFTER:
            self.kill()  # message 15 is marked sent; message 16 never begins
        envelope.mail_from = address
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        headers = envelope.content.decode().split("\r\n\r\n", 1)[0]
        fields = dict(line.split(": ", 1) for line in headers.split("\r\n") if ": " in line[:40])
        self.received.append((fields["To"], fields["Message-ID"]))
        if self.kill_point == "in flight" and len(self.received) == KILLED_AFTER + 1:
            self.kill()  # the relay has message 16; the worker dies before the "250"
        return "250 OK"


def worker_environment(tmp_path, port):
    """The test settings, with this test's database (a file for SQLite) and relay."""
    return testing_worker.worker_environment(
        "database",  # no Redis: the sending state lives in the database
        tmp_path / "worker.sqlite3",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        NEWSLETTER_RATE="1000",  # the whole list in one tick
    )


def run_worker(environment):
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "worker", "--once"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return worker


def sqlite_copy(source, target):
    source.backup(target)


@pytest.mark.parametrize("kill_point", ["between messages", "in flight"])
def test_a_worker_killed_mid_batch_resumes_with_no_gap_and_no_second_message(
    site_skeleton, tmp_path, kill_point
):
    addresses = [f"reader{n:02}@example.org" for n in range(READERS)]
    for address in addresses:
        subscriber(address, "en")
    issue = Issue.objects.create(language="en", subject="Morning digest")
    IssueArticle.objects.create(issue=issue, article=make_article("Top story", "en"))
    sending.queue_issue(issue)

    database_file = tmp_path / "worker.sqlite3"
    if connection.vendor == "sqlite":
        # The test database lives in this process's memory; the worker needs a file.
        connection.ensure_connection()
        with sqlite3.connect(database_file) as file_database:
            sqlite_copy(connection.connection, file_database)

    relay = KillingRelay(kill_point)
    port = free_port()
    controller = Controller(relay, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        environment = worker_environment(tmp_path, port)
        relay.worker = run_worker(environment)
        killed = relay.worker
        output, _ = killed.communicate(timeout=180)
        assert killed.returncode == -signal.SIGKILL, output
        assert len(relay.received) == KILLED_AFTER + (kill_point == "in flight")

        restarted = run_worker(environment)
        output, _ = restarted.communicate(timeout=180)
        assert restarted.returncode == 0, output
    finally:
        controller.stop()

    if connection.vendor == "sqlite":
        with sqlite3.connect(database_file) as file_database:
            sqlite_copy(file_database, connection.connection)

    received = [to for to, _message_id in relay.received]
    assert sorted(set(received)) == addresses  # no gap
    repeated = sorted({m for to, m in relay.received if received.count(to) > 1})
    if kill_point == "between messages":
        assert len(received) == READERS  # no one twice
    else:
        # The one message the relay had when the worker died is sent again, under the
        # same Message-ID: mail clients show one message. Every other reader got one.
        assert len(received) == READERS + 1
        assert len(repeated) == 1
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SENT}
    assert Delivery.objects.count() == READERS
    issue.refresh_from_db()
    assert issue.state == State.SENT
