"""The day's top stories for a digest, by Most read, for the editor to reorder or trim.

The numbers belong to the readership app, which answers the `newsletter_top_stories` hook
with article ids, most read first; the newsletter does not import it (one app per
capability, and either works without the other).
"""

from django.db.models import Max
from wagtail import hooks

from .models import IssueArticle

DIGEST_LENGTH = 8


def top_stories(language, count=DIGEST_LENGTH):
    """Ids of the edition's most read articles today, from the first app that answers."""
    for answer in hooks.get_hooks("newsletter_top_stories"):
        ids = answer(language, count)
        if ids:
            return ids
    return []


def add_most_read(issue, count=DIGEST_LENGTH):
    """Append today's Most read articles the issue lacks, after the editor's own; how many."""
    rows = issue.articles.all()
    present = set(rows.values_list("article_id", flat=True))
    last = rows.aggregate(last=Max("sort_order"))["last"]
    order = -1 if last is None else last
    added = [pk for pk in top_stories(issue.language, count) if pk not in present]
    IssueArticle.objects.bulk_create(
        IssueArticle(issue=issue, article_id=pk, sort_order=order + n)
        for n, pk in enumerate(added, start=1)
    )
    return len(added)
