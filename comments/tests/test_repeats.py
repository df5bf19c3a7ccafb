"""The duplicate check stays a few index reads however busy the discussion."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from comments.likeness import fingerprint
from comments.models import Comment, Status
from comments.pipeline import repeats
from testing.comments import api_post
from testing.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_article(homes):
    """An article with 3,000 comments in the last minutes, one stored before fingerprints."""
    article = make_article(title="Гарачая дыскусія")
    now = timezone.now()
    comments = [
        Comment(
            article=article,
            author_name="Чытач",
            text=f"Каментар {number}",
            fingerprint=fingerprint(f"Каментар {number}"),
            status=Status.PUBLISHED,
            client="c" * 32,
            language="be",
            created_at=now - timedelta(seconds=number % 300),
        )
        for number in range(3000)
    ]
    comments.append(
        Comment(
            article=article,
            text="Стары каментар без адбітка",
            status=Status.PUBLISHED,
            client="c" * 32,
            language="be",
            created_at=now,
        )
    )
    Comment.objects.bulk_create(comments)
    return article


def test_repeats_are_refused_by_fingerprint_and_by_the_text_of_older_rows(
    client, busy_article, policy
):
    for text in ("КАМЕНТАР  1234", "Стары каментар без адбітка"):
        response = api_post(client, busy_article, text=text)
        assert (response.status_code, response.json()["code"]) == (409, "duplicate")
    assert api_post(client, busy_article, text="Зусім новы каментар").status_code == 201
    assert Comment.objects.filter(article=busy_article).count() == 3002


def test_the_check_reads_the_repeats_alone_not_the_discussion(busy_article):
    if connection.vendor != "postgresql":
        pytest.skip("the row counts come from PostgreSQL's EXPLAIN ANALYZE")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE comments_comment")
    since = timezone.now() - timedelta(minutes=10)
    found = repeats(busy_article, fingerprint("Каментар 7"), "Каментар 7", since)
    plan = found.explain(analyze=True)
    assert "comment_repeats" in plan
    removed = [int(line.split(":")[1]) for line in plan.splitlines() if "Removed by" in line]
    assert sum(removed) < 10, plan
    assert found.count() == 1
