"""The weekly summary for editors: the week's top stories, engaged time and referrer domains
against the week before, mailed by the worker once a week and shown in the admin.

A week runs Monday to Sunday (UTC, as the buckets do). Figures come from the same sums as
the dashboard (figures.collect, groups.referrers), so the mail and the dashboard agree.
Nothing here knows a reader: only counts per article and per referrer domain.
"""

from datetime import timedelta

from django.db.models import Sum
from django.utils.translation import gettext as _

from newsroom.models import ArticlePage
from readership import clock, engagement
from readership.models import EngagementDay

from . import figures, groups, rollup
from .labels import referrer_label, seconds_text

TOP_STORIES = 10
TOP_REFERRERS = 10
WEEK = timedelta(days=7)


def monday_of(day):
    return day - timedelta(days=day.weekday())


def last_closed_week(moment=None):
    """The Monday of the latest week whose last hour the flush has had time to write."""
    moment = moment or clock.now()
    return monday_of((moment - clock.FLUSH_GRACE).date()) - WEEK


def summed(groups_found):
    total = figures.new_figures()
    for group in groups_found.values():
        engagement.merge(total, group["figures"])
    return total


def mean_seconds(total):
    return round(total["engaged_seconds"] / total["leaves"]) if total["leaves"] else None


def views_by_article(first, last, fresh):
    """{article: views} over days first..last: summed days in SQL, the others by bucket."""
    views = {}
    summed_days = figures.day_ranges(fresh, "day")
    if summed_days is not None:
        views = dict(
            EngagementDay.objects.filter(summed_days)
            .values("article_id")
            .annotate(n=Sum("views"))
            .values_list("article_id", "n")
        )
    others = figures.collect(
        first, last, lambda article, *rest: article, skip=fresh, split_steps=False
    )
    for article, figure in others.items():
        views[article] = views.get(article, 0) + figure["views"]
    return views


def summary(week):
    """The week beginning on Monday `week` against the week before, as plain numbers.

    Totals and referrers come from the day sums by language (every article has one) and
    by referrer; the top stories from each article's views, then their own buckets.
    """
    first, last = week, week + timedelta(days=6)
    previous_first, previous_last = first - WEEK, last - WEEK
    fresh = rollup.fresh_days(previous_first, last)
    now_groups, now_referrers = groups.period_sums("language", first, last, fresh, extras=())
    before_groups, before_referrers = groups.period_sums(
        "language", previous_first, previous_last, fresh, extras=()
    )
    total, total_before = summed(now_groups), summed(before_groups)
    now = views_by_article(first, last, fresh)
    return {
        "week": week,
        "first": first,
        "last": last,
        "previous_first": previous_first,
        "previous_last": previous_last,
        "views": total["views"],
        "views_before": total_before["views"],
        "change": groups.change(total["views"], total_before["views"]),
        "median": figures.median_seconds(total),
        "median_before": figures.median_seconds(total_before),
        "mean": mean_seconds(total),
        "mean_before": mean_seconds(total_before),
        "articles": sum(1 for views in now.values() if views),
        "top": top_stories(now, first, last),
        "referrers": groups.referrer_rows(now_referrers, before_referrers)[:TOP_REFERRERS],
    }


def top_stories(now, first, last):
    """The most viewed articles of the week: [{article, title, views, ...}], largest first."""
    ranked = sorted(now, key=lambda article: (-now[article], article))
    ranked = [article for article in ranked if now[article]][:TOP_STORIES]
    pages = ArticlePage.objects.filter(pk__in=ranked).select_related("locale")
    known = {page.pk: page for page in pages.defer_streamfields()}
    # Both weeks in one pass: keyed (article, in this week).
    both = figures.collect(
        first - WEEK,
        last,
        lambda a, when, *rest: (a, figures.as_day(when) >= first),
        set(ranked),
        split_steps=False,
    )
    own = {article: figure for (article, this), figure in both.items() if this}
    before = {article: figure for (article, this), figure in both.items() if not this}
    stories = []
    for article in ranked:
        page = known.get(article)
        if page is None:
            continue  # deleted since: its buckets went with it, a leftover is not a story
        figure = own.get(article, figures.new_figures())
        stories.append(
            {
                "article": article,
                "title": page.title,
                "language": page.locale.language_code,
                "views": figure["views"],
                "views_before": before.get(article, figures.new_figures())["views"],
                "median": figures.median_seconds(figure),
                "reached_end": figures.scroll_shares(figure)[-1][2],
            }
        )
    return stories


def as_text(data):
    """Labels and times in the active language, for the mail and the page."""
    return {
        **data,
        "median_text": seconds_text(data["median"]),
        "median_before_text": seconds_text(data["median_before"]),
        "mean_text": seconds_text(data["mean"]),
        "mean_before_text": seconds_text(data["mean_before"]),
        "change_text": change_text(data["change"]),
        "top": [{**story, "median_text": seconds_text(story["median"])} for story in data["top"]],
        "referrers": [
            {
                "label": referrer_label(referrer),
                "views": views,
                "views_before": before,
                "change_text": change_text(change),
            }
            for referrer, views, before, change in data["referrers"]
        ],
    }


def top_headers():
    return [
        _("Headline"),
        _("Language"),
        _("Views"),
        _("Views, previous week"),
        _("Median engaged time"),
        _("Reached 100 %, %"),
    ]


def referrer_headers():
    return [_("Referrer"), _("Views"), _("Views, previous week"), _("Change, %")]


def change_text(change):
    if change is None:
        return _("new")
    return f"{change:+.1f} %"
