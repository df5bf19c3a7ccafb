"""An uncached article render that finds its fragments kept asks Redis little.

Each round trip is a chance to wait on a busy machine, and costs the render more CPU than
the value it brings. What stays until the next publication is read from the process's own
copy; what changes between renders is read in two round trips: the likes with the
language's board, and the discussion's stamp with its block.
"""

import pytest

from samizdat import rediscache
from testing import use_redis
from testing.factories import make_article

pytestmark = pytest.mark.django_db

# Likes and board; the discussion's stamp and block; the generation, which a process reads
# again once a second (samizdat.caching.GENERATION_SNAPSHOT), may fall in between.
ROUND_TRIPS = 3


@pytest.fixture
def round_trips(settings, redis_server, monkeypatch):
    """Every command (or pipeline) sent to Redis from here on, as it went out."""
    use_redis(settings, redis_server.url)
    settings.PAGE_CACHE_SECONDS = 0
    sent = []
    send = rediscache.Guarded.send_packed_command

    def counted(self, command, *args, **kwargs):
        sent.append(bytes(b"".join(command) if isinstance(command, list) else command))
        return send(self, command, *args, **kwargs)

    monkeypatch.setattr(rediscache.Guarded, "send_packed_command", counted)
    return sent


def test_a_kept_article_render_takes_few_round_trips(client, homes, round_trips):
    article = make_article(title="Навіна без кэша старонкі")
    for _ in range(2):  # the second render finds what the first kept
        assert client.get(article.url).status_code == 200
    round_trips.clear()
    html = client.get(article.url).content.decode()
    assert "Навіна без кэша старонкі" in html and "data-readership-board" in html
    assert len(round_trips) <= ROUND_TRIPS, [command[:80] for command in round_trips]
