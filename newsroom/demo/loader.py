"""Build the demo newsroom: authors, photos, stories in Belarusian and their translations.

Every story is looked up by the slug of its Belarusian headline before it is made, so the
loader can run again at any time and only adds what is missing.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape
from io import BytesIO
from textwrap import dedent

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection, Locale, PageLogEntry
from wagtail.rich_text import RichText

from newsroom.images import NewsroomImage
from newsroom.models import ArticleByline, ArticlePage, Author, NewsIndexPage, SectionPage
from newsroom.slugs import slug_for
from newsroom.structure import ensure_site_structure

from . import content
from .images import GALLERY_SIZE, LEAD_SIZE, PHOTO_SIZE, render

ORIGINAL = "be"
TRANSLATED = ("ru", "en")
# Demo photos live in their own collection: editors see at a glance what is not real, and
# --reset can remove exactly these images and nothing an editor uploaded.
COLLECTION_NAME = "Demo"
# Translations go out a little after the original, as they would in a real newsroom.
TRANSLATION_DELAY = {"ru": timedelta(minutes=25), "en": timedelta(minutes=50)}


@dataclass
class Newsroom:
    """What every story needs: where to file it, who writes it, and the time it is now."""

    locales: dict
    news: NewsIndexPage
    sections: dict
    authors: dict
    collection: Collection
    now: datetime = field(default_factory=timezone.now)


@dataclass
class Summary:
    created: int
    skipped: int
    articles: dict
    authors: int
    images: int

    def __str__(self):
        per_language = ", ".join(f"{code} {count}" for code, count in self.articles.items())
        return (
            f"Demo newsroom: {self.created} stories added, {self.skipped} already there; "
            f"articles {per_language}; {self.authors} authors, {self.images} demo images."
        )


def paragraphs(text):
    """Blocks of wrapped text separated by blank lines, each joined into one line."""
    blocks = dedent(text).strip().split("\n\n")
    return [" ".join(line.strip() for line in block.splitlines()) for block in blocks]


def lede(text):
    return "\n\n".join(paragraphs(text))


def rich(text):
    return ("paragraph", RichText(f"<p>{escape(text, quote=False)}</p>"))


def load_demo(limit=None):
    """Add the demo stories that are missing (the first `limit` of them if given)."""
    ensure_site_structure()
    newsroom = prepare_newsroom()
    created = skipped = 0
    for index, story in enumerate(content.STORIES[:limit]):
        # One transaction per story: a failure leaves no half-made article or stray
        # translation, and the next run picks up where this one stopped.
        with transaction.atomic():
            if load_story(newsroom, story, index):
                created += 1
            else:
                skipped += 1
    return summarize(created, skipped)


def prepare_newsroom():
    locales = {code: Locale.objects.get(language_code=code) for code, _ in settings.LANGUAGES}
    news = NewsIndexPage.objects.get(locale=locales[ORIGINAL])
    sections = {
        section.slug: section
        for section in SectionPage.objects.filter(locale=locales[ORIGINAL]).specific()
    }
    return Newsroom(
        locales=locales,
        news=news,
        sections=sections,
        authors=ensure_authors(locales),
        collection=demo_collection(),
    )


def demo_collection():
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    return existing or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def ensure_authors(locales):
    """The demo journalists in Belarusian, each with a linked Russian and English name."""
    authors = {}
    for key, names in content.AUTHORS.items():
        name, bio = names[ORIGINAL]
        author = Author.objects.filter(locale=locales[ORIGINAL], name=name).first()
        if author is None:
            author = Author.objects.create(locale=locales[ORIGINAL], name=name, bio=bio)
        for language in TRANSLATED:
            if author.get_translation_or_none(locales[language]) is None:
                copy = author.copy_for_translation(locales[language])
                copy.name, copy.bio = names[language]
                copy.save()
        authors[key] = author
    return authors


def load_story(newsroom, story, index):
    """Create a story and its translations; False when it is already on the site."""
    texts = story[ORIGINAL]
    slug = slug_for(texts["title"], ORIGINAL)
    if ArticlePage.objects.child_of(newsroom.news).filter(slug=slug).exists():
        return False
    images = story_images(newsroom, story, index)
    published = newsroom.now - timedelta(hours=story["hours_ago"], minutes=jitter(index))
    original = create_original(newsroom, story, index, images, slug)
    backdate(original, published, story.get("updated_after"))
    for language in TRANSLATED:
        if language in story:
            copy = translate(newsroom, original, story, index, images, language)
            when = min(published + TRANSLATION_DELAY[language], newsroom.now)
            backdate(copy, when - timedelta(minutes=1), story.get("updated_after"))
    return True


def jitter(index):
    """A few minutes either way, so that stories do not all go out on the same minute."""
    return (index * 17) % 29 - 14 if index else 0


def create_original(newsroom, story, index, images, slug):
    page = ArticlePage(
        slug=slug,
        section=newsroom.sections[story["section"]],
        **article_fields(story, images, ORIGINAL, index=index),
    )
    for key in story["authors"]:
        page.bylines.add(ArticleByline(author=newsroom.authors[key]))
    page.tags.add(*story[ORIGINAL]["tags"])
    newsroom.news.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(newsroom, original, story, index, images, language):
    """The story in another language, filed under that language's All news and section."""
    copy = original.copy_for_translation(newsroom.locales[language])
    fields = article_fields(story, images, language, index=index)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.slug = slug_for(fields["title"], language)
    # The copy carries the Belarusian tags over; readers of each edition get their own.
    copy.tags.set(list(story[language]["tags"]))
    copy.save_revision().publish()
    return copy


def article_fields(story, images, language, index):
    texts = story[language]
    credit_kind = story["lead"][1]
    return {
        "title": texts["title"],
        "lede": lede(texts["lede"]),
        "lead_image": images["lead"],
        # Empty: the page shows the photo's caption in its own language, as an editor leaves it.
        "lead_caption": "",
        # Belarusian pages fall back to the image's own credit, which is Belarusian.
        "lead_credit": "" if language == ORIGINAL else content.CREDITS[credit_kind][language],
        "body": body(story, images, language, index),
    }


def body(story, images, language, index):
    """Paragraphs with a subheading, quote, photos and a link card where the story has them."""
    texts = story[language]
    first, *rest = paragraphs(texts["text"])
    blocks = [rich(first)]
    if images["photo"] is not None:
        blocks.append(("photo", photo_value(story, images["photo"], language)))
    blocks.append(("subheading", texts["subheading"]))
    for number, paragraph in enumerate(rest):
        blocks.append(rich(paragraph))
        if number == 0 and "quote" in texts:
            quote, attribution = texts["quote"]
            blocks.append(("quote", {"text": quote, "attribution": attribution}))
    if images["gallery"]:
        blocks.append(("gallery", gallery_value(story, images["gallery"], language)))
    notes = paragraphs(content.NOTES[story["section"]][language])
    blocks.append(rich(notes[story.get("note", index) % len(notes)]))
    if "embed" in story:
        blocks.append(("embed", {**story["embed"], "title": texts["embed_title"]}))
    return blocks


def photo_value(story, image, language):
    # An empty caption shows the image's own in the page's language. The image's credit is
    # the Belarusian one, so translations give theirs.
    credit = "" if language == ORIGINAL else content.CREDITS[story["photo"][1]][language]
    return {"image": image, "caption": "", "credit": credit}


def gallery_value(story, gallery, language):
    texts = story[language]
    kind = story["gallery"][1]
    return {
        "photos": [{"image": image, "caption": ""} for image in gallery],
        "caption": texts["gallery_caption"],
        "credit": content.CREDITS[kind][language],
    }


def story_images(newsroom, story, index):
    """Draw the story's photos, captioned and described in every language."""
    motif, kind = story["lead"]
    images = {
        "lead": make_image(
            newsroom, motif, f"{index}-lead", LEAD_SIZE, kind, photo_captions(story, "caption")
        ),
        "photo": None,
        "gallery": [],
    }
    if "photo" in story:
        motif, kind = story["photo"]
        captions = photo_captions(story, "photo_caption")
        images["photo"] = make_image(newsroom, motif, f"{index}-photo", PHOTO_SIZE, kind, captions)
    if "gallery" in story:
        motifs, kind = story["gallery"]
        images["gallery"] = [
            make_image(
                newsroom,
                motif,
                f"{index}-gallery-{n}",
                GALLERY_SIZE,
                kind,
                photo_captions(story, "gallery_captions", n),
            )
            for n, motif in enumerate(motifs)
        ]
    return images


def photo_captions(story, key, number=None):
    """A photo's caption in each language: the story's own, or the library's translation."""
    captions = {}
    for language in (ORIGINAL, *TRANSLATED):
        if language in story:
            text = story[language][key]
            captions[language] = text if number is None else text[number]
    if len(captions) == 1:
        russian, english = content.PHOTO_CAPTIONS[captions[ORIGINAL]]
        captions.update(ru=russian, en=english)
    return captions


def make_image(newsroom, motif, seed, size, credit_kind, captions):
    data = render(motif, seed, size)
    image = NewsroomImage(
        title=captions[ORIGINAL][:120],
        file=ImageFile(BytesIO(data), name=f"demo-{seed}.jpg"),
        credit=content.CREDITS[credit_kind][ORIGINAL],
        collection=newsroom.collection,
        # What the admin would compute on upload; it finds duplicates by this hash.
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    for language, caption in captions.items():
        setattr(image, f"caption_{language}", caption)
        setattr(image, f"alt_{language}", content.MOTIF_ALT[motif][language])
    image.save()
    return image


def backdate(page, when, updated_after=None):
    """Move the publication back in time, on the site and in the admin's history alike."""
    last = when + timedelta(hours=updated_after) if updated_after else when
    last = min(last, timezone.now())
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=when,
        last_published_at=last,
        latest_revision_created_at=last,
        sort_date=when,  # lists sort by it (ArticlePage.save keeps it; update() does not)
    )
    page.revisions.update(created_at=last)
    PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=when)


@transaction.atomic
def reset_demo():
    """Remove every article, the demo authors and the demo photos."""
    ArticlePage.objects.all().delete()
    names = [names[ORIGINAL][0] for names in content.AUTHORS.values()]
    keys = list(
        Author.objects.filter(locale__language_code=ORIGINAL, name__in=names).values_list(
            "translation_key", flat=True
        )
    )
    Author.objects.filter(translation_key__in=keys).delete()
    NewsroomImage.objects.filter(collection__name=COLLECTION_NAME).delete()


def article_counts():
    return {
        code: ArticlePage.objects.filter(locale__language_code=code).count()
        for code, _ in settings.LANGUAGES
    }


def summarize(created, skipped):
    return Summary(
        created=created,
        skipped=skipped,
        articles=article_counts(),
        authors=Author.objects.filter(locale__language_code=ORIGINAL).count(),
        images=NewsroomImage.objects.filter(collection__name=COLLECTION_NAME).count(),
    )
