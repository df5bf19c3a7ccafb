"""The weekly summary for editors: the week's top stories, engaged time and referrer domains
against the week before, mailed by the worker once a week and shown in the admin.

A week runs Monday to Sunday (UTC, as the buckets do). Figures come from the same sums as
the dashboard (figures.collect, groups.referrers), so the mail and the dashboard agree.
Nothing here knows a reader: only counts per article and per referrer domain.
"""

from datetime import timedelta

from django.utils.translation import gettext as _

from newsroom.models import ArticlePage
from readership import clock, engagement

from . import figures, groups
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


def summed(per_article):
    total = figures.new_figures()
    for figure in per_article.values():
        engagement.merge(total, figure)
    return total


def mean_seconds(total):
    return round(total["engaged_seconds"] / total["leaves"]) if total["leaves"] else None


def summary(week):
    """The week beginning on Monday `week` against the week before, as plain numbers."""
    first, last = week, week + timedelta(days=6)
    previous_first, previous_last = first - WEEK, last - WEEK
    now_pairs = figures.collect(first, last, groups.pair)
    before_pairs = figures.collect(previous_first, previous_last, groups.pair)
    now = figures.regroup(now_pairs, lambda key: key[0])
    before = figures.regroup(before_pairs, lambda key: key[0])
    total, total_before = summed(now), summed(before)
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
        "articles": sum(1 for figure in now.values() if figure["views"]),
        "top": top_stories(now, before),
        "referrers": groups.referrer_rows(now_pairs, before_pairs)[:TOP_REFERRERS],
    }


def top_stories(now, before):
    """The most viewed articles of the week: [{article, title, views, ...}], largest first."""
    ranked = sorted(now, key=lambda article: (-now[article]["views"], article))
    ranked = [article for article in ranked if now[article]["views"]][:TOP_STORIES]
    pages = ArticlePage.objects.filter(pk__in=ranked).select_related("locale")
    known = {page.pk: page for page in pages.defer_streamfields()}
    stories = []
    for article in ranked:
        page = known.get(article)
        if page is None:
            continue  # deleted since: its buckets went with it, a leftover is not a story
        figure = now[article]
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
