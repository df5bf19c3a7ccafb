"""The daily offline edition: one self-contained file per language that readers pass along
by messenger or USB stick, as single-file HTML and as EPUB, each signed.

Photos are embedded once each, at a phone's width as WebP, so a typical day stays under
2 MB.
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
from django.utils.translation import gettext_lazy
from ebooklib import epub
from lxml import html as lxml_html
from wagtail.images import get_image_model
from wagtail.models import Locale

from mirrors import hosts
from newsroom.models import ArticlePage

from . import signing

KEEP_DAYS = 30
FOLDER = "editions"
NO_REQUESTS = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
# Photos at the width of a phone's screen: a day of news with its photos stays well under
# 2 MB. Every browser opening the HTML reads WebP; e-readers and EPUB 3.2 checkers do not all
# (epubcheck 4 refuses it without a fallback), so the book holds well-compressed JPEG.
HTML_PHOTO = "max-560x560|format-webp|webpquality-62"
EPUB_PHOTO = "max-560x560|format-jpeg|jpegquality-62"
SAME_PHOTO = gettext_lazy("The same photo as above")


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


def render_page(language, day, articles):
    """The edition as the template writes it: photos still point at /media/."""
    mirrors, onion = mirror_links()
    with translation.override(language):
        return render_to_string(
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


def edition_photo(url, spec):
    """(key, media type, bytes) of the photo behind a /media/ address at the edition's size,
    or None when it is not one of our files. The key is the photo, so a photo shown twice
    (a lead photo repeated in the text, one photo in two articles) is stored once."""
    if not url.startswith(settings.MEDIA_URL):
        return None
    name = url[len(settings.MEDIA_URL) :]
    rendition = (
        get_image_model().get_rendition_model().objects.filter(file=name).select_related("image")
    ).first()
    if rendition:
        photo = rendition.image.get_rendition(spec)
        kind = mimetypes.guess_type(photo.file.name)[0]
        with photo.file.open("rb") as file:
            return f"photo-{rendition.image_id}", kind, file.read()
    if not default_storage.exists(name):
        return None
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    with default_storage.open(name) as file:
        return f"file-{name}", kind, file.read()


def edition_photos(document, spec):
    """[(img element, photo or None)] in reading order, each photo read once."""
    found = {}
    pairs = []
    for image in list(document.iter("img")):
        src = image.get("src", "")
        if src not in found:
            found[src] = edition_photo(src, spec)
        image.attrib.pop("srcset", None)
        image.attrib.pop("loading", None)
        image.attrib.pop("width", None)
        image.attrib.pop("height", None)
        pairs.append((image, found[src]))
    return pairs


def strip_requests(document):
    # Links stay (a reader chooses to follow them); nothing else may point anywhere.
    for element in document.xpath("//link|//script|//iframe"):
        element.getparent().remove(element)


def render_html(language, day, articles):
    return html_edition(render_page(language, day, articles), language)


def html_edition(page, language):
    """One file: each photo embedded once as a data: URI; where it appears again, the
    caption stays and a link leads to the photo above."""
    document = lxml_html.document_fromstring(page)
    shown = set()
    for image, photo in edition_photos(document, HTML_PHOTO):
        if photo is None:
            image.getparent().remove(image)
            continue
        key, kind, data = photo
        if key in shown:
            again = lxml_html.Element("a", {"href": f"#{key}", "class": "photo-again"})
            with translation.override(language):
                again.text = str(SAME_PHOTO)
            image.getparent().replace(image, again)
            continue
        shown.add(key)
        image.set("id", key)
        image.set("src", f"data:{kind};base64,{base64.b64encode(data).decode()}")
    strip_requests(document)
    return b"<!DOCTYPE html>\n" + lxml_html.tostring(document, encoding="utf-8")


def render_epub(language, day, page):
    """The same edition as an EPUB 3 book: one chapter per article, each photo one item of
    the book however often it appears."""
    document = lxml_html.document_fromstring(page)
    photos = dict(edition_photos(document, EPUB_PHOTO))
    strip_requests(document)
    book = epub.EpubBook()
    book.set_identifier(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{language}/{day}')}")
    title = document.findtext(".//title") or f"{settings.WAGTAIL_SITE_NAME} {day}"
    book.set_title(title)
    book.set_language(language)
    book.add_author(settings.WAGTAIL_SITE_NAME)
    items = {}
    chapters = []
    for number, section in enumerate(document.xpath("//section[@class='edition-part']"), 1):
        for image in list(section.iter("img")):
            if photos.get(image) is None:
                image.getparent().remove(image)
                continue
            key, kind, data = photos[image]
            if key not in items:
                extension = mimetypes.guess_extension(kind) or ".jpg"
                items[key] = f"images/{len(items) + 1}{extension}"
                book.add_item(
                    epub.EpubItem(uid=key, file_name=items[key], media_type=kind, content=data)
                )
            image.set("src", items[key])
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
    page = render_page(language, day, day_articles(language, day))
    html_path = folder / f"{day.isoformat()}.html"
    html_path.write_bytes(html_edition(page, language))
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
