"""Throttling stores no raw client address or user agent anywhere (DESIGN.md, privacy)."""

import logging

from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models

from .conftest import sign_in, signed_in

ADDRESS = "127.0.0.2"
AGENT = "Mozilla/5.0 (X11; Samizdat-Distinctive-Agent 7.7.7)"


def every_stored_text():
    """Every text value of every row of every table, session contents decoded."""
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.GenericIPAddressField)
        ]
        if not fields:
            continue
        for row in model.objects.values_list(*fields):
            yield from (str(value) for value in row if value)
    for session in Session.objects.all():
        yield str(session.get_decoded())


def test_no_row_holds_the_raw_address_or_user_agent(client, editor, caplog):
    caplog.set_level(logging.DEBUG)
    browser = {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": AGENT}
    for _ in range(3):
        sign_in(client, "editor", "wrong password", **browser)
    for n in range(5):
        sign_in(client, f"guess-{n}", "wrong password", **browser)
    assert sign_in(client, "editor", **browser).status_code == 429

    attempts = list(AccessAttempt.objects.all())
    assert attempts, "the failures were counted"
    assert {a.ip_address.startswith("2001:db8:") for a in attempts} == {True}
    assert {a.user_agent for a in attempts} == {""}

    stored = list(every_stored_text())
    assert not [text for text in stored if ADDRESS in text or "Distinctive-Agent" in text]
    assert ADDRESS not in caplog.text
    assert "Distinctive-Agent" not in caplog.text


def test_a_successful_sign_in_leaves_no_trace_of_the_client(client, editor):
    browser = {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": AGENT}
    sign_in(client, "editor", "wrong password", **browser)
    assert signed_in(sign_in(client, "editor", **browser))
    client.get("/admin/", **browser)
    stored = list(every_stored_text())
    assert not [text for text in stored if ADDRESS in text or "Distinctive-Agent" in text]
