"""A backup taken while readers comment holds one committed state of the site."""

import threading

from django.core.management import call_command
from django.db import transaction
from django.db.models import F

from backups.connections import database
from comments.models import Comment, Status
from newsroom.models import ArticlePage

MAX_WRITES = 3000


def comment_until(url, article_ids, started, stop, written):
    """Post comments in this thread, each with its count update in one transaction."""
    with database(url=url) as writer:
        alias = writer.alias
        while not stop.is_set() and written[0] < MAX_WRITES:
            article_id = article_ids[written[0] % len(article_ids)]
            with transaction.atomic(using=alias):
                Comment.objects.using(alias).create(
                    article_id=article_id, author_name="Чытач", text="Так", status="published"
                )
                ArticlePage.objects.using(alias).filter(pk=article_id).update(
                    comment_count=F("comment_count") + 1
                )
            written[0] += 1
            started.set()


def counts(url):
    """Published comments per article, and the count each article keeps."""
    with database(url=url) as restored:
        alias = restored.alias
        articles = ArticlePage.objects.using(alias).order_by("pk")
        kept = {article.pk: article.comment_count for article in articles}
        rows = {
            pk: Comment.objects.using(alias).filter(article_id=pk, status=Status.PUBLISHED).count()
            for pk in kept
        }
    return kept, rows


def test_backup_while_comments_arrive_is_one_committed_state(newsroom, empty_database, tmp_path):
    first = tmp_path / "first.tar.gz"
    call_command("backup", str(first))
    live = empty_database("live")
    call_command("restore", str(first), database_url=live, media_root=str(tmp_path / "live"))
    if live.startswith("sqlite"):
        with database(url=live) as connection, connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")  # as the site runs it
    before_kept, _ = counts(live)
    ids = list(before_kept)

    started, stop, written = threading.Event(), threading.Event(), [0]
    writer = threading.Thread(target=comment_until, args=(live, ids, started, stop, written))
    writer.start()
    try:
        assert started.wait(20)
        at_start = written[0]
        during = tmp_path / "during.tar.gz"
        call_command("backup", str(during), database_url=live, media_root=str(tmp_path / "live"))
        at_end = written[0]
    finally:
        stop.set()
        writer.join(30)
    assert at_end > at_start, "the writer must have been writing while the backup ran"

    copy = empty_database("copy")
    call_command("restore", str(during), database_url=copy, media_root=str(tmp_path / "copy"))
    kept, rows = counts(copy)
    assert kept == rows
    added = sum(kept.values()) - sum(before_kept.values())
    assert at_start <= added <= at_end
