"""Resolved typo reports are forgotten after a while; open ones stay until handled."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from corrections.jobs import forget_resolved_reports
from corrections.models import TypoReport
from samizdat import jobs

pytestmark = pytest.mark.django_db


def make_report(article, fragment, status, resolved_days_ago=None):
    resolved_at = None
    if resolved_days_ago is not None:
        resolved_at = timezone.now() - timedelta(days=resolved_days_ago)
    return TypoReport.objects.create(
        page=article,
        language="be",
        fragment=fragment,
        digest=fragment,
        status=status,
        resolved_at=resolved_at,
    )


def test_reports_resolved_over_30_days_ago_are_deleted(article):
    make_report(article, "даўно", TypoReport.Status.FIXED, resolved_days_ago=31)
    make_report(article, "адхілена", TypoReport.Status.DISMISSED, resolved_days_ago=45)
    make_report(article, "учора", TypoReport.Status.FIXED, resolved_days_ago=1)
    make_report(article, "адкрыта", TypoReport.Status.OPEN)
    assert forget_resolved_reports() == 2
    remaining = set(TypoReport.objects.values_list("fragment", flat=True))
    assert remaining == {"учора", "адкрыта"}


def test_the_worker_finds_the_job():
    autodiscover_modules("jobs")
    assert "forget_resolved_typo_reports" in jobs.names()
