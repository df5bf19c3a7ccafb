"""Counts stay exact when many comments arrive at once (real threads, real database)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from comments.models import Comment, Status
from newsroom.models import ArticlePage
from testing import ORIGIN
from testing.comments import old_token
from testing.factories import make_article

THREADS = 8
POSTS_PER_THREAD = 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_keep_the_count_exact(site_skeleton, policy):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL (CI runs it there)")
    article = make_article(title="Гарачая тэма", section_slug=None)
    policy.per_minute = policy.per_hour = 1000
    policy.save()

    def post_many(thread):
        client = Client(REMOTE_ADDR=f"198.51.100.{thread + 1}")
        codes = []
        for number in range(POSTS_PER_THREAD):
            response = client.post(
                f"/be/comments/{article.pk}/post/",
                {"text": f"Каментар {thread}-{number}", "token": old_token(article)},
                headers={"origin": ORIGIN},
            )
            codes.append(response.status_code)
        connections.close_all()
        return codes

    with ThreadPoolExecutor(THREADS) as pool:
        codes = [code for result in pool.map(post_many, range(THREADS)) for code in result]
    assert codes == [201] * THREADS * POSTS_PER_THREAD
    published = Comment.objects.filter(status=Status.PUBLISHED).count()
    assert published == THREADS * POSTS_PER_THREAD
    assert ArticlePage.objects.get(pk=article.pk).comment_count == published
