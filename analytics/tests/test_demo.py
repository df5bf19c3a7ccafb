"""The demo's two weeks of figures: plausible, and consistent the way the flush makes them."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Sum

from analytics.realtime import board
from readership.models import EngagementDay, EngagementHour, ReadingDay
from testing.factories import make_article

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 6, 27, 12, 30, tzinfo=UTC)


def test_two_weeks_of_figures_whose_days_sum_their_hours(homes):
    for number in range(4):
        make_article(title=f"Demo {number}", published_at=NOW - timedelta(days=3 * number))
    with time_machine.travel(NOW, tick=False):
        call_command("load_analytics_demo", seed=7, stdout=open("/dev/null", "w"))  # noqa: SIM115
        live = board(NOW)
    days = sorted(set(EngagementDay.objects.values_list("day", flat=True)))
    assert days[0] >= (NOW - timedelta(days=13)).date() and days[-1] == NOW.date() - timedelta(1)
    assert len(days) >= 8  # the oldest article came out nine days ago
    for day in days:
        start = datetime.combine(day, datetime.min.time(), UTC)
        hours = EngagementHour.objects.filter(hour__gte=start, hour__lt=start + timedelta(1))
        assert (
            hours.aggregate(v=Sum("views"))["v"]
            == EngagementDay.objects.filter(day=day).aggregate(v=Sum("views"))["v"]
        )
    assert set(EngagementHour.objects.values_list("host", flat=True)) <= {
        "main",
        "onion",
        "mirror.samizdat-news.example",
    }
    row = EngagementDay.objects.order_by("-views").first()
    assert 0 < row.leaves <= row.views and row.scroll_100 <= row.scroll_50 <= row.leaves
    assert ReadingDay.objects.exists()
    assert live["readers"] > 0 and live["series"]
