"""Sections, authors (bylines) and languages over a period, against the period before it.

An article with two bylines counts in full for each author: a byline is a share of the
credit, not of the readers.
"""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Count, Min, Sum
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from comments.models import Comment, Status
from newsroom.models import Author, SectionPage
from readership import clock, engagement
from readership.flush import FIGURES
from readership.models import EngagementDay, ReadingDay, ReadingHour

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


def period_sums(by, first, last, fresh=None, extras=("likes", "comments")):
    """({key: group}, {referrer: figures}) over days first..last.

    Days summed by the worker come from GroupDay (a row per group a day); the others
    (today, a day rolled up a minute ago, a day whose sums went out of date) article by
    article, as figures.collect reads them. Nothing is read twice. `fresh`: the summed days,
    if known; `extras`: which of likes and comments the days not summed add too.
    """
    if fresh is None:
        fresh = rollup.fresh_days(first, last)
    fresh = {day for day in fresh if first <= day <= last}
    found, referrers = defaultdict(new_group), defaultdict(figures.new_figures)
    since = first.isoformat()
    summed = figures.day_ranges(fresh, "day")
    if summed is not None:
        rows = GroupDay.objects.filter(summed, group__in=[by, rollup.REFERRER]).values_list(
            "group", "key", "likes", "comments", "articles", *FIGURES
        )
        for group, key, likes, comments, articles, *values in rows:
            if group == rollup.REFERRER:
                engagement.merge(referrers[key], figures.as_figures(values))
                continue
            found_group = found[key]
            engagement.merge(found_group["figures"], figures.as_figures(values))
            found_group["likes"] += likes
            found_group["comments"] += comments
            # Articles last read before the period: read in it first on this day.
            found_group["articles"] += sum(n for last, n in articles.items() if last < since)
    add_other_days(by, first, last, fresh, found, referrers, extras)
    return found, referrers


def add_other_days(by, first, last, fresh, found, referrers, extras):
    """What the days not summed add, article by article."""
    other = [day for day in figures.days_between(first, last) if day not in fresh]
    if not other:
        return
    # Only each article's figures and each referrer's views are used: steps by article.
    pairs = figures.collect(first, last, pair, skip=fresh, split_steps=False)
    per_article = figures.regroup(pairs, lambda key: key[0])
    for (_article, referrer), figure in pairs.items():
        engagement.merge(referrers[referrer], figure)
    likes = likes_on(other) if "likes" in extras else {}
    comments = comments_on(other) if "comments" in extras else {}
    keys = rollup.group_keys([by], set(per_article) | set(likes) | set(comments))
    counted = first_read_elsewhere(per_article, first, last, fresh)
    for article, groups in keys.items():
        for key in groups[by]:
            group = found[key]
            if article in per_article:
                engagement.merge(group["figures"], per_article[article])
                group["articles"] += article not in counted
            group["likes"] += likes.get(article, 0)
            group["comments"] += comments.get(article, 0)


def first_read_elsewhere(articles, first, last, fresh):
    """The articles whose first stored day of the period is a summed one (counted there)."""
    if not fresh:
        return set()
    rows = (
        EngagementDay.objects.filter(article_id__in=articles, day__gte=first, day__lte=last)
        .values("article_id")
        .annotate(first=Min("day"))
        .values_list("article_id", "first")
    )
    return {article for article, day in rows if day in fresh}


def likes_on(days):
    """{article: net likes} on the days: closed days from ReadingDay, the others by hour."""
    likes = defaultdict(int)
    closed = set()
    for article, day, n in ReadingDay.objects.filter(figures.day_ranges(days, "day")).values_list(
        "article_id", "day", "likes"
    ):
        likes[article] += n
        closed.add(day)
    kept = (clock.now() - clock.hour_retention() - clock.DAY).date()  # older: no hours left
    open_days = [day for day in days if day not in closed and day >= kept]
    if open_days:
        hours = (
            ReadingHour.objects.filter(figures.day_ranges(open_days, "hour"))
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
    return dict(
        Comment.objects.filter(figures.day_ranges(days, "created_at"), status=Status.PUBLISHED)
        .values("article_id")
        .annotate(n=Count("pk"))
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
