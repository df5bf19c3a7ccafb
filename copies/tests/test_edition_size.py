"""A typical day's offline edition stays under 2 MB in both formats and every language.

The demo's busiest day has eight articles. Here each has a lead photo and two more in its
text, all camera-sized (1600 px) JPEGs with the grain and detail of real photographs (flat
test pictures would compress to nothing), and the first lead photo appears again in the
last article, as a running story's photo does.
"""

import io
import random
import shutil
import subprocess  # noqa: S404

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
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
