"""The daily offline edition: one self-contained file per language that readers pass along
by messenger or USB stick, as single-file HTML and as EPUB, each signed.

Photos are embedded once each, at a phone's width as WebP, so a typical day stays under
2 MB. A day with many times a typical day's articles gets smaller photos, and past the
smallest, its last photos are left out (their captions stay): the text is never cut.
The HTML holds no script and a policy that forbids every request: opened anywhere, it
tells nobody that it was opened.
"""

import base64
import io
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
# Files go by messenger and onto phones with little room left: every edition stays under this.
MAX_BYTES = 2_000_000
# Photos at the width of a phone's screen: a day of news with its photos stays well under
# 2 MB. Every browser opening the HTML reads WebP; e-readers and EPUB 3.2 checkers do not all
# (epubcheck 4 refuses it without a fallback), so the book holds well-compressed JPEG.
# The later sizes are for a day whose file would not fit with the first.
HTML_PHOTOS = (
    "max-560x560|format-webp|webpquality-62",
    "max-400x400|format-webp|webpquality-50",
    "max-320x320|format-webp|webpquality-40",
)
EPUB_PHOTOS = (
    "max-560x560|format-jpeg|jpegquality-62",
    "max-400x400|format-jpeg|jpegquality-50",
    "max-320x320|format-jpeg|jpegquality-40",
)
SAME_PHOTO = gettext_lazy("The same photo as above")
LEFT_OUT = gettext_lazy("Photo left out to keep this file small; it is in the full version.")


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


def fitted(make, sizes):
    """The file make(photo size, keep) gives under MAX_BYTES: largest photos first, then most.

    make returns (bytes, photos in the day): keep None embeds every photo, a number the first
    that many in reading order. Each photo size is tried with every photo, largest first;
    when even the smallest is too big, as many photos as fit are kept. A day whose text
    alone is over the limit still gets every article, without photos.
    """
    for size in sizes:
        data, photos = make(size, None)
        if len(data) < MAX_BYTES:
            return data
    best, low, high = make(size, 0)[0], 1, photos - 1
    while low <= high:  # the file grows with every photo kept: halve the range
        middle = (low + high) // 2
        data, _ = make(size, middle)
        if len(data) < MAX_BYTES:
            best, low = data, middle + 1
        else:
            high = middle - 1
    return best


def left_out(image, language):
    """A photo that did not fit: a line saying so where it was; its caption stays."""
    note = lxml_html.Element("span", {"class": "photo-left-out"})
    with translation.override(language):
        note.text = f"[{LEFT_OUT}]"
    image.getparent().replace(image, note)


def html_edition(page, language):
    return fitted(lambda size, keep: html_file(page, language, size, keep), HTML_PHOTOS)


def html_file(page, language, size, keep=None):
    """One file: each photo embedded once as a data: URI; where it appears again, the
    caption stays and a link leads to the photo above. (bytes, photos in the day)."""
    document = lxml_html.document_fromstring(page)
    pairs = edition_photos(document, size)
    shown = set()
    for image, photo in pairs:
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
        if keep is not None and len(shown) >= keep:
            left_out(image, language)
            continue
        shown.add(key)
        image.set("id", key)
        image.set("src", f"data:{kind};base64,{base64.b64encode(data).decode()}")
    strip_requests(document)
    data = b"<!DOCTYPE html>\n" + lxml_html.tostring(document, encoding="utf-8")
    return data, distinct(pairs)


def distinct(pairs):
    return len({photo[0] for _, photo in pairs if photo is not None})


def epub_edition(language, day, page):
    def make(size, keep):
        book, photos = render_epub(language, day, page, size, keep)
        file = io.BytesIO()
        epub.write_epub(file, book, {"raise_exceptions": True})
        return file.getvalue(), photos

    return fitted(make, EPUB_PHOTOS)


def render_epub(language, day, page, size=EPUB_PHOTOS[0], keep=None):
    """The same edition as an EPUB 3 book: one chapter per article, each photo one item of
    the book however often it appears. (book, photos in the day)."""
    document = lxml_html.document_fromstring(page)
    pairs = edition_photos(document, size)
    photos = dict(pairs)
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
            if key not in items and keep is not None and len(items) >= keep:
                left_out(image, language)
                continue
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
    return book, distinct(pairs)


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
    epub_path.write_bytes(epub_edition(language, day, page))
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
