"""A comment costs few round trips to Redis: each one is a chance to wait on a busy machine.

The limits, the form's uses and the ban look-up used to take seven round trips between
them; a post now makes its limits and uses one, its ban look-up one.
"""

import pytest
import time_machine

from comments.models import Comment, Status
from samizdat import rediscache
from testing import use_redis
from testing.comments import form_post

pytestmark = pytest.mark.django_db

# The shield's slot taken and given back, the counters, the ban look-up, the discussion
# block's key, the sender's ban token and the site's root paths.
ROUND_TRIPS = 7


@pytest.fixture
def round_trips(settings, redis_server, monkeypatch):
    """Every command (or pipeline) sent to Redis from here on, as it went out."""
    use_redis(settings, redis_server.url)
    sent = []
    send = rediscache.Guarded.send_packed_command

    def counted(self, command, *args, **kwargs):
        sent.append(command)
        return send(self, command, *args, **kwargs)

    monkeypatch.setattr(rediscache.Guarded, "send_packed_command", counted)
    return sent


def test_a_comment_post_takes_few_round_trips_to_redis(client, article, policy, round_trips):
    assert form_post(client, article, text="Першы каментар").status_code == 201
    round_trips.clear()
    assert form_post(client, article, text="Другі каментар").status_code == 201
    assert Comment.objects.filter(status=Status.PUBLISHED).count() == 2
    assert len(round_trips) <= ROUND_TRIPS, [bytes(b"".join(c))[:60] for c in round_trips]


@time_machine.travel("2026-06-27 12:00 +03:00", tick=False)  # one window of the minute's limit
def test_the_limits_still_hold_with_their_counting_in_one_trip(
    client, article, policy, round_trips
):
    policy.per_minute = 1
    policy.save()
    assert form_post(client, article, text="Першы каментар").status_code == 201
    assert form_post(client, article, text="Другі каментар").status_code == 429
    assert Comment.objects.count() == 1
