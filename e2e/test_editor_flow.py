"""The editors' desk end to end, with the admin in each of its languages: an article is
written with photos, quotes, a collage and bylines, previewed, scheduled, published by the
worker, and read as a reader; nothing is asked of another origin."""

import io
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command
from playwright.sync_api import expect

from e2e import editor_flow as desk
from e2e.test_admin import PICKED, same_origin, sign_in
from newsroom.models import ArticlePage
from newsroom.tests.factories import make_author

pytestmark = pytest.mark.e2e

ARTICLE = {
    "be": ("Паводка на Прыпяці", "Вада падышла да хат у трох вёсках."),
    "ru": ("Паводок на Припяти", "Вода подошла к домам в трёх деревнях."),
    "en": ("Flood on the Prypiac", "Water reached houses in three villages."),
}

CAPTIONS = {"be": "Рака каля вёскі", "ru": "Река у деревни", "en": "The river by the village"}


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_editor_writes_schedules_and_translates_an_article(browser, site, language, tmp_path):
    make_author("Ганна Лясная", language=language)
    make_author("Алесь Фота", language=language)
    headline, lede = ARTICLE[language]
    page, requested = sign_in(
        browser, site, language=language, viewport={"width": 1400, "height": 900}
    )
    page.set_default_timeout(10_000)
    page.goto(f"{site.url}/admin/")
    page.locator("main a[href$='/new-article/']").first.click()
    page.wait_for_load_state("networkidle")
    try:
        page.fill("#id_title", headline)
        page.fill("#id_lede", lede)
        page.locator("select[name=section]").select_option(index=1)
        page.locator("[data-contentpath=lead_image] [data-chooser-action-choose]").click()
        desk.upload_in_chooser(
            page,
            desk.photo_file(tmp_path, "lead"),
            "Прыпяць",
            "Фота: Навіны",
            "Рака ля вёскі",
            "Вада каля дамоў",
            language,
        )
        desk.write_paragraph(page, "Першы абзац пра ваду.", language)
        desk.write_subheading(page, "Што кажуць жыхары", language)
        desk.write_quote(page, "Вада прыйшла ноччу.", "Жыхарка вёскі", language)
        desk.write_paragraph(page, "Другі абзац пра ваду.", language)
        desk.add_collage_of_one(page, "Прыпяць", language)
        desk.add_byline(page, "Ганна Лясная", "reporting")
        desk.add_byline(page, "Алесь Фота", "photos")
        desk.shot(page, f"{language}-1-form")
        frame = desk.open_preview(page)
        expect(frame.locator(".article__headline")).to_have_text(headline, timeout=15_000)
        desk.shot(page, f"{language}-2-preview")
        written = desk.schedule_next_month(page)
        assert PICKED.match(written), written
        desk.shot(page, f"{language}-3-scheduled")
        desk.publish(page)
        desk.shot(page, f"{language}-4-published")
        article = ArticlePage.objects.get(title=headline)
        assert not article.live and article.go_live_at
        with time_machine.travel(article.go_live_at + timedelta(minutes=1)):
            call_command("worker", "--once", stdout=io.StringIO())
        article.refresh_from_db()
        assert article.live

        page.context.close()

        reader = browser.new_context()
        reader.route("**/*", lambda route: record(route, requested, site.url))
        reading = reader.new_page()
        reading.goto(site.url + urlsplit(article.full_url).path)
        desk.shot(reading, f"{language}-5-reader")
        check_reader_page(reading, headline, lede, "Рака ля вёскі")
        assert reader.cookies() == []
        reader.close()
    except Exception:
        if not page.is_closed():
            desk.shot(page, f"{language}-fail")
        raise
    foreign = [url for url in requested if not same_origin(url, site.url)]
    assert any("/static/wagtailadmin/" in url for url in requested)  # the recording works
    assert foreign == []


def record(route, requested, origin):
    requested.append(route.request.url)
    if same_origin(route.request.url, origin):
        route.continue_()
    else:
        route.abort()


def check_reader_page(page, headline, lede, caption):
    expect(page.locator(".article__headline")).to_have_text(headline)
    article = page.locator("main")
    for text in [lede, caption, "Фота: Навіны", "Ганна Лясная", "Алесь Фота"]:
        expect(article).to_contain_text(text)
    expect(article.locator("h2", has_text="Што кажуць жыхары")).to_have_count(1)
    expect(article.locator("blockquote")).to_contain_text("Вада прыйшла ноччу.")
    expect(article.locator("figure", has=page.locator("blockquote"))).to_contain_text(
        "Жыхарка вёскі"
    )
