"""A reader subscribes without JavaScript in Belarusian, confirms from the e-mail and leaves."""

import re

import pytest
from playwright.sync_api import expect

from newsletter import sending
from newsletter.models import Issue, IssueArticle, Subscriber
from samizdat import queue
from testing.factories import make_article
from testing.mail import body

pytestmark = pytest.mark.e2e


def test_subscribe_confirm_and_unsubscribe_without_javascript(browser, site, smtp):  # noqa: F811
    article = make_article("Навіна для рассылкі", "be")
    context = browser.new_context(java_script_enabled=False, locale="be-BY")
    page = context.new_page()
    page.goto(f"{site.url}/be/")
    page.fill("#newsletter-email", "chytach@example.org")
    page.click(".newsletter-form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Праверце пошту")
    assert not Subscriber.objects.exists()

    queue.run_queued_tasks()
    [confirmation] = smtp.to("chytach@example.org")
    link = re.search(r"https?://\S+/be/newsletter/confirm/\S+/", body(confirmation, "plain"))[0]
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Вы падпісаліся")
    assert Subscriber.objects.get().language == "be"

    issue = Issue.objects.create(language="be", subject="Дайджэст")
    IssueArticle.objects.create(issue=issue, article=article)
    sending.queue_issue(issue)
    sending.send_due()
    digest = smtp.to("chytach@example.org")[-1]
    unsubscribe = re.search(r"(/be/newsletter/unsubscribe/\S+/)", body(digest, "plain"))[1]
    page.goto(site.url + unsubscribe)
    page.click("text=Адпісацца і выдаліць мой адрас")
    expect(page.locator("h1")).to_have_text("Вы адпісаліся")
    assert not Subscriber.objects.exists()
    context.close()
