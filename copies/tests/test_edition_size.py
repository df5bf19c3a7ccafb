"""A typical day's offline edition stays under 2 MB in both formats and every language.

The demo's busiest day has eight articles. Here each has a lead photo and two more in its
text, all camera-sized (1600 px) JPEGs with the grain and detail of real photographs (flat
test pictures would compress to nothing), and the first lead photo appears again in the
last article, as a running story's photo does.

A day many times busier gets smaller photos, then loses its last photos, never its text:
the limit is lowered here to play such a day with a few articles.
"""

import base64
import io
import random
import shutil
import subprocess  # noqa: S404

import ebooklib
import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from ebooklib import epub
from lxml import html as lxml_html
from PIL import Image
from wagtail.rich_text import RichText

from copies import editions
from newsroom.models import NewsroomImage
from testing.factories import make_article

LIMIT = 2_000_000
ARTICLES = 8
LANGUAGES = ("be", "ru", "en")
PARAGRAPH = (
    "<p>" + "Рэпарцёр расказвае, што адбылося, хто што сказаў і што будзе далей. " * 12 + "</p>"
)
SAME_PHOTO = {
    "be": "Тое самае фота, што вышэй",
    "ru": "То же фото, что выше",
    "en": "The same photo as above",
}
EPUBCHECK = shutil.which("epubcheck")
JAVA = shutil.which("java")


def camera_photo(number, size=(1600, 1067)):
    """A JPEG as a camera or a photo desk sends it: shapes, light and fine grain."""
    rng = random.Random(number)
    scene = Image.frombytes("RGB", (64, 43), rng.randbytes(64 * 43 * 3))
    scene = scene.resize(size, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(size, 40).convert("RGB")
    picture = Image.blend(scene, grain, 0.3)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    photo = NewsroomImage(
        title=f"Photo {number}",
        file=ImageFile(buffer, name=f"camera-{number}.jpg"),
        credit=f"Фота: Рэпарцёр {number}",
        caption_be=f"Подпіс да фота {number}",
        caption_ru=f"Подпись к фото {number}",
        caption_en=f"Caption of photo {number}",
        alt_be=f"Што на фота {number}",
    )
    photo.save()
    return photo


@pytest.fixture
def typical_day(homes):
    photos = [camera_photo(number) for number in range(ARTICLES * 3)]
    for language in LANGUAGES:
        for number in range(ARTICLES):
            lead, first, second = photos[number * 3 : number * 3 + 3]
            body = [("paragraph", RichText(PARAGRAPH * 2))]
            body += [("photo", {"image": first, "caption": "", "credit": ""})]
            body += [("paragraph", RichText(PARAGRAPH * 2))]
            body += [("photo", {"image": second, "caption": "", "credit": ""})]
            if number == ARTICLES - 1:  # the day's first photo again
                body += [("photo", {"image": photos[0], "caption": "", "credit": ""})]
            make_article(f"Навіна {number} {language}", language, image=lead, body=body)
    return timezone.localdate(), photos


def epubcheck(path):
    checked = subprocess.run(  # noqa: S603
        [JAVA, "-jar", EPUBCHECK, path], capture_output=True, text=True, timeout=300
    )
    return checked.returncode, checked.stdout + checked.stderr


@pytest.mark.skipif(not (EPUBCHECK and JAVA), reason="epubcheck is not installed (apt)")
@pytest.mark.django_db
def test_a_typical_day_is_under_two_megabytes_in_both_formats_and_every_language(
    typical_day, signing_key
):
    day, photos = typical_day
    sizes = {}
    for language in LANGUAGES:
        html_path, epub_path = editions.build(language, day)
        sizes[language] = (html_path.stat().st_size, epub_path.stat().st_size)

        page = html_path.read_bytes()
        document = lxml_html.document_fromstring(page)
        images = document.xpath("//img")
        # Every photo is there once, the repeated one is a link to it, captions and
        # credits all stay.
        assert len(images) == len(photos)
        assert all(image.get("src").startswith("data:image/webp;base64,") for image in images)
        again = document.xpath("//a[@class='photo-again']")
        assert [link.text for link in again] == [SAME_PHOTO[language]]
        text = document.text_content()
        assert all(f"Фота: Рэпарцёр {number}" in text for number in range(len(photos)))
        # Nothing in the file can make a request: no external element, no URL but data:.
        assert not document.xpath("//script|//link|//iframe|//*[@srcset]|//object|//embed")
        sources = document.xpath("//@src|//@poster|//@data")
        assert all(source.startswith("data:") for source in sources)
        assert "url(" not in "".join(document.xpath("//style/text()|//@style"))

        returncode, report = epubcheck(epub_path)
        assert returncode == 0, report

    too_big = {lang: size for lang, size in sizes.items() if max(size) >= LIMIT}
    assert not too_big, f"(html, epub) bytes over 2 MB: {too_big}"
    # Camera-sized photos embedded as sent would be several times the limit: the test
    # measures the shrinking, not a light day.
    originals = sum(photo.file.size for photo in photos)
    assert originals > 3 * LIMIT


def photo_widths(page):
    """The pixel widths of the photos embedded in an HTML edition, in reading order."""
    widths = []
    for source in lxml_html.document_fromstring(page).xpath("//img/@src"):
        data = base64.b64decode(source.split(",", 1)[1])
        widths.append(Image.open(io.BytesIO(data)).width)
    return widths


@pytest.fixture
def busy_day(homes):
    """Four articles, each with a camera-sized lead photo, in Belarusian."""
    for number in range(4):
        body = [("paragraph", RichText(PARAGRAPH * 2))]
        make_article(f"Навіна {number}", "be", image=camera_photo(100 + number), body=body)
    page = editions.render_page(
        "be", timezone.localdate(), editions.day_articles("be", timezone.localdate())
    )
    return page


@pytest.mark.django_db
def test_a_day_too_big_gets_smaller_photos_then_fewer_never_less_text(busy_day, monkeypatch):
    page = busy_day
    html = editions.html_edition(page, "be")
    assert photo_widths(html) == [560] * 4  # the usual size: the day fits

    # Too big by a byte: every photo stays, at a smaller size.
    monkeypatch.setattr(editions, "MAX_BYTES", len(html))
    smaller = editions.html_edition(page, "be")
    assert len(smaller) < len(html)
    assert photo_widths(smaller) == [400] * 4

    # Between the text alone and the text with every photo at the smallest size: as many
    # photos as fit, first in reading order, the others left out with a line saying so.
    text_only, photos = editions.html_file(page, "be", editions.HTML_PHOTOS[-1], keep=0)
    everything, _ = editions.html_file(page, "be", editions.HTML_PHOTOS[-1])
    assert photos == 4
    limit = (len(text_only) + len(everything)) // 2
    monkeypatch.setattr(editions, "MAX_BYTES", limit)
    fewer = editions.html_edition(page, "be")
    assert len(fewer) < limit
    kept = photo_widths(fewer)
    assert 0 < len(kept) < 4 and set(kept) == {320}
    document = lxml_html.document_fromstring(fewer)
    notes = document.xpath("//span[@class='photo-left-out']/text()")
    assert notes == ["[Фота не ўвайшло, каб файл заставаўся малым; яно ёсць у поўнай версіі.]"] * (
        4 - len(kept)
    )
    # The photos kept are the first ones: each article's lead photo, in order.
    parts = document.xpath("//section[@class='edition-part']")
    assert [bool(part.xpath(".//img")) for part in parts[:4]] == [True] * len(kept) + [False] * (
        4 - len(kept)
    )
    text = document.text_content()
    for number in range(4):
        assert f"Навіна {number}" in text and f"Фота: Рэпарцёр {100 + number}" in text
    assert text.count("Рэпарцёр расказвае") == PARAGRAPH.count("Рэпарцёр расказвае") * 2 * 4

    # Under even the text alone: every article is still there, with no photo at all.
    monkeypatch.setattr(editions, "MAX_BYTES", 1000)
    bare = lxml_html.document_fromstring(editions.html_edition(page, "be"))
    assert not bare.xpath("//img") and len(bare.xpath("//span[@class='photo-left-out']")) == 4
    assert all(f"Навіна {number}" in bare.text_content() for number in range(4))


@pytest.mark.skipif(not (EPUBCHECK and JAVA), reason="epubcheck is not installed (apt)")
@pytest.mark.django_db
def test_a_book_too_big_keeps_its_first_photos_and_stays_a_valid_book(
    busy_day, monkeypatch, tmp_path
):
    page, day, smallest = busy_day, timezone.localdate(), editions.EPUB_PHOTOS[-1]

    def book_bytes(keep):
        book, _ = editions.render_epub("be", day, page, smallest, keep)
        path = tmp_path / f"keep-{keep}.epub"
        epub.write_epub(str(path), book)
        return path.stat().st_size

    limit = (book_bytes(0) + book_bytes(None)) // 2
    monkeypatch.setattr(editions, "MAX_BYTES", limit)
    path = tmp_path / "edition.epub"
    path.write_bytes(editions.epub_edition("be", day, page))
    assert path.stat().st_size < limit

    book = epub.read_epub(str(path))
    kept = list(book.get_items_of_type(ebooklib.ITEM_IMAGE))
    assert 0 < len(kept) < 4
    assert {Image.open(io.BytesIO(photo.get_content())).width for photo in kept} == {320}
    chapters = [
        item.get_content().decode() for item in book.get_items_of_type(ebooklib.ITEM_DOCUMENT)
    ]
    for number in range(4):
        chapter = next(text for text in chapters if f">Навіна {number}</h2>" in text)
        assert ("<img" in chapter) == (number < len(kept))
        assert ("Фота не ўвайшло" in chapter) == (number >= len(kept))
    returncode, report = epubcheck(path)
    assert returncode == 0, report
