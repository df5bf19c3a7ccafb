"""An article's discussion block, rendered once and kept until its comments change.

Rendering the newest comments and the form was a third of an uncached article's CPU time,
while what it shows changes only when a comment is posted, moderated or edited. Each
article has a discussion stamp in the shared cache; every saved or deleted comment gives
its article a new one (apps.py), now and again once the change is committed, so a block
rendered in between from the old rows is never taken for one of the new stamp. The block is
stored with its stamp, under the language and what decides the form (open or closed, how
many comments are shown). The form's token is the one value of each request: it is stored as
a marker and put in when the block is served.
"""

import contextlib
import secrets

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from samizdat import caching

from . import pipeline

# caching.DISCUSSION_BLOCKS: long enough for a busy discussion's readers; a new stamp
# makes the block unreachable.
TOKEN_MARKER = "\x00comment-form-token\x00"  # noqa: S105 (a place to fill, not a secret)


def stamp_key(article_id):
    return f"discussion:{article_id}"


def new_stamp(article_id):
    """What readers see of the article's comments changed: blocks stored so far are old."""
    with contextlib.suppress(*caching.UNREACHABLE):
        cache.set(stamp_key(article_id), secrets.token_hex(8), caching.DISCUSSION_STAMPS.seconds)


def _first_stamp(article_id):
    """A stamp for an article that has none (never stored, or evicted)."""
    key = stamp_key(article_id)
    try:
        cache.add(key, secrets.token_hex(8), caching.DISCUSSION_STAMPS.seconds)
        value = cache.get(key)
    except caching.UNREACHABLE:
        value = None
    # A cache that does not answer keeps nothing: a stamp of this request alone.
    return value or secrets.token_hex(8)


def block(article, comments, closed, shown):
    """The discussion's HTML. comments: a callable giving the newest comments to show.

    The block is kept with the stamp it was rendered under, and read in the same round
    trip as the article's stamp: it is served only when the two agree.
    """
    # The count too: the comments app may move it with an UPDATE alone (refresh_comment_count).
    key = (
        f"discussion-block:{article.pk}:{article.comment_count}:"
        f"{translation.get_language()}:{int(closed)}:{shown}"
    )
    try:
        found = cache.get_many([stamp_key(article.pk), key])
    except caching.UNREACHABLE:
        found = {}
    current = found.get(stamp_key(article.pk)) or _first_stamp(article.pk)
    kept_stamp, html = found.get(key, (None, None))
    if kept_stamp != current:
        html = render_to_string(
            "comments/block.html",
            {"article": article, "comments": comments(), "closed": closed, "token": TOKEN_MARKER},
        )
        if caching.keeping():
            with contextlib.suppress(*caching.UNREACHABLE):
                cache.set(key, (current, html), caching.DISCUSSION_BLOCKS.seconds)
    return html.replace(TOKEN_MARKER, pipeline.form_token(article))
