"""The database fails between storing a comment and counting it: nothing is half-written,
and the reader gets a 503 in the article's language instead of a 500."""

import pytest
from django.db import OperationalError, connection

from comments.models import Comment
from newsroom.models import ArticlePage
from testing import postgres_connection
from testing.comments import api_post, form_post
from testing.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def article(site_skeleton, policy):
    return make_article(title="Навіна для каментароў", section_slug=None)


class Statements:
    """Records the SQL our connection runs; fails the comment count's UPDATE if asked."""

    def __init__(self, fail_count=False):
        self.fail_count = fail_count
        self.seen = []

    def __call__(self, execute, sql, params, many, context):
        self.seen.append(sql)
        if self.fail_count and sql.startswith("UPDATE") and "comment_count" in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    def ran(self, start, table):
        return any(sql.startswith(start) and table in sql for sql in self.seen)


def assert_nothing_stored(article):
    assert Comment.objects.count() == 0
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 0


def test_a_failure_between_comment_and_count_stores_neither(client, article):
    statements = Statements(fail_count=True)
    with connection.execute_wrapper(statements):
        page = form_post(client, article, text="Першы каментар")
        answer = api_post(client, article, text="Другі каментар")
    assert statements.ran("INSERT", "comments_comment")  # the first write did happen
    assert page.status_code == 503
    assert "Гэтую старонку зараз немагчыма паказаць" in page.content.decode()
    assert answer.status_code == 503
    assert answer.json()["code"] == "unavailable"
    assert_nothing_stored(article)

    assert form_post(client, article, text="Першы каментар").status_code == 201
    assert Comment.objects.count() == 1
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 1


def test_a_lock_timeout_on_the_count_rolls_the_comment_back(client, article):
    """PostgreSQL: another transaction holds the articles table; the count's UPDATE waits,
    gives up, and the comment inserted just before it goes too."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time: the INSERT itself would wait")
    other = postgres_connection()
    # EXCLUSIVE lets readers read the article but no one update it.
    other.execute("LOCK TABLE newsroom_articlepage IN EXCLUSIVE MODE")
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '200ms'")
    statements = Statements()
    try:
        with connection.execute_wrapper(statements):
            answer = api_post(client, article, text="Каментар у замку")
    finally:
        other.rollback()
        other.close()
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    assert statements.ran("INSERT", "comments_comment")
    assert statements.ran("UPDATE", "comment_count")
    assert answer.status_code == 503
    assert_nothing_stored(article)
