"""Redis stops: search and the bounded write paths let readers through rather than refuse all."""

import pytest

from comments.models import Comment
from testing import RedisServer, use_redis
from testing.comments import form_post
from testing.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_stopped(tmp_path, settings):
    """The cache in production's shape (a lost Redis is shrugged off), with its Redis gone."""
    server = RedisServer(tmp_path)
    server.start()
    use_redis(settings, server.url, IGNORE_EXCEPTIONS=True)
    server.stop()
    return server


def test_search_still_answers(client, homes, django_capture_on_commit_callbacks, redis_stopped):
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Паводка ў Гомелі", section_slug=None)
    response = client.get("/be/search/?q=паводка")
    assert response.status_code == 200
    assert "<mark>Паводка</mark> ў Гомелі" in response.content.decode()


def test_comments_are_still_posted(client, homes, redis_stopped):
    from comments.models import CommentPolicy

    policy = CommentPolicy.load()
    policy.min_seconds_to_submit = 0
    policy.save()
    article = make_article(title="Каментары", section_slug=None)
    assert form_post(client, article).status_code == 201
    assert Comment.objects.count() == 1
