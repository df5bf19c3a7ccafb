import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletter.models import Subscriber
from samizdat import queue
from testing.mail import body

pytestmark = pytest.mark.django_db
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def subscribe(client, address, language="be", **headers):
    data = {"email": address}
    return client.post(f"/{language}/newsletter/", data, **(headers or ORIGIN))


def confirm_link(message):
    return re.search(r"http://testserver(/\S+/newsletter/confirm/\S+/)", body(message, "plain"))[1]


def test_double_opt_in_stores_the_address_only_after_the_emailed_link(client, smtp):
    response = subscribe(client, "reader@example.org", "be")
    assert response.status_code == 200
    assert "Праверце пошту" in response.content.decode()
    assert not Subscriber.objects.exists()
    queue.run_queued_tasks()
    [message] = smtp.to("reader@example.org")
    assert "Пацвердзіце" in message["Subject"]
    assert client.get(confirm_link(message)).status_code == 200
    [subscriber] = Subscriber.objects.all()
    assert subscriber.language == "be"
    assert subscriber.address == "reader@example.org"
    assert "reader@example.org" not in subscriber.sealed_address


def test_a_seized_database_dump_holds_no_address_in_clear(client, smtp):
    subscribe(client, "secret.reader@example.org", "ru")
    queue.run_queued_tasks()
    client.get(confirm_link(smtp.to("secret.reader@example.org")[0]))
    assert Subscriber.objects.count() == 1
    assert "secret.reader" not in every_row_of_every_table()


def every_row_of_every_table():
    """What a seized database shows: every value of every table, as text."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


def test_a_repeated_subscription_gets_the_same_answer_and_no_second_email(client, smtp):
    subscribe(client, "twice@example.org", "en")
    queue.run_queued_tasks()
    client.get(confirm_link(smtp.to("twice@example.org")[0]))
    first = subscribe(client, "someone.new@example.org", "en")
    again = subscribe(client, "twice@example.org", "en")
    queue.run_queued_tasks()
    assert first.content == again.content
    assert len(smtp.to("twice@example.org")) == 1
    assert Subscriber.objects.count() == 1


@pytest.mark.parametrize(
    "address",
    [
        "reader@example.org\r\nBcc: victim@example.org",
        "reader@example.org\n",
        "not an address",
        "x" * 250 + "@example.org",
        '"<script>"@example.org>',
    ],
)
def test_bad_addresses_are_refused_in_the_readers_language_and_nothing_is_kept(client, address):
    response = subscribe(client, address, "ru")
    assert response.status_code == 400
    text = response.content.decode()
    assert "Введите правильный адрес" in text or "не более" in text
    assert not Subscriber.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_form_posted_from_another_site_is_refused(client):
    response = subscribe(client, "reader@example.org", "be", HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not DBTaskResult.objects.exists()


def test_a_flood_of_subscriptions_from_one_client_is_refused(client, settings):
    settings.NEWSLETTER_SUBSCRIBE_RATE = "3/h"
    codes = [subscribe(client, f"r{n}@example.org", "en").status_code for n in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert DBTaskResult.objects.count() == 3


def test_an_expired_confirmation_link_stores_nothing(client, smtp):
    subscribe(client, "late@example.org", "be")
    queue.run_queued_tasks()
    link = confirm_link(smtp.to("late@example.org")[0])
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        response = client.get(link)
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_a_forged_confirmation_link_stores_nothing(client):
    assert client.get("/en/newsletter/confirm/forged-token/").status_code == 400
    assert not Subscriber.objects.exists()
