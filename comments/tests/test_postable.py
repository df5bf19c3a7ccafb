"""What a post through the API reads of its article: one statement, the same answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from comments import postable
from comments.models import (
    Comment,
    CommentPolicy,
    DiscussionSwitch,
    Reason,
    Status,
    add_to_comment_count,
)
from newsroom import lookups
from newsroom.models import ArticlePage
from samizdat import caching
from testing.comments import api_post, form_post
from testing.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(homes):
    return make_article(title="Навіна для каментараў")


def reads(queries, table):
    return [query["sql"] for query in queries.captured_queries if f'"{table}"' in query["sql"]]


def test_a_post_reads_its_article_and_switches_in_one_statement(client, article, policy):
    lookups.restricted_paths()  # the view restrictions, remembered between publications
    with CaptureQueriesContext(connection) as queries:
        response = api_post(client, article)
    assert response.status_code == 201
    comment = Comment.objects.get()
    assert (comment.language, comment.status) == ("be", Status.PUBLISHED)
    # That statement, then the count's update, which returns the count for the answer:
    # nothing asked for a field the statement did not load.
    page_reads = reads(queries, "wagtailcore_page")
    assert len(page_reads) == 1
    assert reads(queries, "comments_discussionswitch") == page_reads
    article_reads = reads(queries, "newsroom_articlepage")
    assert len(article_reads) == 2
    assert article_reads[1].startswith("UPDATE") and "RETURNING" in article_reads[1]
    assert response.json()["count"] == 1
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 1


def test_the_count_is_kept_right_where_the_database_returns_nothing_it_updates(
    client, article, policy, monkeypatch
):
    # SQLite before 3.35: the ORM's UPDATE, then a read of the count. Only around the
    # count: the ORM's own INSERTs read the same feature.
    with monkeypatch.context() as older_database:
        features = type(connection.features)
        older_database.setattr(features, "can_return_columns_from_insert", False)
        assert add_to_comment_count(article.pk, 2) == 2
        assert add_to_comment_count(10**9, 1) is None  # no such article: nothing to count
    # The statement goes on from the count the other way left.
    assert api_post(client, article).json()["count"] == 3
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 3


def test_a_post_without_javascript_reads_its_article_as_the_api_does(client, article, policy):
    lookups.restricted_paths()
    client.get(article.url)  # the page the form is on: the masthead's lists are kept
    with CaptureQueriesContext(connection) as queries:
        response = form_post(client, article)
    assert response.status_code == 201
    assert "Навіна для каментараў" in response.content.decode()  # "back to the article"
    # The statement, the count's update and nothing more: no field loaded on its own.
    article_reads = reads(queries, "newsroom_articlepage")
    assert len(article_reads) == 2
    assert article_reads[0].startswith(postable.statement().split(" WHERE ")[0])
    assert article_reads[1].startswith("UPDATE")
    # An address in another language's edition is no address of this article.
    assert form_post(client, article, language="ru").status_code == 404
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("target", ["article", "section"])
def test_switches_on_the_article_or_its_section_hold_for_api_posts(client, article, policy, target):
    page_id = article.pk if target == "article" else article.section_id
    switch = DiscussionSwitch.objects.create(page_id=page_id, premoderated=True)
    assert api_post(client, article).json()["status"] == "pending"
    assert Comment.objects.get().reason == Reason.PREMODERATION
    switch.comments_closed = True
    switch.save()
    response = api_post(client, article, text="Іншы тэкст")
    assert (response.status_code, response.json()["code"]) == (403, "closed")
    assert Comment.objects.count() == 1


def test_no_comment_reaches_an_unpublished_or_private_article(client, homes, policy):
    draft = make_article(title="Чарнавік", publish=False)
    private = make_article(title="Для сваіх")
    assert api_post(client, private).status_code == 201
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for article in (draft, private):
        response = api_post(client, article, text="Яшчэ адзін")
        assert (response.status_code, response.json()["code"]) == (404, "unknown_article")
    assert Comment.objects.count() == 1


def test_a_post_reads_the_settings_the_pages_show_and_follows_their_change(client, article, policy):
    assert api_post(client, article).status_code == 201
    with CaptureQueriesContext(connection) as queries:
        assert api_post(client, article, text="Другі тэкст").status_code == 201
    assert not reads(queries, CommentPolicy._meta.db_table)
    # Saved by an editor in another process: that process starts a new generation in the
    # shared cache, which this one sees within GENERATION_SNAPSHOT (forgotten here).
    CommentPolicy.objects.update(premoderate_all=True)
    caching.purge_everything()
    caching.forget_generation()
    assert api_post(client, article, text="Трэці тэкст").json()["status"] == "pending"
    assert Comment.objects.get(text="Трэці тэкст").reason == Reason.PREMODERATION
