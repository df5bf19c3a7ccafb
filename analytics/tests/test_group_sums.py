"""The day sums by group (GroupDay) give exactly what summing every article's buckets gives,
for a period that holds summed days, today's hours not rolled up and what the buffer holds,
and stay exact when an article moves, a byline changes, an article goes or a day is rolled
up again."""

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from analytics import figures, groups, rollup
from analytics.models import GroupDay, SummedDay
from newsroom.models import ArticleByline
from readership import engagement
from readership.flush import flush
from readership.models import RolledDay
from testing.factories import make_article, make_author, section
from testing.readership import leave, view

pytestmark = pytest.mark.django_db
START = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 12, 15, 30, tzinfo=UTC)
FIRST, LAST = date(2026, 6, 5), date(2026, 6, 12)  # a period of 8 days and the 8 before


@pytest.fixture(autouse=True)
def _main_domain(settings):
    settings.CANONICAL_BASE_URL = "http://testserver"


def read(client, article, readers, referrer, seconds, scroll, first_ip):
    for number in range(readers):
        ip = f"203.0.113.{first_ip + number}"
        view(client, article, referrer=referrer, ip=ip)
        leave(client, article, seconds=seconds, scroll=scroll, referrer=referrer, ip=ip)


@pytest.fixture
def newsroom(client, homes):
    """Five articles read on some of eleven days, flushed day by day as the worker does;
    this afternoon's hour still in the buffer, this morning's in hours."""
    ganna, ales = make_author(name="Ганна"), make_author(name="Алесь")
    articles = [
        make_article(title="Першая", section_slug="politics", authors=[ganna]),
        make_article(title="Другая", section_slug="society", authors=[ganna, ales]),
        make_article(title="Трэцяя", section_slug=None),
        make_article(title="Русская", language="ru", authors=[ales]),
        make_article(title="English", language="en", section_slug="culture"),
    ]
    for day in range(11):
        moment = START + timedelta(days=day)
        with time_machine.travel(moment, tick=False):
            for number, article in enumerate(articles):
                if (day + number) % 3 == 0 or (number == 4 and day in (2, 9)):
                    referrer = ["t.me", "www.google.com", ""][(day + number) % 3]
                    read(client, article, 1 + number, referrer, 5 * day, 25 * (number % 5), 10)
        with time_machine.travel(moment + timedelta(hours=20), tick=False):
            flush()
    with time_machine.travel(NOW - timedelta(hours=4), tick=False):
        read(client, articles[1], 2, "t.me", 40, 100, 50)
    with time_machine.travel(NOW - timedelta(hours=1), tick=False):
        flush()
    with time_machine.travel(NOW, tick=False):
        read(client, articles[3], 3, "www.google.com", 20, 75, 60)
    return articles


def current_labels(by):
    from newsroom.models import ArticlePage  # noqa: PLC0415

    found = {}
    for page in ArticlePage.objects.select_related("section", "locale"):
        code = page.locale.language_code
        if by == "language":
            found[page.pk] = [code]
        elif by == "section":
            found[page.pk] = [f"{page.section.title} ({code})" if page.section else "Без рубрыкі"]
        else:
            names = [b.author.name for b in ArticleByline.objects.filter(page=page)]
            found[page.pk] = names or ["Без подпісу"]
    return found


def direct(by, first, last):
    """{label: (articles, views, engaged, scroll_100)} and {referrer: views}, article by
    article over EngagementDay, today's hours and the buffer: what the sums must equal."""
    pairs = figures.collect(first, last, groups.pair)
    per_article = figures.regroup(pairs, lambda key: key[0])
    labels = current_labels(by)
    totals = defaultdict(lambda: [set(), engagement.empty_figures()])
    for article, figure in per_article.items():
        for label in labels.get(article, []):
            totals[label][0].add(article)
            engagement.merge(totals[label][1], figure)
    referrers = defaultdict(int)
    for (_article, referrer), figure in pairs.items():
        referrers[referrer] += figure["views"]
    shown = {
        label: (len(arts), f["views"], f["engaged"], f["scroll_100"], f["leaves"])
        for label, (arts, f) in totals.items()
    }
    return shown, dict(referrers)


def summed(by, first, last):
    found, referrers = groups.period_sums(by, first, last)
    labels = groups.group_labels(by, set(found))
    shown = defaultdict(lambda: [0, engagement.empty_figures()])
    for key, group in found.items():
        shown[labels[key]][0] += group["articles"]
        engagement.merge(shown[labels[key]][1], group["figures"])
    return (
        {
            label: (n, f["views"], f["engaged"], f["scroll_100"], f["leaves"])
            for label, (n, f) in shown.items()
            if f["views"] or n
        },
        {referrer: f["views"] for referrer, f in referrers.items()},
    )


def assert_same(first=FIRST, last=LAST):
    for by in ("section", "author", "language"):
        assert summed(by, first, last) == direct(by, first, last), by


def test_sums_equal_every_articles_buckets_with_hours_and_buffer(newsroom):
    with time_machine.travel(NOW, tick=False):
        rolled = set(RolledDay.objects.values_list("day", flat=True))
        assert LAST not in rolled and date(2026, 6, 11) in rolled  # today is not rolled up
        assert rollup.sum_due() == len(rolled)
        assert rollup.fresh_days(FIRST, LAST) == {day for day in rolled if day >= FIRST}
        assert GroupDay.objects.filter(group="section").exists()
        assert_same()
        assert_same(FIRST - timedelta(days=8), FIRST - timedelta(days=1))
        assert_same(date(2026, 6, 3), date(2026, 6, 3))
        # The page shows the same as before there were sums.
        assert groups.report("author", FIRST, LAST)["rows"]


def test_a_moved_article_a_new_byline_and_a_deleted_article_keep_the_sums_exact(newsroom):
    with time_machine.travel(NOW, tick=False):
        rollup.sum_due()
        moved = newsroom[0]
        moved.section = section("culture", "be")
        moved.save()
        assert rollup.fresh_days(FIRST, LAST) != set(
            figures.days_between(FIRST, LAST - timedelta(days=1))
        )
        assert_same()  # the days it was read on are read article by article meanwhile
        ArticleByline.objects.create(page=newsroom[2], author=make_author(name="Новы"))
        newsroom[4].delete()
        assert_same()
        assert rollup.sum_due() > 0  # the worker sums those days again
        assert rollup.due_days() == []
        assert_same()


def test_late_beacons_rolled_into_a_past_day_make_it_and_the_days_after_it_due(newsroom):
    with time_machine.travel(NOW, tick=False):
        rollup.sum_due()
        day = date(2026, 6, 6)
        RolledDay.objects.filter(day=day).update(rolls=2)  # as the outage path's roll-up does
        assert rollup.due_days() == [day]
        assert_same()
        state = SummedDay.objects.get(day=day)
        rollup.sum_day(day)
        assert SummedDay.objects.get(day=day).rolls == 2 != state.rolls
        rollup.sum_due()
        assert_same()


def test_the_command_sums_days_of_a_site_from_before_the_sums(newsroom):
    with time_machine.travel(NOW, tick=False):
        GroupDay.objects.all().delete()
        SummedDay.objects.all().delete()
        RolledDay.objects.filter(day__lt=date(2026, 6, 8)).delete()  # before the marks
        assert rollup.backfill() == RolledDay.objects.count()
        assert rollup.due_days() == []
        assert_same()
