"""An editor's whole flow in the admin, driven through the browser: shared by the test
(e2e/test_editor_flow.py) and the timing script (bench/editor_flow.py)."""

import io
import os
import re
from pathlib import Path

from django.utils import translation
from PIL import Image
from playwright.sync_api import expect

from newsroom.blocks import ArticleBodyBlock

# Set SCREENSHOTS to a folder to keep a full-page screenshot of each step, to look at the
# admin as an editor sees it; otherwise only a failed flow leaves one (each costs a second).
SCREENSHOTS = os.environ.get("SCREENSHOTS", "")
FAILURE_SHOTS = Path("/tmp/deskflow")  # noqa: S108
PICKER_TIMEOUT = 15_000


def photo_file(folder, name, colour=(120, 80, 40)):
    path = Path(folder) / f"{name}.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (320, 180), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def shot(page, name, always=False):
    """A full-page screenshot of a step into SCREENSHOTS (failures always, to /tmp/deskflow)."""
    if not (SCREENSHOTS or always):
        return
    folder = Path(SCREENSHOTS or FAILURE_SHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def upload_in_chooser(page, path, title, credit, caption, alt, language):
    """Uploads a photo through the open image chooser's upload tab, with its texts."""
    modal = page.locator(".modal-dialog:visible")
    modal.locator("a[href='#tab-upload']").first.click()
    form = modal.locator("#tab-upload form").first
    form.locator("input[type=file]").set_input_files(str(path))
    form.locator("[name='image-chooser-upload-title']").fill(title)
    form.locator("[name='image-chooser-upload-credit']").fill(credit)
    form.locator(f"[name='image-chooser-upload-caption_{language}']").fill(caption)
    form.locator(f"[name='image-chooser-upload-alt_{language}']").fill(alt)
    form.locator("button[type=submit]").click()
    expect(page.locator(".modal-dialog:visible")).to_have_count(0, timeout=PICKER_TIMEOUT)


def choose_in_chooser(page, title):
    """Picks an item by its title in the open chooser (images, authors)."""
    modal = page.locator(".modal-dialog:visible")
    modal.locator("a", has_text=title).first.click()
    expect(page.locator(".modal-dialog:visible")).to_have_count(0, timeout=PICKER_TIMEOUT)


def block_label(name, language):
    with translation.override(language):
        return str(ArticleBodyBlock().child_blocks[name].label)


def body(page):
    return page.locator("[data-contentpath=body]").first


def add_block(page, name, language):
    """Adds a block at the end of the body through its last "+"; returns the new block."""
    blocks = body(page).locator(
        "[data-streamfield-child]:not([data-streamfield-child] [data-streamfield-child])"
    )
    count = blocks.count()
    body(page).locator("button.c-sf-add-button").last.click()
    page.locator("[role=option]:visible", has_text=block_label(name, language)).first.click()
    expect(blocks).to_have_count(count + 1)
    return blocks.nth(count)


def write_paragraph(page, text, language):
    block = add_block(page, "paragraph", language)
    block.locator("[contenteditable=true]").first.click()
    page.keyboard.insert_text(text)


def write_subheading(page, text, language):
    add_block(page, "subheading", language).locator("input[type=text]").first.fill(text)


def write_quote(page, text, attribution, language):
    block = add_block(page, "quote", language)
    block.locator("textarea").first.fill(text)
    block.locator("input[type=text]").first.fill(attribution)


def add_collage_of_one(page, image_title, language):
    block = add_block(page, "gallery", language)
    block.locator("[data-chooser-action-choose]").first.click()
    choose_in_chooser(page, image_title)


def add_photo(page, path, title, credit, caption, alt, language):
    block = add_block(page, "photo", language)
    block.locator("[data-chooser-action-choose]").first.click()
    upload_in_chooser(page, path, title, credit, caption, alt, language)


def add_byline(page, author_name, role):
    rows = page.locator("#id_bylines-FORMS > [data-inline-panel-child]")
    count = rows.count()
    page.locator("#id_bylines-ADD").click()
    expect(rows).to_have_count(count + 1)
    row = rows.nth(count)
    row.locator("[data-chooser-action-choose]").first.click()
    choose_in_chooser(page, author_name)
    row.locator("select[name$='-role']").select_option(role)


def open_preview(page):
    page.locator("[data-side-panel-toggle=preview]").click()
    return page.frame_locator("#w-preview-iframe")


def schedule_next_month(page):
    """Status panel → schedule dialog → a date picked in the picker; returns what it wrote."""
    page.locator("[data-side-panel-toggle=status]").click()
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    field = dialog.locator("input[name=go_live_at]")
    field.click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    picker.locator(".xdsoft_next").first.click()  # next month: always in the future
    picker.locator(".xdsoft_date:not(.xdsoft_other_month)[data-date='15']").click()
    # The time list scrolls inside the picker, which may cover the hour a pointer would
    # click; the picker takes the click event itself.
    picker.locator(".xdsoft_time[data-hour='10']").first.dispatch_event("click")
    written = field.input_value()
    # Wait for the saved form to come back: a click on the page still showing would be
    # refused as an edit of an older version (Wagtail's "new version in another window").
    with page.expect_navigation(timeout=60_000):  # a busy machine saves slowly
        dialog.locator("button.action-save").click()
    page.wait_for_load_state("networkidle")
    return written


def publish(page):
    page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation(timeout=60_000):  # a busy machine saves slowly
        page.locator("button[name=action-publish]").click()
    page.wait_for_load_state("networkidle")


def translate(page, site, article_pk, target_locale_pk):
    """The article's "Translate" action in its header menu: one language, submitted.

    The submit view then opens the new copy's edit form.
    """
    page.goto(f"{site.url}/admin/pages/{article_pk}/edit/")
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    page.locator(f"a[href$='/translation/submit/page/{article_pk}/']").click()
    page.locator(f"input[name=locales][value='{target_locale_pk}']").check()
    page.locator("main form [type=submit]").last.click()
    page.wait_for_url("**/edit/")
    page.wait_for_load_state("networkidle")


def top_blocks(page):
    return body(page).locator(
        "[data-streamfield-child]:not([data-streamfield-child] [data-streamfield-child])"
    )


def rewrite_body(page, language, paragraphs, subheadings, quotes):
    """Replaces the copied text of each paragraph, subheading and quote, in order."""
    paragraphs, subheadings, quotes = iter(paragraphs), iter(subheadings), iter(quotes)
    kinds = {block_label(name, language): name for name in ("paragraph", "subheading", "quote")}
    for index in range(top_blocks(page).count()):
        block = top_blocks(page).nth(index)
        kind = kinds.get(block.locator(".c-sf-block__type").first.inner_text().strip())
        if kind == "paragraph":
            editor, text = block.locator("[contenteditable=true]").first, next(paragraphs)
            editor.click()
            page.keyboard.press("ControlOrMeta+a")
            page.keyboard.insert_text(text)
            expect(editor).to_have_text(text)
            # Draftail writes its form field a moment after the typing: wait for it, or a
            # quick Publish sends the copied text.
            field = block.locator("input[type=hidden][name$='-value']").first
            expect(field).to_have_value(re.compile(re.escape(text)))
        elif kind == "subheading":
            block.locator("input[type=text]").first.fill(next(subheadings))
        elif kind == "quote":
            text, attribution = next(quotes)
            block.locator("textarea").first.fill(text)
            block.locator("input[type=text]").first.fill(attribution)


def set_image_caption(page, site, image_pk, language, caption, alt):
    page.goto(f"{site.url}/admin/images/{image_pk}/")
    page.fill(f"[name=caption_{language}]", caption)
    page.fill(f"[name=alt_{language}]", alt)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
