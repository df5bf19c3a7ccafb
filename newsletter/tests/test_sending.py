import re

import pytest

from mirrors import hosts
from newsletter import mail, sealing, sending
from newsletter.models import Delivery, DeliveryState, Issue, IssueArticle, State, Subscriber
from testing.factories import make_article
from testing.mail import body

pytestmark = pytest.mark.django_db

MIRRORS = hosts.Snapshot(
    hosts=("mirror-one.example",),
    onion="exampleonionaddress.onion",
    alternatives=(
        {"proto": "https", "type": "mirror", "url": "https://mirror-one.example"},
        {"proto": "tor", "type": "eotk", "url": "http://exampleonionaddress.onion"},
    ),
)
UNSUBSCRIBE_LABEL = {
    "be": "Адпісацца адным націскам",
    "ru": "Отписаться одним нажатием",
    "en": "Unsubscribe in one click",
}


@pytest.fixture(autouse=True)
def mirrors_configured():
    hosts.remember(MIRRORS, seconds=float("inf"))


def subscriber(address, language):
    return Subscriber.objects.create(
        language=language,
        sealed_address=sealing.seal(address),
        lookup=sealing.lookup(address, language),
    )


def issue_with_article(language, title="Галоўная навіна"):
    article = make_article(title=title, language=language, lede=f"Lede {language}.")
    issue = Issue.objects.create(language=language, subject=f"Digest {language}")
    IssueArticle.objects.create(issue=issue, article=article)
    sending.queue_issue(issue)
    return issue, article


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_a_digest_arrives_with_both_bodies_the_way_back_in_and_one_click_unsubscribe(
    client, smtp, language
):
    subscriber("reader@example.org", language)
    issue, article = issue_with_article(language)
    assert sending.send_due() == 1
    [message] = smtp.to("reader@example.org")
    assert message["Subject"] == f"Digest {language}"
    text, html = body(message, "plain"), body(message, "html")
    for part in (text, html):
        assert article.title in part
        assert "https://mirror-one.example/" + language in part
        assert "http://exampleonionaddress.onion/" + language in part
        assert f"/{language}/lite/" in part
        assert UNSUBSCRIBE_LABEL[language] in part
    # No tracking: no images at all (no pixels), every link straight to our own pages.
    assert "<img" not in html.lower()
    links = re.findall(r'href="([^"]+)"', html)
    assert links and not any("?" in link for link in links)
    unsubscribe = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"].strip())[1]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in text and unsubscribe in html
    # RFC 8058: the mail provider POSTs this body to the URL, from its own servers.
    path = unsubscribe.removeprefix("http://127.0.0.1:8000")
    assert client.get(path).status_code == 200
    assert Subscriber.objects.count() == 1  # opening the link alone deletes nothing
    response = client.post(path, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def unsubscribe_path(message):
    url = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"].strip())[1]
    return url.removeprefix("http://127.0.0.1:8000")


def test_the_unsubscribe_link_is_sealed_and_outlives_a_new_secret_key(client, smtp, settings):
    reader = subscriber("reader@example.org", "en")
    issue_with_article("en")
    sending.send_due()
    [message] = smtp.messages
    path = unsubscribe_path(message)
    # The link shows neither the address nor the hash that finds its row in the database.
    assert "reader" not in path and reader.lookup not in path
    token = path.rstrip("/").rsplit("/", 1)[1]
    flipped = "B" if token[40] == "A" else "A"
    forged = path.replace(token, token[:40] + flipped + token[41:])
    one_click = ("List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
    assert client.post(forged, *one_click).status_code == 400
    assert Subscriber.objects.count() == 1
    # Replacing SECRET_KEY (after a leak, say) must not break links already in inboxes.
    settings.SECRET_KEY = "a-new-secret-key-" + "s" * 50
    assert client.post(path, *one_click).status_code == 200
    assert not Subscriber.objects.exists()


def test_each_language_gets_only_its_own_issue(smtp):
    subscriber("be@example.org", "be")
    subscriber("ru@example.org", "ru")
    issue_with_article("ru", "Главная новость")
    sending.send_due()
    assert [m["To"] for m in smtp.messages] == ["ru@example.org"]


def test_the_rate_limits_messages_per_tick_and_the_issue_ends_sent(smtp):
    for n in range(5):
        subscriber(f"r{n}@example.org", "en")
    issue, _ = issue_with_article("en", "Top story")
    assert sending.send_due(limit=2) == 2
    assert len(smtp.messages) == 2
    sending.send_due(limit=2)
    sending.send_due(limit=2)
    assert sorted(m["To"] for m in smtp.messages) == [f"r{n}@example.org" for n in range(5)]
    issue.refresh_from_db()
    assert issue.state == State.SENT


class Killed(BaseException):
    """What a SIGKILL looks like to the code that was running: nothing after it runs."""


def test_a_worker_killed_mid_send_resumes_without_duplicates_or_gaps(smtp, monkeypatch):
    for n in range(6):
        subscriber(f"r{n}@example.org", "en")
    issue_with_article("en", "Top story")
    real_message = mail.issue_message
    built = []

    def dies_on_the_fourth(*args, **kwargs):
        built.append(1)
        if len(built) == 4:
            raise Killed
        return real_message(*args, **kwargs)

    monkeypatch.setattr(mail, "issue_message", dies_on_the_fourth)
    with pytest.raises(Killed):
        sending.send_due(limit=100)
    assert len(smtp.messages) == 3
    monkeypatch.setattr(mail, "issue_message", real_message)
    sending.send_due(limit=100)  # the restarted worker
    received = sorted(m["To"] for m in smtp.messages)
    assert received == [f"r{n}@example.org" for n in range(6)]
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SENT}


def test_a_permanent_bounce_deletes_the_address_and_a_temporary_one_is_retried(smtp):
    subscriber("gone@example.org", "be")
    subscriber("busy@example.org", "be")
    subscriber("fine@example.org", "be")
    smtp.refuse["gone@example.org"] = "550 No such mailbox"
    smtp.refuse["busy@example.org"] = "450 Mailbox busy"
    issue_with_article("be")
    sending.send_due()
    assert Subscriber.objects.find("gone@example.org", "be") is None
    busy = Subscriber.objects.find("busy@example.org", "be")
    row = Delivery.objects.get(subscriber=busy)
    assert row.state == DeliveryState.QUEUED and row.attempts == 1
    del smtp.refuse["busy@example.org"]
    sending.send_due(now=row.next_try_at)
    assert [m["To"] for m in smtp.to("busy@example.org")] == ["busy@example.org"]
    assert len(smtp.to("fine@example.org")) == 1


def test_a_line_break_in_the_subject_cannot_add_headers(smtp):
    subscriber("reader@example.org", "en")
    issue, _ = issue_with_article("en", "Top story")
    Issue.objects.filter(pk=issue.pk).update(subject="News\r\nBcc: victim@example.org")
    sending.send_due()
    [message] = smtp.messages
    assert message["Bcc"] is None
    assert message["Subject"] == "News Bcc: victim@example.org"
