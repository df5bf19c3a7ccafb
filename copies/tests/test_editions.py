"""The daily offline edition: one signed file per format, self-contained, small."""

import shutil
import subprocess  # noqa: S404

import ebooklib
import pytest
from django.core.management import call_command
from django.utils import timezone
from ebooklib import epub
from lxml import html as lxml_html

from copies import editions, signing
from mirrors import hosts
from testing.factories import make_article, make_author, make_image


@pytest.fixture
def day_of_news(homes):
    photo = make_image("Мітынг", size=(1600, 900), credit="Фота: Рэдакцыя")
    make_article(
        "Навіна з фотаздымкам",
        image=photo,
        lede="Што здарылася сёння.",
        authors=[make_author("Ганна Лясная")],
    )
    make_article("Другая навіна дня")
    return timezone.localdate()


@pytest.mark.django_db
def test_the_html_edition_holds_everything_and_asks_for_nothing(day_of_news, signing_key):
    mirrors = (
        {"proto": "https", "url": "https://mirror-one.example"},
        {"proto": "tor", "url": "http://exampleonionaddress.onion"},
    )
    hosts.remember(hosts.Snapshot(alternatives=mirrors), seconds=60)
    html_path, _ = editions.build("be", day_of_news)
    page = html_path.read_bytes()
    document = lxml_html.document_fromstring(page)

    text = document.text_content()
    assert "Навіна з фотаздымкам" in text and "Другая навіна дня" in text
    assert "Ганна Лясная" in text and "Фота: Рэдакцыя" in text
    assert signing_key.public.fingerprint in text
    assert "https://mirror-one.example" in text and "exampleonionaddress.onion/be/" in text
    images = document.xpath("//img")
    assert images and all(img.get("src").startswith("data:image/") for img in images)
    assert not document.xpath("//script|//link|//iframe|//*[@srcset]")
    policy = document.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy == [editions.NO_REQUESTS]
    assert len(page) < 2_000_000
    assert "file:" in signing.verify_file(signing_key.public, html_path)


@pytest.mark.django_db
def test_the_epub_edition_reads_back_as_a_book_and_is_signed(day_of_news, signing_key):
    _, epub_path = editions.build("be", day_of_news)

    book = epub.read_epub(str(epub_path))
    chapters = [item for item in book.get_items_of_type(ebooklib.ITEM_DOCUMENT)]
    texts = " ".join(chapter.get_content().decode() for chapter in chapters)
    assert "Навіна з фотаздымкам" in texts and "Другая навіна дня" in texts
    assert [link.title for link in book.toc][:2] == ["Навіна з фотаздымкам", "Другая навіна дня"]
    assert list(book.get_items_of_type(ebooklib.ITEM_IMAGE)), "the photo is in the book"
    assert book.get_metadata("DC", "language")[0][0] == "be"
    signing.verify_file(signing_key.public, epub_path)

    epub_path.write_bytes(epub_path.read_bytes() + b"\0")
    with pytest.raises(signing.BadSignature):
        signing.verify_file(signing_key.public, epub_path)


@pytest.mark.django_db
def test_editions_older_than_thirty_days_are_removed(homes, signing_key):
    today = timezone.localdate()
    call_command("build_editions", day=today - timezone.timedelta(days=30))
    call_command("build_editions", day=today)
    editions.prune(today)
    kept = sorted(path.name for path in (editions.edition_folder() / "ru").iterdir())
    assert kept == [
        f"{today}.epub",
        f"{today}.epub.minisig",
        f"{today}.html",
        f"{today}.html.minisig",
    ]


@pytest.mark.django_db
def test_the_blocked_page_and_the_lite_edition_link_the_editions_and_show_the_key(
    day_of_news, signing_key, client
):
    editions.build("be", day_of_news)

    blocked = client.get("/be/blocked/").content.decode()
    assert signing_key.public.as_base64() in blocked
    assert signing_key.public.fingerprint in blocked
    assert f"/media/editions/be/{day_of_news}.epub" in blocked
    lite = client.get("/be/lite/").content.decode()
    assert f"/media/editions/be/{day_of_news}.html" in lite
    assert "Пазасеткавыя выпускі" in lite


EPUBCHECK = shutil.which("epubcheck")  # Debian ships it as an executable jar
JAVA = shutil.which("java")


@pytest.mark.skipif(not (EPUBCHECK and JAVA), reason="epubcheck is not installed (apt)")
@pytest.mark.django_db
def test_the_epub_edition_passes_epubcheck(day_of_news, signing_key):
    _, epub_path = editions.build("be", day_of_news)
    checked = subprocess.run(
        [JAVA, "-jar", EPUBCHECK, epub_path], capture_output=True, text=True, timeout=120
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
