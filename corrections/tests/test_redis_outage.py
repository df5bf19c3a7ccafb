"""Redis stops: typo reports are still accepted, and the flood limit returns with Redis."""

import json

import pytest
import time_machine

from corrections.models import TypoReport
from testing import use_redis

pytestmark = pytest.mark.django_db


def send(client, article, remark):
    body = {"fragment": "фестываль", "remark": remark, "page_id": article.pk}
    return client.post(
        "/api/corrections/reports",
        json.dumps(body),
        "application/json",
        headers={"origin": "http://testserver"},
    )


def test_reports_are_accepted_while_redis_is_down(client, article, settings, redis_to_stop):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)  # as production sets it
    redis_to_stop.stop()

    answer = send(client, article, "Літарка прапушчана")
    assert answer.status_code == 201
    assert answer.json()["message"]
    assert TypoReport.objects.get().remark == "Літарка прапушчана"


def test_the_flood_limit_holds_again_when_redis_is_back(client, article, settings, redis_to_stop):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    with time_machine.travel("2026-06-27 12:00:05 +03:00", tick=False):
        redis_to_stop.stop()
        assert {send(client, article, f"заўвага {n}").status_code for n in range(8)} == {201}

        redis_to_stop.start()

        codes = [send(client, article, f"яшчэ {n}").status_code for n in range(8)]
        assert codes == [201] * 6 + [429] * 2
    assert TypoReport.objects.count() == 14
