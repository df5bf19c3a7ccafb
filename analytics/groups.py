"""Sections, authors (bylines) and languages over a period, against the period before it.

An article with two bylines counts in full for each author: a byline is a share of the
credit, not of the readers.
"""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Count
from django.utils.translation import gettext as _

from comments.models import Comment, Status
from newsroom.models import ArticleByline, ArticlePage
from readership import clock, engagement

from . import figures

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


def article_groups(by, article_ids):
    """{article: [group label, ...]} for the articles named."""
    if by == "author":
        found = defaultdict(list)
        for page, name in ArticleByline.objects.filter(page_id__in=article_ids).values_list(
            "page_id", "author__name"
        ):
            found[page].append(name)
        return {article: found.get(article) or [_("No byline")] for article in article_ids}
    rows = ArticlePage.objects.filter(pk__in=article_ids).values_list(
        "pk", "section__title", "locale__language_code"
    )
    if by == "section":
        return {pk: [f"{title} ({code})" if title else _("No section")] for pk, title, code in rows}
    return {pk: [code] for pk, _title, code in rows}


def comments_between(article_ids, first, last):
    start = clock.start_of(first)
    end = clock.start_of(last) + timedelta(days=1)
    return dict(
        Comment.objects.filter(
            article_id__in=article_ids,
            status=Status.PUBLISHED,
            created_at__gte=start,
            created_at__lt=end,
        )
        .values("article_id")
        .annotate(n=Count("pk"))
        .values_list("article_id", "n")
    )


def change(now, before):
    return round(100 * (now - before) / before, 1) if before else None


def report(by, first, last):
    """Rows of the group table and the referrers table, largest first."""
    length = (last - first).days + 1
    previous_first, previous_last = first - timedelta(days=length), first - timedelta(days=1)
    # One pass over each period's buckets serves both tables (by article, by referrer).
    current_pairs = figures.collect(first, last, pair)
    previous_pairs = figures.collect(previous_first, previous_last, pair)
    current = figures.regroup(current_pairs, lambda key: key[0])
    previous = figures.regroup(previous_pairs, lambda key: key[0])
    articles = set(current) | set(previous)
    labels = article_groups(by, articles)
    likes = figures.likes_between(articles, first, last)
    likes_before = figures.likes_between(articles, previous_first, previous_last)
    comments = comments_between(articles, first, last)
    totals = defaultdict(
        lambda: {
            "now": figures.new_figures(),
            "before": figures.new_figures(),
            "articles": set(),
            "likes": 0,
            "likes_before": 0,
            "comments": 0,
        }
    )
    for article in articles:
        for label in labels.get(article, []):
            group = totals[label]
            if article in current:
                engagement.merge(group["now"], current[article])
                group["articles"].add(article)
            if article in previous:
                engagement.merge(group["before"], previous[article])
            group["likes"] += likes.get(article, 0)
            group["likes_before"] += likes_before.get(article, 0)
            group["comments"] += comments.get(article, 0)
    rows = []
    for label, group in totals.items():
        now, before = group["now"], group["before"]
        shares = dict((depth, share) for depth, _views, share in figures.scroll_shares(now))
        rows.append(
            [
                label,
                len(group["articles"]),
                now["views"],
                before["views"],
                change(now["views"], before["views"]),
                seconds(figures.median_seconds(now)),
                seconds(figures.median_seconds(before)),
                shares[50],
                shares[100],
                group["likes"],
                group["likes_before"],
                group["comments"],
            ]
        )
    rows.sort(key=lambda row: (-row[2], str(row[0])))
    return {"rows": rows, "referrers": referrer_rows(current_pairs, previous_pairs)}


def seconds(value):
    if value is None:
        return "–"
    minutes, rest = divmod(value, 60)
    return f"{minutes}:{rest:02d}"


def pair(article, when, host, referrer):
    return (article, referrer)


def referrer_rows(current_pairs, previous_pairs):
    """[[referrer, views, views before, change %]] from figures keyed (article, referrer)."""
    now = figures.regroup(current_pairs, lambda key: key[1])
    before = figures.regroup(previous_pairs, lambda key: key[1])
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
