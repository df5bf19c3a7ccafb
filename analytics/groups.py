"""Sections, authors (bylines) and languages over a period, against the period before it.

An article with two bylines counts in full for each author: a byline is a share of the
credit, not of the readers.
"""

from collections import defaultdict
from datetime import timedelta

from django.db import connection
from django.db.models import Count, IntegerField, Min, Q, Sum
from django.db.models.expressions import RawSQL
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from comments.models import Comment, Status
from newsroom.models import Author, SectionPage
from readership import clock, engagement
from readership.flush import FIGURES
from readership.models import EngagementDay, EngagementHour, ReadingDay, ReadingHour

from . import figures, rollup
from .models import GroupDay

CAPTIONS = {
    "section": lambda: _("Sections over the period, against the previous period"),
    "author": lambda: _("Authors over the period, against the previous period"),
    "language": lambda: _("Languages over the period, against the previous period"),
}
HEADERS = {
    "section": lambda: _("Section"),
    "author": lambda: _("Author"),
    "language": lambda: _("Language"),
}


def caption(by):
    return CAPTIONS[by]()


def header(by):
    return HEADERS[by]()


def group_labels(by, keys):
    """{key: label} for GroupDay keys: a section's title and language, an author's name."""
    if by == "language":
        return {key: key for key in keys}
    if by == "section":
        ids = {int(key.split(":")[0]) for key in keys if key}
        titles = dict(SectionPage.objects.filter(pk__in=ids).values_list("pk", "title"))
        labels = {}
        for key in keys:
            section, _sep, code = key.partition(":")
            title = titles.get(int(section)) if section else None
            # A section deleted since: its articles have none now.
            labels[key] = f"{title} ({code})" if title else _("No section")
        return labels
    ids = {int(key) for key in keys if key}
    names = dict(Author.objects.filter(pk__in=ids).values_list("pk", "name"))
    return {
        key: names.get(int(key)) if key and int(key) in names else _("No byline") for key in keys
    }


def change(now, before):
    return round(100 * (now - before) / before, 1) if before else None


def new_group():
    return {"figures": figures.new_figures(), "articles": 0, "likes": 0, "comments": 0}


def period_sums(by, first, last, fresh=None, extras=("likes", "comments"), so_far=None):
    """({key: group}, {referrer: figures}) over days first..last.

    Days summed by the worker come from GroupDay (a row per group a day), and so does a
    day not rolled up yet (today) up to the hour its rows were summed through, comments
    aside; the rest (today's later hours and comments, a day rolled up a minute ago, a day
    whose sums went out of date) article by article, as figures.collect reads them. Nothing
    is read twice. `fresh`: the summed days, if known; `so_far`: the days summed through an
    hour (looked up with `fresh` when it is not given); `extras`: which of likes and
    comments the rest adds too.
    """
    if fresh is None:
        fresh = rollup.fresh_days(first, last)
        so_far = rollup.summed_so_far(first, last) if so_far is None else so_far
    fresh = {day for day in fresh if first <= day <= last}
    so_far = {day for day in so_far or () if first <= day <= last and day not in fresh}
    found, referrers = defaultdict(new_group), defaultdict(figures.new_figures)
    since = first.isoformat()
    summed = figures.day_ranges(fresh | so_far, "day")
    through = {}  # {day: hour} of the days summed through an hour: later hours come apart
    if summed is not None:
        rows = GroupDay.objects.filter(summed, group__in=[by, rollup.REFERRER]).annotate(
            first_read=first_read_on_day(since)
        )
        for day, hour, group, key, likes, comments, articles, *values in rows.values_list(
            "day", "through", "group", "key", "likes", "comments", "first_read", *FIGURES
        ):
            if day in so_far:
                if hour is None:
                    continue  # whole-day rows of a day rolled up since: read it by article
                through[day] = hour
            if group == rollup.REFERRER:
                engagement.merge(referrers[key], figures.as_figures(values))
                continue
            found_group = found[key]
            engagement.merge(found_group["figures"], figures.as_figures(values))
            found_group["likes"] += likes
            found_group["comments"] += comments
            found_group["articles"] += articles
    add_other_days(by, first, last, fresh, through, found, referrers, extras)
    return found, referrers


# The articles of a day's row last read before the period (read in it first on that day),
# summed in the database: a year of rows holds a day's key per day before it, and decoding
# them all was half the time of a year's page.
FIRST_READ_SQL = {
    "postgresql": """(SELECT COALESCE(SUM(value::bigint), 0)
        FROM jsonb_each_text("analytics_groupday"."articles") WHERE key < %s)""",
    "sqlite": """(SELECT COALESCE(SUM(value), 0)
        FROM json_each("analytics_groupday"."articles") WHERE key < %s)""",
}


def first_read_on_day(since):
    sql = FIRST_READ_SQL[connection.vendor]  # constant SQL, the day a parameter
    return RawSQL(sql, [since], output_field=IntegerField())  # noqa: S611


def add_other_days(by, first, last, fresh, through, found, referrers, extras):
    """What the days not summed add (and the hours from `through` of days summed so far),
    article by article."""
    other = [day for day in figures.days_between(first, last) if day not in fresh]
    if not other:
        return
    # Only each article's figures and each referrer's views are used: steps by article.
    pairs = figures.collect(first, last, pair, skip=fresh, split_steps=False, since=through)
    per_article = figures.regroup(pairs, lambda key: key[0])
    for (_article, referrer), figure in pairs.items():
        engagement.merge(referrers[referrer], figure)
    likes = likes_on(other, through) if "likes" in extras else {}
    # Comments are never in the sums of a day summed so far: its whole day is counted.
    comments = comments_on(other) if "comments" in extras else {}
    keys = rollup.group_keys([by], set(per_article) | set(likes) | set(comments))
    counted = first_read_elsewhere(per_article, first, last, fresh, through)
    for article, groups in keys.items():
        for key in groups[by]:
            group = found[key]
            if article in per_article:
                engagement.merge(group["figures"], per_article[article])
                group["articles"] += article not in counted
            group["likes"] += likes.get(article, 0)
            group["comments"] += comments.get(article, 0)


def first_read_elsewhere(articles, first, last, fresh, through):
    """The articles counted in the sums: those whose first stored day of the period is a
    summed one, and those read first on a day summed so far, in its hours summed."""
    if not articles or not (fresh or through):
        return set()
    rows = (
        EngagementDay.objects.filter(article_id__in=articles, day__gte=first, day__lte=last)
        .exclude(day__in=list(through))  # rolled up a moment ago: still read by hour
        .values("article_id")
        .annotate(first=Min("day"))
        .values_list("article_id", "first")
    )
    counted, earlier = set(), set()
    for article, day in rows:
        earlier.add(article)
        if day in fresh:
            counted.add(article)
    later = [article for article in articles if article not in earlier]
    if through and later:
        # Days summed so far are not rolled up: the latest of the period, after every day.
        hours = Q()
        for day, hour in through.items():
            hours |= Q(hour__gte=clock.start_of(day), hour__lt=hour)
        counted |= set(
            EngagementHour.objects.filter(hours, article_id__in=later)
            .values_list("article_id", flat=True)
            .distinct()
        )
    return counted


def likes_on(days, through=None):
    """{article: net likes} on the days: closed days from ReadingDay, the others by hour
    (from `through`'s hour for a day in it)."""
    likes = defaultdict(int)
    closed = set()
    whole = figures.day_ranges([day for day in days if day not in (through or {})], "day")
    rows = ReadingDay.objects.filter(whole) if whole is not None else ReadingDay.objects.none()
    for article, day, n in rows.values_list("article_id", "day", "likes"):
        likes[article] += n
        closed.add(day)
    kept = (clock.now() - clock.hour_retention() - clock.DAY).date()  # older: no hours left
    open_days = [day for day in days if day not in closed and day >= kept]
    if open_days:
        hours = (
            ReadingHour.objects.filter(figures.day_ranges(open_days, "hour", through))
            .annotate(day=TruncDate("hour", tzinfo=clock.UTC))
            .values("article_id", "day")
            .annotate(n=Sum("likes"))
            .values_list("article_id", "day", "n")
            .order_by()
        )
        for article, day, n in hours:
            if day not in closed:
                likes[article] += n
    return likes


def comments_on(days):
    """{article: comments posted on the days and published}, from an index alone (tens of
    thousands on a busy day: comments.Comment's `comment_published_at`)."""
    return dict(
        Comment.objects.filter(figures.day_ranges(days, "created_at"), status=Status.PUBLISHED)
        .values("article_id")
        .annotate(n=Count("*"))
        .values_list("article_id", "n")
    )


def by_label(by, now, before):
    """{label: (group now, group before)}: groups with the same label shown as one."""
    labels = group_labels(by, set(now) | set(before))
    merged = defaultdict(lambda: (new_group(), new_group()))
    for sums, side in ((now, 0), (before, 1)):
        for key, group in sums.items():
            target = merged[labels[key]][side]
            engagement.merge(target["figures"], group["figures"])
            for name in ("articles", "likes", "comments"):
                target[name] += group[name]
    return merged


def report(by, first, last):
    """Rows of the group table and the referrers table, largest first."""
    length = (last - first).days + 1
    previous_first, previous_last = first - timedelta(days=length), first - timedelta(days=1)
    current, current_referrers = period_sums(by, first, last)
    # The table shows the previous period's likes, not its comments.
    previous, previous_referrers = period_sums(by, previous_first, previous_last, extras=("likes",))
    rows = []
    for label, (group, earlier) in by_label(by, current, previous).items():
        now, before = group["figures"], earlier["figures"]
        shares = dict((depth, share) for depth, _views, share in figures.scroll_shares(now))
        rows.append(
            [
                label,
                group["articles"],
                now["views"],
                before["views"],
                change(now["views"], before["views"]),
                seconds(figures.median_seconds(now)),
                seconds(figures.median_seconds(before)),
                shares[50],
                shares[100],
                group["likes"],
                earlier["likes"],
                group["comments"],
            ]
        )
    rows.sort(key=lambda row: (-row[2], str(row[0])))
    return {"rows": rows, "referrers": referrer_rows(current_referrers, previous_referrers)}


def seconds(value):
    if value is None:
        return "–"
    minutes, rest = divmod(value, 60)
    return f"{minutes}:{rest:02d}"


def pair(article, when, host, referrer):
    return (article, referrer)


def referrer_rows(now, before):
    """[[referrer, views, views before, change %]] from figures keyed by referrer."""
    rows = [
        [
            referrer,
            now.get(referrer, figures.new_figures())["views"],
            before.get(referrer, figures.new_figures())["views"],
        ]
        for referrer in set(now) | set(before)
    ]
    rows = [[r, views, old, change(views, old)] for r, views, old in rows]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return rows
