"""Readers report typos through POST /api/corrections/reports; bad input stores nothing."""

import json

import pytest
import time_machine
from django.utils import timezone

from corrections.models import TypoReport
from newsroom.models import ArticlePage
from testing.factories import make_article, translate_article

pytestmark = pytest.mark.django_db
URL = "/api/corrections/reports"
ORIGIN = "http://testserver"


def send(client, article, fragment="фестываль", **fields):
    body = {
        "fragment": fragment,
        "context_before": "Улетку ў Менску прайшоў ",
        "context_after": ". Арганізатары абяцаюць",
        "remark": "",
        "page_id": article.pk,
    }
    # Upper-case names are request headers (REMOTE_ADDR, HTTP_ORIGIN), the rest body fields.
    body.update({name: value for name, value in fields.items() if not name.isupper()})
    # Sent from our own page unless a test says otherwise.
    meta = {"HTTP_ORIGIN": ORIGIN}
    meta.update({name: value for name, value in fields.items() if name.isupper()})
    return client.post(URL, json.dumps(body), content_type="application/json", **meta)


def post_raw(client, data, content_type="application/json", origin=ORIGIN, **headers):
    if origin is not None:
        headers["HTTP_ORIGIN"] = origin
    return client.post(URL, data, content_type=content_type, **headers)


def test_report_is_stored_with_its_context_language_and_time(client, article):
    with time_machine.travel("2026-06-27 12:00 +03:00", tick=False):
        response = send(client, article, remark="Трэба «фэстываль»?")
        now = timezone.now()
    assert response.status_code == 201
    assert response.json()["message"] == "Дзякуй! Рэдакцыя паглядзіць."
    report = TypoReport.objects.get()
    assert report.page_id == article.pk
    assert report.fragment == "фестываль"
    assert report.context_before == "Улетку ў Менску прайшоў "
    assert report.context_after == ". Арганізатары абяцаюць"
    assert report.remark == "Трэба «фэстываль»?"
    assert report.language == "be"
    assert report.status == TypoReport.Status.OPEN
    assert report.count == 1
    assert report.created_at == report.last_reported_at == now


def test_language_comes_from_the_page_not_the_browser(client, article):
    english = translate_article(article, "en", "Festival in Minsk", lede="Thousands came.")
    response = send(
        client,
        english,
        fragment="Festival",
        context_before="",
        context_after="",
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 201
    assert response.json()["message"] == "Thank you! The editors will take a look."
    assert TypoReport.objects.get().language == "en"


def test_a_fragment_across_paragraphs_and_inline_tags_is_found(client, article):
    fragment = "наступным годзе.\n\nДругі абзац"
    assert send(client, article, fragment=fragment).status_code == 201
    assert TypoReport.objects.get().fragment == "наступным годзе. Другі абзац"


def test_identical_open_reports_are_merged_with_a_count(client, article):
    send(client, article, REMOTE_ADDR="198.51.100.1")
    send(client, article, REMOTE_ADDR="198.51.100.2")
    send(client, article, REMOTE_ADDR="198.51.100.3")
    report = TypoReport.objects.get()
    assert report.count == 3


def test_the_same_reader_sending_twice_counts_once(client, article):
    assert send(client, article).status_code == 201
    assert send(client, article).status_code == 201
    assert TypoReport.objects.get().count == 1


def test_a_different_remark_or_place_is_a_separate_report(client, article):
    send(client, article, REMOTE_ADDR="198.51.100.1")
    send(client, article, remark="Другое слова", REMOTE_ADDR="198.51.100.2")
    send(client, article, fragment="Менску", context_before="ў ", REMOTE_ADDR="198.51.100.3")
    assert TypoReport.objects.count() == 3


def test_a_resolved_report_is_not_merged_into(client, article):
    send(client, article, REMOTE_ADDR="198.51.100.1")
    TypoReport.objects.update(status=TypoReport.Status.FIXED)
    send(client, article, REMOTE_ADDR="198.51.100.2")
    assert TypoReport.objects.open().get().count == 1
    assert TypoReport.objects.count() == 2


def test_no_address_and_no_cookie_are_kept(client, article):
    response = send(client, article, REMOTE_ADDR="203.0.113.77")
    assert response.status_code == 201
    assert not response.cookies
    stored = json.dumps(list(TypoReport.objects.values()), default=str)
    assert "203.0.113.77" not in stored


def test_context_is_cut_to_150_characters_next_to_the_fragment(client, article):
    send(client, article, context_before="а" * 400 + "Б", context_after="В" + "г" * 400)
    report = TypoReport.objects.get()
    assert len(report.context_before) == 150 and report.context_before.endswith("Б")
    assert len(report.context_after) == 150 and report.context_after.startswith("В")


def test_works_without_a_csrf_token(article):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert send(strict, article).status_code == 201


def test_the_endpoint_is_in_the_openapi_document(client):
    schema = client.get("/api/schema/").json()
    operation = schema["paths"]["/api/corrections/reports"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert set(body["properties"]) >= {"fragment", "remark", "page_id"}


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"fragment": ""}, 400, "empty"),
        ({"fragment": "   \n "}, 400, "empty"),
        ({"fragment": "ф" * 301}, 400, "too_long"),
        ({"remark": "ы" * 1001}, 400, "remark_too_long"),
        ({"remark": "Глядзі <a href='https://evil.example'>тут</a>"}, 400, "html"),
        ({"remark": "<script>alert(1)</script>"}, 400, "html"),
        ({"fragment": "Гэтага ў артыкуле няма"}, 400, "not_in_article"),
        ({"fragment": "Samizdat"}, 400, "not_in_article"),
        ({"page_id": 999999}, 404, "unknown_article"),
        ({"page_id": "nine"}, 400, "malformed"),
        ({"fragment": ["a", "b"]}, 400, "malformed"),
    ],
)
def test_bad_reports_are_refused_with_a_message_and_store_nothing(
    client, article, fields, status, code
):
    response = send(client, article, **fields)
    assert response.status_code == status
    assert response.json()["code"] == code
    assert response.json()["error"]
    assert not TypoReport.objects.exists()


def test_reports_on_unpublished_articles_are_refused(client, article):
    draft = make_article(title="Чарнавік", publish=False)
    response = send(client, draft, fragment="Чарнавік")
    assert response.status_code == 404
    ArticlePage.objects.get(pk=article.pk).unpublish()
    assert send(client, article).status_code == 404
    assert not TypoReport.objects.exists()


def test_a_100_kb_body_is_refused_before_it_is_read(client, article):
    response = send(client, article, fragment="ф" * 100_000)
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert not TypoReport.objects.exists()


def test_malformed_json_is_refused(client, article):
    response = post_raw(client, "{fragment: ")
    assert response.status_code == 400
    assert response.json()["code"] == "malformed"


TEXT_FIELDS = ["fragment", "context_before", "context_after", "remark"]


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("hostile", ["фестываль\x00", "x\udfff"], ids=["NUL", "lone surrogate"])
def test_a_nul_or_a_lone_surrogate_in_any_field_is_refused(client, article, field, hostile):
    # json.dumps writes both as \u escapes, as a hostile client would send them.
    response = send(client, article, **{field: hostile})
    assert (response.status_code, response.json()["code"]) == (400, "malformed")
    assert response.json()["error"] == "Не ўдалося прачытаць запыт."
    assert not TypoReport.objects.exists()


def test_json_nested_3000_deep_is_refused(client, article):
    body = json.dumps({"fragment": "фестываль", "page_id": article.pk})
    deep = body[:-1] + ', "remark": ' + "[" * 3000 + "]" * 3000 + "}"
    response = post_raw(client, deep)
    assert (response.status_code, response.json()["code"]) == (400, "malformed")
    assert not TypoReport.objects.exists()


def test_a_form_post_is_refused(client, article):
    response = post_raw(
        client, f"fragment=x&page_id={article.pk}", "application/x-www-form-urlencoded"
    )
    assert response.status_code == 415
    assert not TypoReport.objects.exists()


def test_a_post_from_another_site_is_refused(client, article):
    response = send(client, article, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert response.json()["code"] == "origin"
    assert not TypoReport.objects.exists()


def test_a_post_without_origin_is_refused(client, article):
    # A page on another site with a no-referrer policy makes its visitors send neither
    # Origin nor Referer.
    body = json.dumps({"fragment": "фестываль", "page_id": article.pk})
    response = post_raw(client, body, origin=None)
    assert response.status_code == 403
    assert response.json()["code"] == "origin"
    assert not TypoReport.objects.exists()


def test_a_post_from_our_own_page_is_accepted(client, article):
    assert send(client, article, HTTP_ORIGIN="http://testserver").status_code == 201


def test_a_flood_from_one_client_is_cut_off(client, article):
    with time_machine.travel("2026-06-27 12:00 +03:00", tick=False):
        answers = [send(client, article, remark=f"заўвага {n}").status_code for n in range(10)]
        assert answers[:6] == [201] * 6
        assert set(answers[6:]) == {429}
        refused = send(client, article, remark="яшчэ адна")
        assert refused.json()["code"] == "too_many"
        # Another reader is not held back by the flood.
        assert send(client, article, REMOTE_ADDR="198.51.100.9").status_code == 201
    assert TypoReport.objects.count() == 7


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("be", "Спачатку вылучыце тэкст з памылкай."),
        ("ru", "Сначала выделите текст с ошибкой."),
        ("en", "Select the text with the mistake first."),
    ],
)
def test_errors_speak_the_articles_language(client, article, language, expected):
    target = article if language == "be" else translate_article(article, language, "Title")
    response = send(client, target, fragment="")
    assert response.json()["error"] == expected
