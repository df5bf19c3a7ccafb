"""An uncached article render that finds its fragments kept asks Redis little.

Each round trip is a chance to wait on a busy machine, and costs the render more CPU than
the value it brings. What stays until the next publication is read from the process's own
copy; what changes between renders is read in two round trips: the likes with the
language's board, and the discussion's stamp with its block.
"""

import pytest

from newsroom.models import LATEST_SHOWN
from samizdat import caching, rediscache
from testing import use_redis
from testing.factories import hours_ago, make_article

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


def test_an_article_s_own_parts_come_in_one_round_trip_after_a_publication(
    client, homes, round_trips, monkeypatch
):
    """Another article published, and this process holding none of the article's parts
    (as a process that served other articles meanwhile): its route and its parts are two
    round trips, not one per part (samizdat.caching.bundled)."""
    article = make_article(title="Навіна, прачытаная да публікацыі", published_at=hours_ago(48))
    other = make_article(title="Іншая старая навіна", published_at=hours_ago(47))
    for number in range(LATEST_SHOWN + 1):  # neither is in Latest news, which all share
        make_article(title=f"Навіна дня {number}", published_at=hours_ago(number + 1))
    assert client.get(article.url).status_code == 200
    make_article(title="Навіна, апублікаваная пасля")
    assert client.get(other.url).status_code == 200  # the lists, read anew once
    monkeypatch.setattr(caching, "_lasting_memo", caching.GenerationMemo(1024 * 1024))
    round_trips.clear()
    html = client.get(article.url).content.decode()
    assert "Навіна, прачытаная да публікацыі" in html
    # The route and the parts, besides the render's usual three.
    assert len(round_trips) <= ROUND_TRIPS + 2, [c.split(b"\r\n")[4][:70] for c in round_trips]
