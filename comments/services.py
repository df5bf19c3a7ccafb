"""Posting, reporting and moderating comments: each change in one transaction."""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.models import ArticlePage
from privacy.clients import ban_tokens, client_hash, network_hash
from privacy.limits import too_many
from samizdat import pagecache

from . import pipeline
from .models import (
    Action,
    Comment,
    CommentReport,
    ModerationAction,
    Reason,
    Status,
    add_to_comment_count,
    refresh_comment_count,
)

# Sent with article_id whenever what readers see of an article's comments changed, so a
# page cache can purge that article and the lists that show its count.
comments_changed = Signal()

BAN_TOKEN_TTL = 48 * 3600
# Per address: a reader who reports what they see as they read stays far below this.
REPORT_RATES = (("comment-reports:minute", "5/m"), ("comment-reports:hour", "20/h"))


def announce_change(article_id, keep_stale=False, article=None):
    """Readers must see the change: drop the article's cached page, tell other apps.

    keep_stale when the change only adds a comment: readers arriving while the page is
    rendered again get the copy without it rather than all rendering it at once.
    """
    if article is None:
        article = ArticlePage.objects.filter(pk=article_id).first()
    if article is not None:
        pagecache.purge_path(article.url, keep_stale=keep_stale)
    comments_changed.send(Comment, article_id=article_id)


def post_comment(request, article, cleaned):
    """Run the pipeline; return a Refusal, or the stored Comment."""
    policy = pipeline.current_policy()
    submission = pipeline.Submission(
        request=request,
        article=article,
        name=cleaned["name"],
        text=cleaned["text"],
        honeypot=cleaned.get("website", ""),
        form_token=cleaned.get("token", ""),
        client=client_hash(request, "comments"),
        policy=policy,
    )
    outcome = pipeline.run(submission)
    if isinstance(outcome, pipeline.Refusal):
        return outcome
    comment = store(submission, outcome)
    # Kept only in the cache, only for as long as a moderator may want to ban the sender.
    cache.set(pipeline.ban_token_key(comment.pk), ban_tokens(request)[0], BAN_TOKEN_TTL)
    return comment


def store(submission, verdict):
    with transaction.atomic():
        comment = Comment.objects.create(
            article=submission.article,
            author_name=submission.name,
            text=submission.text,
            fingerprint=submission.fingerprint,
            status=verdict.status,
            reason=verdict.reason,
            client=submission.client,
            language=submission.article.locale.language_code,
            created_at=submission.now,
        )
        if verdict.status == Status.PUBLISHED:
            # The article's count with this comment, for the poster's page to show.
            comment.counted = add_to_comment_count(submission.article.pk, 1)
            article = submission.article  # loaded by the view: its URL needs no query
            transaction.on_commit(
                lambda: announce_change(article.pk, keep_stale=True, article=article)
            )
    return comment


def report_comment(request, comment, reason):
    """Record a report once per network; reports from enough networks hold the comment for
    review (hidden, not deleted: a moderator may approve it back). A Refusal when this
    address reports too often, else None.

    One person may have a few addresses in one network, or rotate headers: neither may
    count as the independent readers it takes to take a comment down.
    """
    if any(too_many(request, scope, rate) for scope, rate in REPORT_RATES):
        message = _("You are reporting too often. Please wait a little.")
        return pipeline.Refusal("rate_limited", message, 429)
    source = network_hash(request, "comment-reports")
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, reason=reason, client=source)
            Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
    except IntegrityError:
        return None  # this network already reported it; nothing changes
    comment.refresh_from_db()
    policy = pipeline.current_policy()
    if comment.status == Status.PUBLISHED and comment.report_count >= policy.reports_to_hide:
        apply(comment, Action.AUTO_HIDE, moderator=None)
    return None


NEW_STATUS = {
    Action.APPROVE: Status.PUBLISHED,
    Action.HIDE: Status.HIDDEN,
    Action.SPAM: Status.SPAM,
    Action.AUTO_HIDE: Status.HIDDEN,
}


def apply(comment, action, moderator, note="", ban_days=0):
    """A moderator's (or the reports') action: new status, audit record, fresh count."""
    with transaction.atomic():
        if action == Action.BAN:
            ban_sender(comment, ban_days)
            note = note or f"{ban_days} d"
        else:
            comment.status = NEW_STATUS[action]
            comment.reason = Reason.REPORTED if action == Action.AUTO_HIDE else comment.reason
            comment.save(update_fields=["status", "reason"])
        ModerationAction.objects.create(
            comment=comment,
            moderator=moderator,
            action=action,
            note=note,
            created_at=timezone.now(),
        )
        refresh_comment_count(comment.article_id)
        # An approved comment only adds to the page; any other action takes one away.
        approved = action == Action.APPROVE
        transaction.on_commit(lambda: announce_change(comment.article_id, keep_stale=approved))


def ban_sender(comment, days):
    """Ban the sender for some days, as far as the ban token of that comment is still known."""
    token = cache.get(pipeline.ban_token_key(comment.pk))
    if token:
        cache.set(pipeline.ban_key(token), True, days * 24 * 3600)
    # A banned sender's comment does not stay up.
    comment.status = Status.SPAM if comment.status == Status.SPAM else Status.HIDDEN
    comment.save(update_fields=["status"])
    return bool(token)
