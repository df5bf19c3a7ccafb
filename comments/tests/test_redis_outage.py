"""Redis stops: comments are still posted and counted, and rate limits hold again as soon
as Redis is back, without a restart."""

import pytest
import time_machine

from comments.models import Comment, Status
from newsroom.models import ArticlePage
from testing import use_redis
from testing.comments import api_post, form_post

pytestmark = pytest.mark.django_db


def test_comments_are_posted_while_redis_is_down(client, article, policy, settings, redis_to_stop):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)  # as production sets it
    assert client.get(article.url).status_code == 200

    redis_to_stop.stop()

    assert form_post(client, article, text="Праз форму").status_code == 201
    answer = api_post(client, article, text="Праз скрыпт")
    assert answer.status_code == 201
    assert answer.json()["count"] == 2
    assert Comment.objects.filter(article=article, status=Status.PUBLISHED).count() == 2
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 2
    page = client.get(article.url)
    assert page.status_code == 200
    assert "Праз скрыпт" in page.content.decode()


def test_rate_limits_hold_again_when_redis_is_back(
    client, article, policy, settings, redis_to_stop
):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    policy.per_minute = 2
    policy.save()
    with time_machine.travel("2026-06-27 12:00:05 +03:00", tick=False):
        redis_to_stop.stop()
        # Unreachable limits let readers through rather than refuse everyone.
        codes = [form_post(client, article, text=f"Каментар {n}").status_code for n in range(3)]
        assert codes == [201, 201, 201]

        redis_to_stop.start()

        codes = [form_post(client, article, text=f"Яшчэ {n}").status_code for n in range(3)]
        assert codes == [201, 201, 429]
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 5
