"""The e-mails: plain text and HTML, with the way back in and no tracking of any kind.

No images (so no pixels), no redirecting links, no per-reader parameters except the
unsubscribe link, which must name the subscription it ends.
"""

import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mirrors import hosts

from . import sealing

# Stands for the reader's own unsubscribe link in a body rendered once for every reader.
UNSUBSCRIBE_MARK = "__UNSUBSCRIBE_URL__"


def base_url():
    return settings.CANONICAL_BASE_URL.rstrip("/")


def way_back_in(language):
    """Today's mirrors, onion address and lite edition, from the mirror settings."""
    snapshot = hosts.current()
    mirrors = [e["url"] for e in snapshot.alternatives if e["proto"] == "https"]
    onion = next((e["url"] for e in snapshot.alternatives if e["proto"] == "tor"), "")
    return {
        "site": f"{base_url()}/{language}/",
        "mirrors": [f"{url.rstrip('/')}/{language}/" for url in mirrors],
        "onion": f"{onion.rstrip('/')}/{language}/" if onion else "",
        "lite": f"{base_url()}/{language}/lite/",
        "blocked": f"{base_url()}/{language}/blocked/",
    }


def unsubscribe_url(subscriber):
    token = sealing.unsubscribe_token(subscriber.lookup)
    with translation.override(subscriber.language):
        path = reverse("newsletter:unsubscribe", args=[token])
    return base_url() + path


@dataclass
class Rendered:
    subject: str
    text: str
    html: str


def render_issue(issue):
    """Subject and both bodies of an issue, rendered once for all its readers."""
    with translation.override(issue.language):
        context = {
            "issue": issue,
            "articles": [
                {"title": a.title, "lede": a.lede, "url": base_url() + a.url}
                for a in issue.ordered_articles()
            ],
            "reach": way_back_in(issue.language),
            "unsubscribe_url": UNSUBSCRIBE_MARK,
        }
        return Rendered(
            subject=single_line(issue.subject),
            text=render_to_string("newsletter/email/issue.txt", context),
            html=render_to_string("newsletter/email/issue.html", context),
        )


def single_line(text):
    """No line breaks in a header, whatever an editor pasted (header injection)."""
    return " ".join(text.split())


def message_tag(issue_pk, lookup):
    """Names one issue to one subscription; only the holder of the lookup key can make it."""
    return hashlib.sha256(f"{issue_pk}:{lookup}".encode()).hexdigest()[:24]


def message_id(issue, subscriber):
    """The same Message-ID each time: a message sent again after a crash is one message.

    Bounce reports quote it, and newsletter.bounces trusts a report only when it does.
    """
    tag = message_tag(issue.pk, subscriber.lookup)
    domain = urlsplit(base_url()).hostname or "localhost"
    return f"<issue-{issue.pk}-{tag}@{domain}>"


def issue_message(rendered, issue, subscriber, address, connection=None):
    url = unsubscribe_url(subscriber)
    headers = {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": message_id(issue, subscriber),
    }
    # Later bounces go to the envelope sender: the bounce address, when there is one.
    sender = settings.NEWSLETTER_BOUNCE_ADDRESS or settings.DEFAULT_FROM_EMAIL
    headers["From"] = settings.DEFAULT_FROM_EMAIL
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text.replace(UNSUBSCRIBE_MARK, url),
        from_email=sender,
        to=[address],
        connection=connection,
        headers=headers,
    )
    message.attach_alternative(rendered.html.replace(UNSUBSCRIBE_MARK, url), "text/html")
    return message


def confirmation_message(address, language, confirm_url):
    with translation.override(language):
        context = {"confirm_url": confirm_url, "reach": way_back_in(language)}
        subject = single_line(render_to_string("newsletter/email/confirm_subject.txt", context))
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("newsletter/email/confirm.txt", context),
            to=[address],
        )
        message.attach_alternative(
            render_to_string("newsletter/email/confirm.html", context), "text/html"
        )
    return message
