"""How long the reference-sized article takes an editor in the admin, scripted in a browser.

The reference article of the design notes: 44 paragraphs, 9 subheadings, 4 pull quotes,
3 credited photos (the lead and two in the body) and a one-photo collage, two bylines;
previewed, scheduled, published, then translated into English with every text replaced.
The script types as fast as the browser accepts, so the figure measures the admin (its
round trips, dialogs and renders), not a person's typing.

Run with pytest, which gives it the live server and the browser of the browser tests:

    .venv/bin/pytest -q -s bench/editor_flow.py

It writes bench/editor_flow_results.md. Not part of `make test` (the file name does not
start with test_), and it asserts nothing about time.
"""

import io
import os
import statistics
import time
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from wagtail.models import Locale

from e2e import editor_flow as desk
from e2e.conftest import browser, site  # noqa: F401 (fixtures)
from e2e.test_admin import sign_in
from newsroom.models import ArticlePage
from testing.factories import make_author

RESULTS = Path(__file__).with_name("editor_flow_results.md")
RUNS = int(os.environ.get("BENCH_RUNS", "1"))
PARAGRAPHS, SUBHEADINGS, QUOTES = 44, 9, 4
BASELINE_MINUTES = 9.5  # the same article in the admin before the desk was reworked

BE = "Абзац {n}: жыхары вёсак каля Прыпяці расказалі, як вада ўначы дайшла да іх хат."
EN = "Paragraph {n}: villagers by the Prypiac told how the water reached their houses at night."


def body_plan():
    """Paragraphs with a subheading before every fifth, quotes and photos spread between."""
    plan = []
    for n in range(1, PARAGRAPHS + 1):
        if n % 5 == 1 and n // 5 < SUBHEADINGS:
            plan.append(("subheading", n // 5 + 1))
        plan.append(("paragraph", n))
        if n in (8, 19, 30, 41):
            plan.append(("quote", n))
        if n in (12, 33):
            plan.append(("photo", n))
    plan.append(("gallery", 0))
    return plan


def write_original(page, tmp_path):
    page.fill("#id_title", "Паводка на Прыпяці: тры вёскі пад вадой")
    page.fill("#id_lede", "Уначы вада падышла да хат у трох вёсках і ўзнялася вышэй за платы.")
    page.locator("select[name=section]").select_option(index=1)
    page.locator("[data-contentpath=lead_image] [data-chooser-action-choose]").click()
    desk.upload_in_chooser(
        page, desk.photo_file(tmp_path, "lead"), "Прыпяць", "Фота: Навіны",
        "Рака ля вёскі", "Вада каля дамоў", "be",
    )  # fmt: skip
    for kind, n in body_plan():
        if kind == "subheading":
            desk.write_subheading(page, f"Раздзел {n}: што кажуць жыхары", "be")
        elif kind == "paragraph":
            desk.write_paragraph(page, BE.format(n=n), "be")
        elif kind == "quote":
            desk.write_quote(page, f"Вада прыйшла ноччу ({n}).", "Жыхарка вёскі", "be")
        elif kind == "photo":
            desk.add_photo(
                page, desk.photo_file(tmp_path, f"p{n}", (40, 90, n)), f"Здымак {n}",
                "Фота: Навіны", f"Вёска, здымак {n}", f"Двор пад вадой, здымак {n}", "be",
            )  # fmt: skip
        else:
            desk.add_collage_of_one(page, "Прыпяць", "be")
    desk.add_byline(page, "Ганна Лясная", "reporting")
    desk.add_byline(page, "Алесь Фота", "photos")


def translate(page, site, article):  # noqa: F811 (site is the fixture's value)
    desk.translate(page, site, article.pk, Locale.objects.get(language_code="en").pk)
    page.fill("#id_title", "Flood on the Prypiac: three villages under water")
    page.fill("#id_lede", "Water reached houses in three villages overnight.")
    page.fill("#id_lead_alt", "Water around the houses")
    desk.rewrite_body(
        page,
        "be",
        [EN.format(n=n) for n in range(1, PARAGRAPHS + 1)],
        [f"Part {n}: what the villagers say" for n in range(1, SUBHEADINGS + 1)],
        [(f"The water came at night ({n}).", "A woman from the village") for n in range(QUOTES)],
    )
    desk.publish(page)


def one_run(browser, site, tmp_path):  # noqa: F811
    page, _ = sign_in(browser, site, language="be", viewport={"width": 1400, "height": 900})
    page.set_default_timeout(20_000)
    timings = {}
    start = time.perf_counter()
    page.goto(f"{site.url}/admin/")
    page.locator("main a[href$='/new-article/']").first.click()
    page.wait_for_load_state("networkidle")
    write_original(page, tmp_path)
    timings["write"] = time.perf_counter() - start
    mark = time.perf_counter()
    frame = desk.open_preview(page)
    frame.locator(".article__headline").wait_for(timeout=30_000)
    desk.schedule_next_month(page)
    desk.publish(page)
    timings["preview, schedule, publish"] = time.perf_counter() - mark
    article = ArticlePage.objects.get(title__startswith="Паводка на Прыпяці")
    with time_machine.travel(article.go_live_at + timedelta(minutes=1)):
        call_command("worker", "--once", stdout=io.StringIO())
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=None)
    article.refresh_from_db()
    assert article.live, "the worker did not publish the article"
    mark = time.perf_counter()
    translate(page, site, article)
    timings["translate"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - start
    english = ArticlePage.objects.get(
        translation_key=article.translation_key, locale__language_code="en"
    )
    assert english.live, "the translation was not published"
    page.context.close()
    return timings


@pytest.mark.e2e
def test_reference_article_in_the_admin(browser, site, tmp_path):  # noqa: F811
    make_author("Ганна Лясная")
    make_author("Алесь Фота")
    runs = []
    for number in range(RUNS):
        if number:
            ArticlePage.objects.all().delete()
        runs.append(one_run(browser, site, tmp_path))
    medians = {phase: statistics.median(run[phase] for run in runs) for phase in runs[0]}
    write_results(medians, len(runs))


def write_results(medians, runs):
    load = os.getloadavg()[0]
    lines = [
        "# The reference article in the admin (bench/editor_flow.py)",
        "",
        f"{PARAGRAPHS} paragraphs, {SUBHEADINGS} subheadings, {QUOTES} quotes, 3 credited "
        "photos and a one-photo collage, two bylines; scripted in headless Chromium.",
        f"Median of {runs} run(s); load average at the end {load:.1f} on 2 cores.",
        "",
        "| phase | seconds |",
        "|---|---|",
        *[f"| {phase} | {seconds:.0f} |" for phase, seconds in medians.items()],
        "",
        f"Total {medians['total'] / 60:.1f} min against {BASELINE_MINUTES} min scripted "
        f"before the desk was reworked ({medians['total'] / 60 / BASELINE_MINUTES:.2f}×).",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))
