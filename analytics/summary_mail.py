"""Mailing the weekly summary to editors, each in their admin language, once a week.

Each (week, editor) has a WeeklySummary row: committed as "sending" before the message goes
to the relay and "sent" once the relay took it. A worker restarted at any moment sends
nothing twice that it knew was sent; a row left "sending" (killed between the relay's
acceptance and the commit) goes again under the same Message-ID, which mail clients show
once. A relay that fails leaves the row "sending" for the next run.
"""

import logging
import smtplib
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from . import weekly
from .models import WeeklySummary

logger = logging.getLogger(__name__)
EDITORS_GROUP = "Editors"


def editors():
    """Active members of Editors with an address, who receive the summary."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=EDITORS_GROUP)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def admin_language(user):
    language = UserProfile.get_for_user(user).get_preferred_language()
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def site_address():
    return settings.CANONICAL_BASE_URL.rstrip("/")


def message_id(week, editor):
    domain = urlsplit(site_address()).hostname or "localhost"
    return f"<weekly-summary-{week.isoformat()}-{editor.pk}@{domain}>"


def render(data, language):
    """Subject and both bodies in one language."""
    with translation.override(language):
        context = {
            "summary": weekly.as_text(data),
            "top_headers": weekly.top_headers(),
            "referrer_headers": weekly.referrer_headers(),
            "page_url": site_address()
            + reverse("analytics_weekly")
            + f"?week={data['week'].isoformat()}",
        }
        subject = _("Weekly summary: %(first)s – %(last)s") % {
            "first": formats.date_format(data["first"], "SHORT_DATE_FORMAT"),
            "last": formats.date_format(data["last"], "SHORT_DATE_FORMAT"),
        }
        return (
            subject,
            render_to_string("analytics/email/weekly.txt", context),
            render_to_string("analytics/email/weekly.html", context),
        )


def send_due(moment=None):
    """Send the last closed week's summary to every editor who has not had it; returns how many."""
    week = weekly.last_closed_week(moment)
    done = WeeklySummary.objects.filter(week=week, state=WeeklySummary.State.SENT)
    waiting = list(editors().exclude(pk__in=done.values("editor_id")))
    if not waiting:
        return 0
    data = weekly.summary(week)
    rendered = {}
    sent = 0
    connection = get_connection()
    try:
        for editor in waiting:
            language = admin_language(editor)
            if language not in rendered:
                rendered[language] = render(data, language)
            sent += send_one(connection, week, editor, rendered[language])
    finally:
        connection.close()
    return sent


def send_one(connection, week, editor, rendered):
    WeeklySummary.objects.get_or_create(week=week, editor=editor)
    subject, text, html = rendered
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[editor.email],
        connection=connection,
        headers={"Message-ID": message_id(week, editor)},
    )
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Weekly summary not sent, will retry: %s", type(error).__name__)
        return 0
    WeeklySummary.objects.filter(week=week, editor=editor).update(
        state=WeeklySummary.State.SENT, sent_at=timezone.now()
    )
    return 1
