"""The editors' desk end to end, with the admin in each of its languages: an article is
written with photos, quotes, a collage and bylines, previewed, scheduled, published by the
worker, translated (its own slug, its own caption) and read as a reader; nothing is asked of
another origin."""

import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Locale

from e2e import editor_flow as desk
from e2e.test_admin import PICKED, same_origin, sign_in
from newsroom.language_check import foreign_passages
from newsroom.models import ArticlePage
from newsroom.slugs import slug_for
from testing.factories import make_author

pytestmark = pytest.mark.e2e

ARTICLE = {
    "be": (
        "Паводка на Прыпяці",
        "Уначы вада падышла да хат у трох вёсках і ўзнялася вышэй за платы.",
    ),
    "ru": ("Паводок на Припяти", "Вода подошла к домам в трёх деревнях."),
    "en": ("Flood on the Prypiac", "Water reached houses in three villages."),
}

# The edition each admin language's article is translated into, and the translation's texts.
TRANSLATED_INTO = {"be": "en", "ru": "en", "en": "ru"}
TRANSLATION = {
    "en": {
        "headline": "Flood on the Prypiac: three villages under water",
        "lede": "Water reached houses in three villages overnight.",
        "paragraphs": [
            "The first paragraph tells how the water came.",
            "The second paragraph tells what the villagers did next.",
        ],
        "subheadings": ["What the villagers say"],
        "quotes": [("The water came at night.", "A woman from the village")],
        "caption": "The river by the village",
        "alt": "Water around the houses",
    },
    "ru": {
        "headline": "Паводок на Припяти: три деревни под водой",
        "lede": "Ночью вода подошла к домам в трёх деревнях.",
        "paragraphs": [
            "Первый абзац рассказывает, как пришла вода.",
            "Второй абзац рассказывает, что сделали жители деревни.",
        ],
        "subheadings": ["Что говорят жители"],
        "quotes": [("Вода пришла ночью.", "Жительница деревни")],
        "caption": "Река у деревни",
        "alt": "Вода вокруг домов",
    },
}


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
        # Wagtail fills the slug from the headline in the browser; saving before it has
        # done so is refused (a busy machine showed it).
        expect(page.locator("#id_slug")).not_to_have_value("", timeout=15_000)
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
        desk.write_paragraph(page, "Першы абзац: вада прыйшла ўначы і залівала вуліцы.", language)
        desk.write_subheading(page, "Што кажуць жыхары", language)
        desk.write_quote(page, "Вада прыйшла ноччу.", "Жыхарка вёскі", language)
        desk.write_paragraph(page, "Другі абзац: жыхары вывезлі дзяцей і жывёлу.", language)
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

        # The translator starts after the publication: by then its scheduled time has passed.
        ArticlePage.objects.filter(pk=article.pk).update(go_live_at=None)
        translation = translate_in_admin(page, site, article, TRANSLATED_INTO[language])
        page.context.close()

        reader = browser.new_context()
        reader.route("**/*", lambda route: record(route, requested, site.url))
        reading = reader.new_page()
        reading.goto(site.url + urlsplit(article.full_url).path)
        desk.shot(reading, f"{language}-5-reader")
        check_reader_page(reading, headline, lede, "Рака ля вёскі")
        read_translation(reading, site, translation)
        assert reader.cookies() == []
        reader.close()
    except Exception:
        if not page.is_closed():
            desk.shot(page, f"{language}-fail", always=True)
            report_refusal(page)
        raise
    finally:
        # An admin page left open goes on pinging the server for the tests after this one.
        page.context.close()
    foreign = [url for url in requested if not same_origin(url, site.url)]
    assert any("/static/wagtailadmin/" in url for url in requested)  # the recording works
    assert foreign == []


def report_refusal(page):
    """What the admin's form refused, printed beside the failure: the screenshot shows one tab."""
    print("form errors:", page.locator("[data-field-errors]").all_inner_texts())
    print("slug:", page.evaluate("() => document.querySelector('#id_slug')?.value"))


def translate_in_admin(page, site, article, target):
    """Translate → the copy's form warns of the untranslated text → texts, caption, publish."""
    texts = TRANSLATION[target]
    desk.translate(page, site, article.pk, Locale.objects.get(language_code=target).pk)
    check = page.locator("[data-language-check]")
    expect(check).to_have_class(re.compile("help-warning"))
    desk.shot(page, f"{article.language_code}-6-translation-warned")
    page.fill("#id_title", texts["headline"])
    page.fill("#id_lede", texts["lede"])
    page.fill("#id_lead_alt", texts["alt"])  # the photo is described in each language
    desk.rewrite_body(
        page,
        article_admin_language(page),
        texts["paragraphs"],
        texts["subheadings"],
        texts["quotes"],
    )
    desk.shot(page, f"{article.language_code}-6b-rewritten")
    desk.publish(page)
    desk.shot(page, f"{article.language_code}-7-translation-published")
    desk.set_image_caption(
        page, site, article.lead_image_id, target, texts["caption"], texts["alt"]
    )
    translation = ArticlePage.objects.get(
        translation_key=article.translation_key, locale__language_code=target
    )
    assert translation.live
    assert foreign_passages(translation) == []
    assert translation.slug == slug_for(texts["headline"], target) != article.slug
    return translation


def article_admin_language(page):
    return page.locator("html").get_attribute("lang")


def read_translation(reading, site, translation):
    texts = TRANSLATION[translation.language_code]
    response = reading.goto(site.url + urlsplit(translation.full_url).path)
    assert response.status == 200
    desk.shot(reading, f"{translation.language_code}-8-translation-reader")
    expect(reading.locator(".article__headline")).to_have_text(texts["headline"])
    main = reading.locator("main")
    for text in [texts["lede"], texts["caption"], *texts["paragraphs"], *texts["subheadings"]]:
        expect(main).to_contain_text(text)
    # The lead photo and the one-photo collage show the same photo, described alike.
    expect(main.locator("img[alt='{}']".format(texts["alt"]))).to_have_count(2)


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
