"""The day sums by group (GroupDay) give exactly what summing every article's buckets gives,
for a period that holds summed days, today's hours summed so far, today's later hours and
what the buffer holds (views, engaged time, distinct articles, likes, comments), and stay
exact when an article moves, a byline changes, an article goes, a day is rolled up again, a
comment is moderated later or another hour of today is written."""

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from analytics import figures, groups, rollup
from analytics.models import GroupDay, SummedDay
from comments.models import Comment, Status
from newsroom.models import ArticleByline
from readership import clock, engagement
from readership.flush import flush
from readership.models import EngagementHour, RolledDay
from testing.factories import make_article, make_author, section
from testing.readership import leave, like, view

pytestmark = pytest.mark.django_db
START = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 12, 15, 30, tzinfo=UTC)
THROUGH = datetime(2026, 6, 12, 15, 0, tzinfo=UTC)  # today's hours written, the open one not
FIRST, LAST = date(2026, 6, 5), date(2026, 6, 12)  # a period of 8 days and the 8 before


@pytest.fixture(autouse=True)
def _main_domain(settings):
    settings.CANONICAL_BASE_URL = "http://testserver"


def read(client, article, readers, referrer, seconds, scroll, first_ip):
    for number in range(readers):
        ip = f"203.0.113.{first_ip + number}"
        view(client, article, referrer=referrer, ip=ip)
        leave(client, article, seconds=seconds, scroll=scroll, referrer=referrer, ip=ip)
        if number % 2 == 0:
            like(client, article, ip=ip)


def comment(article, when, status=Status.PUBLISHED):
    return Comment.objects.create(
        article=article,
        author_name="Чытач",
        text=f"Каментар {when:%d %H:%M}",
        status=status,
        client="0" * 32,
        language=article.locale.language_code,
        created_at=when,
    )


@pytest.fixture
def newsroom(client, homes):
    """Five articles read, liked and commented on some of eleven days, flushed day by day
    as the worker does; this afternoon's hour still in the buffer, this morning's in hours;
    comments this morning and in the open hour, some not published."""
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
                if (day + number) % 4 == 0:
                    comment(article, moment + timedelta(minutes=number))
                    comment(article, moment, Status.PENDING if number % 2 else Status.HIDDEN)
        with time_machine.travel(moment + timedelta(hours=20), tick=False):
            flush()
    with time_machine.travel(NOW - timedelta(hours=4), tick=False):
        read(client, articles[1], 2, "t.me", 40, 100, 50)
    with time_machine.travel(NOW - timedelta(hours=1), tick=False):
        flush()
    for number in (0, 1, 2, 4):
        comment(articles[number], NOW - timedelta(hours=6, minutes=number))  # summed so far
    comment(articles[1], NOW - timedelta(hours=5), Status.PENDING)
    with time_machine.travel(NOW, tick=False):
        read(client, articles[3], 3, "www.google.com", 20, 75, 60)
        read(client, articles[1], 1, "", 10, 50, 70)  # read in today's summed hours too
        comment(articles[3], NOW - timedelta(minutes=20))  # the open hour
        comment(articles[0], NOW - timedelta(minutes=10))
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
    """{label: (articles, views, engaged, scroll_100, leaves, likes, comments)} and
    {referrer: views}, article by article over EngagementDay, today's hours and the buffer,
    Most read's likes and the comments' rows: what the sums must equal."""
    pairs = figures.collect(first, last, groups.pair)
    per_article = figures.regroup(pairs, lambda key: key[0])
    labels = current_labels(by)
    likes = figures.likes_between(list(labels), first, last)
    posted = Comment.objects.filter(
        status=Status.PUBLISHED,
        created_at__gte=clock.start_of(first),
        created_at__lt=clock.start_of(last) + clock.DAY,
    ).values_list("article_id", flat=True)
    totals = defaultdict(lambda: [set(), engagement.empty_figures(), 0, 0])
    for article, figure in per_article.items():
        for label in labels.get(article, []):
            totals[label][0].add(article)
            engagement.merge(totals[label][1], figure)
    for article, article_labels in labels.items():
        for label in article_labels:
            totals[label][2] += likes.get(article, 0)
    for article in posted:
        for label in labels.get(article, []):
            totals[label][3] += 1
    referrers = defaultdict(int)
    for (_article, referrer), figure in pairs.items():
        referrers[referrer] += figure["views"]
    shown = {
        label: (len(arts), f["views"], f["engaged"], f["scroll_100"], f["leaves"], n, c)
        for label, (arts, f, n, c) in totals.items()
    }
    return {label: row for label, row in shown.items() if any(row[:2] + row[5:])}, dict(referrers)


def summed(by, first, last, **given):
    found, referrers = groups.period_sums(by, first, last, **given)
    labels = groups.group_labels(by, set(found))
    shown = defaultdict(lambda: [0, engagement.empty_figures(), 0, 0])
    for key, group in found.items():
        shown[labels[key]][0] += group["articles"]
        engagement.merge(shown[labels[key]][1], group["figures"])
        shown[labels[key]][2] += group["likes"]
        shown[labels[key]][3] += group["comments"]
    rows = {
        label: (n, f["views"], f["engaged"], f["scroll_100"], f["leaves"], likes, comments)
        for label, (n, f, likes, comments) in shown.items()
    }
    return (
        {label: row for label, row in rows.items() if any(row[:2] + row[5:])},
        {referrer: f["views"] for referrer, f in referrers.items()},
    )


def assert_same(first=FIRST, last=LAST, **given):
    for by in ("section", "author", "language"):
        found = summed(by, first, last, **given)
        assert found == direct(by, first, last), by
        assert any(row[5] for row in found[0].values()), "likes in the period"


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


def test_today_is_read_from_its_sums_through_the_last_written_hour(newsroom):
    with time_machine.travel(NOW, tick=False):
        rollup.sum_due()
        assert rollup.summed_so_far(FIRST, LAST) == {LAST}
        today = GroupDay.objects.filter(day=LAST)
        assert set(today.values_list("through", flat=True)) == {THROUGH}
        assert not today.filter(comments__gt=0).exists()  # today's are counted when shown
        assert_same()
        assert_same(LAST, LAST)  # an article read this morning and in the open hour: once
        found, _referrers = groups.period_sums("language", LAST, LAST)
        assert found["be"]["comments"] == 4 and found["ru"]["comments"] == 1
        assert found["be"]["likes"] > 0 and found["ru"]["figures"]["views"] == 3
        # The summed hours are not read again: a bucket changed behind the worker's back
        # does not show (the flush never does that; the test only proves where figures
        # come from).
        EngagementHour.objects.filter(hour__lt=THROUGH, hour__gte=clock.start_of(LAST)).update(
            views=1000
        )
        again, _referrers = groups.period_sums("author", LAST, LAST)
        assert all(group["figures"]["views"] < 1000 for group in again.values())


def test_comments_moderated_later_and_another_hour_written_keep_today_exact(buffer_kind, newsroom):
    with time_machine.travel(NOW, tick=False):
        rollup.sum_due()
        this_morning = Comment.objects.filter(created_at__lt=THROUGH).latest("created_at")
        this_morning.status = Status.HIDDEN  # moderated after today's sums were made
        this_morning.save(update_fields=["status"])
        Comment.objects.filter(status=Status.PENDING, created_at__gte=clock.start_of(LAST)).update(
            status=Status.PUBLISHED
        )
        Comment.objects.filter(created_at__gte=THROUGH).first().delete()
        assert rollup.summed_so_far(FIRST, LAST) == {LAST}  # today's sums hold no comment
        assert_same()
        earlier = Comment.objects.filter(created_at__lt=clock.start_of(LAST), status="published")
        earlier.latest("created_at").delete()  # yesterday's sums held it
        assert LAST - timedelta(days=1) not in rollup.fresh_days(FIRST, LAST)
        assert_same()
        rollup.sum_due()
    with time_machine.travel(NOW + timedelta(minutes=32), tick=False):
        flush()  # the 15:00 hour is written
        assert rollup.summed_so_far(FIRST, LAST) == {LAST}
        assert_same()  # summed through 15:00, the 15:00 hour read from its rows
        rollup.sum_due()
        assert set(GroupDay.objects.filter(day=LAST).values_list("through", flat=True)) == {
            THROUGH + clock.HOUR
        }
        assert_same()
    with time_machine.travel(datetime(2026, 6, 13, 0, 5, tzinfo=UTC), tick=False):
        flush()  # the day rolled up: its sums are made whole
        assert rollup.summed_so_far(FIRST, LAST) == set()
        assert_same()
        # A page that found the day summed so far just before it was rolled up reads its
        # later hours still from hours, not its whole day again.
        assert_same(fresh=rollup.fresh_days(FIRST, LAST), so_far={LAST})
        rollup.sum_due()
        assert LAST in rollup.fresh_days(FIRST, LAST)
        assert set(GroupDay.objects.filter(day=LAST).values_list("through", flat=True)) == {None}
        assert_same()


def test_hours_are_not_summed_while_the_day_before_waits_to_be_rolled_up(newsroom):
    with time_machine.travel(datetime(2026, 6, 13, 2, 30, tzinfo=UTC), tick=False):
        assert rollup.summable_through(clock.now()) is None  # the 12th is still buffered
        assert not rollup.sum_hours()


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
