"""The daily offline edition: one self-contained file per language that readers pass along
by messenger or USB stick, as single-file HTML and as EPUB, each signed.

Photos are embedded at the lite edition's small size, so a typical day stays under 2 MB.
The HTML holds no script and a policy that forbids every request: opened anywhere, it
tells nobody that it was opened.
"""

import base64
import mimetypes
import uuid
from datetime import datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from ebooklib import epub
from lxml import html as lxml_html
from wagtail.models import Locale

from mirrors import hosts
from newsroom.models import ArticlePage

from . import signing

KEEP_DAYS = 30
FOLDER = "editions"
NO_REQUESTS = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def day_articles(language, day):
    start = timezone.make_aware(datetime.combine(day, time.min))
    return list(
        ArticlePage.objects.published()
        .filter(locale__language_code=language, sort_date__gte=start)
        .filter(sort_date__lt=start + timedelta(days=1))
        .order_by("sort_date", "pk")
        .select_related("section", "lead_image", "locale")
    )


def mirror_links():
    snapshot = hosts.current()
    mirrors = [entry["url"] for entry in snapshot.alternatives if entry["proto"] == "https"]
    onion = next((e["url"] for e in snapshot.alternatives if e["proto"] == "tor"), "")
    return mirrors, onion


def render_html(language, day, articles):
    mirrors, onion = mirror_links()
    with translation.override(language):
        page = render_to_string(
            "copies/edition.html",
            {
                "language": language,
                "day": day,
                "articles": articles,
                "images": True,
                "mirrors": mirrors,
                "onion": onion,
                "site_url": settings.CANONICAL_BASE_URL.rstrip("/"),
                "site_name": settings.WAGTAIL_SITE_NAME,
                "policy": NO_REQUESTS,
                "key": signing.configured_key(),
            },
        )
    return embed_images(page)


def data_uri(url):
    """A /media/ address as a data: URI, or None when it is not one of our files."""
    if not url.startswith(settings.MEDIA_URL):
        return None
    name = url[len(settings.MEDIA_URL) :]
    if not default_storage.exists(name):
        return None
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    with default_storage.open(name) as file:
        return f"data:{kind};base64,{base64.b64encode(file.read()).decode()}"


def embed_images(page):
    document = lxml_html.document_fromstring(page)
    for image in document.iter("img"):
        embedded = data_uri(image.get("src", ""))
        image.attrib.pop("srcset", None)
        image.attrib.pop("loading", None)
        if embedded:
            image.set("src", embedded)
        else:
            image.getparent().remove(image)
    # Links stay (a reader chooses to follow them); nothing else may point anywhere.
    for element in document.xpath("//link|//script|//iframe"):
        element.getparent().remove(element)
    return b"<!DOCTYPE html>\n" + lxml_html.tostring(document, encoding="utf-8")


def render_epub(language, day, html_page):
    """The same edition as an EPUB 3 book: one chapter per article, photos as book items."""
    document = lxml_html.document_fromstring(html_page)
    book = epub.EpubBook()
    book.set_identifier(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{language}/{day}')}")
    title = document.findtext(".//title") or f"{settings.WAGTAIL_SITE_NAME} {day}"
    book.set_title(title)
    book.set_language(language)
    book.add_author(settings.WAGTAIL_SITE_NAME)
    chapters = []
    for number, section in enumerate(document.xpath("//section[@class='edition-part']"), 1):
        for index, image in enumerate(section.iter("img")):
            kind, _, data = image.get("src").partition(";base64,")
            extension = mimetypes.guess_extension(kind[len("data:") :]) or ".jpg"
            name = f"images/{number}-{index}{extension}"
            book.add_item(
                epub.EpubItem(
                    uid=f"image-{number}-{index}",
                    file_name=name,
                    media_type=kind[len("data:") :],
                    content=base64.b64decode(data),
                )
            )
            image.set("src", name)
        heading = section.findtext(".//h2") or title
        chapter = epub.EpubHtml(title=heading, file_name=f"part-{number}.xhtml", lang=language)
        chapter.content = lxml_html.tostring(section, encoding="unicode")
        book.add_item(chapter)
        chapters.append(chapter)
    book.toc = chapters
    book.spine = ["nav", *chapters]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    return book


def edition_folder():
    return Path(settings.MEDIA_ROOT) / FOLDER


def build(language, day=None, key=None):
    """Write and sign the day's edition in both formats; return the two paths."""
    day = day or timezone.localdate()
    key = key or signing.require_key()
    folder = edition_folder() / language
    folder.mkdir(parents=True, exist_ok=True)
    page = render_html(language, day, day_articles(language, day))
    html_path = folder / f"{day.isoformat()}.html"
    html_path.write_bytes(page)
    epub_path = folder / f"{day.isoformat()}.epub"
    epub.write_epub(str(epub_path), render_epub(language, day, page))
    for path in (html_path, epub_path):
        signing.sign_file(key, path, comment=f"file:{path.name}\tedition:{language}")
    return html_path, epub_path


def prune(today=None):
    """Keep the last KEEP_DAYS days of editions."""
    oldest = (today or timezone.localdate()) - timedelta(days=KEEP_DAYS - 1)
    for path in edition_folder().glob("*/*"):
        stem = path.name.split(".", 1)[0]
        try:
            day = datetime.strptime(stem, "%Y-%m-%d").date()  # noqa: DTZ007 (a file name)
        except ValueError:
            continue
        if day < oldest:
            path.unlink()


def build_all(day=None, key=None):
    languages = Locale.objects.values_list("language_code", flat=True)
    built = [build(language, day, key) for language in languages]
    prune(day)
    return built


def available(language):
    """(day, html URL, epub URL) of the editions on disk, newest first."""
    found = []
    for path in sorted((edition_folder() / language).glob("*.html"), reverse=True):
        base = f"{settings.MEDIA_URL}{FOLDER}/{language}/{path.stem}"
        found.append((path.stem, base + ".html", base + ".epub"))
    return found
