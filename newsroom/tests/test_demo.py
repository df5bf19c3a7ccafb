"""The demo newsroom: enough stories in three languages, linked, backdated, safe to load twice."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from newsroom.demo import content
from newsroom.demo.images import MOTIFS
from newsroom.demo.loader import (
    COLLECTION_NAME,
    article_counts,
    load_demo,
    paragraphs,
    photo_captions,
)
from newsroom.images import NewsroomImage
from newsroom.languages import detect_language
from newsroom.models import ArticlePage, Author
from newsroom.slugs import is_ascii_slug
from newsroom.structure import SECTIONS
from testing.factories import make_article

# The three newest stories are translated and between them have a photo, a link card and
# a gallery, so the quick tests still touch every kind of block at a fraction of the cost.
FEW = 3
SECTION_SLUGS = {slug for slug, _ in SECTIONS}
CYRILLIC = re.compile("[\u0400-\u04ff]")


def articles(language):
    return ArticlePage.objects.filter(locale__language_code=language)


def state():
    """What a reader or an editor would notice if a load duplicated or lost something."""
    return {
        "articles": article_counts(),
        "slugs": sorted(ArticlePage.objects.values_list("slug", flat=True)),
        "authors": Author.objects.count(),
        "images": NewsroomImage.objects.count(),
    }


def run_command(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def block_types(article):
    return [block.block_type for block in article.body]


# The texts themselves, checked without a database.


def test_stories_are_complete_in_every_language_they_have():
    for story in content.STORIES:
        assert story["section"] in SECTION_SLUGS
        assert 1 <= len(story["authors"]) <= 2
        assert set(story["authors"]) <= set(content.AUTHORS)
        for language in ("be", "ru", "en"):
            if language not in story:
                continue
            texts = story[language]
            assert texts["title"] and texts["caption"] and texts["subheading"]
            assert 1 <= len(paragraphs(texts["lede"])) <= 2
            assert len(paragraphs(texts["text"])) >= 2
            assert 1 <= len(texts["tags"]) <= 3
            if "photo" in story:
                assert texts["photo_caption"]
            if "gallery" in story:
                assert len(texts["gallery_captions"]) == len(story["gallery"][0])
                assert 2 <= len(texts["gallery_captions"]) <= 4
            if "embed" in story:
                assert texts["embed_title"]


def test_every_demo_photo_is_captioned_and_described_in_each_language():
    assert set(content.MOTIF_ALT) == set(MOTIFS)
    for alts in content.MOTIF_ALT.values():
        assert {language: detect_language(alt) for language, alt in alts.items()} == {
            "be": "be",
            "ru": "ru",
            "en": "en",
        }
    for story in content.STORIES:
        captions = [photo_captions(story, "caption")]
        if "photo" in story:
            captions.append(photo_captions(story, "photo_caption"))
        for number in range(len(story.get("gallery", ((),))[0])):
            captions.append(photo_captions(story, "gallery_captions", number))
        for caption in captions:
            assert set(caption) == {"be", "ru", "en"} and all(caption.values())
            assert detect_language(caption["en"]) == "en"


def test_headlines_and_ledes_are_all_different():
    titles = [story["be"]["title"] for story in content.STORIES]
    ledes = [story["be"]["lede"] for story in content.STORIES]
    assert len(set(titles)) == len(titles)
    assert len(set(ledes)) == len(ledes)


def test_translations_are_in_their_own_alphabet():
    for story in content.STORIES:
        if "ru" in story:
            # Letters only Belarusian has would give away an unedited copy.
            assert not set("іўІЎ") & set(story["ru"]["title"] + story["ru"]["lede"])
            assert story["ru"]["title"] != story["be"]["title"]
        if "en" in story:
            assert not CYRILLIC.search(story["en"]["title"] + story["en"]["lede"])


# The whole demo, loaded once: the numbers the site is judged by.


@pytest.mark.django_db
def test_full_demo_fills_three_language_editions():
    summary = load_demo()

    counts = article_counts()
    assert counts["be"] >= 40
    assert counts["ru"] >= 14
    assert counts["en"] >= 14
    assert summary.created == len(content.STORIES) == counts["be"]
    assert Author.objects.filter(locale__language_code="be").count() == len(content.AUTHORS)
    assert set(articles("be").values_list("section__slug", flat=True)) == SECTION_SLUGS
    assert_translations_are_linked()
    assert_every_article_is_complete()
    assert_dates_spread_over_ten_days()
    assert_body_uses_every_kind_of_block()


def assert_translations_are_linked():
    originals = {page.translation_key: page for page in articles("be")}
    for language in ("ru", "en"):
        for page in articles(language).select_related("section__locale"):
            original = originals[page.translation_key]
            assert page.title != original.title
            assert page.section.locale.language_code == language
            assert page.section.slug == original.section.slug
            assert page.first_published_at > original.first_published_at
            assert page.lede != original.lede


def assert_every_article_is_complete():
    slugs = []
    for page in ArticlePage.objects.select_related("lead_image", "section", "locale"):
        assert page.live and not page.has_unpublished_changes
        assert page.lede and len(page.lede.split("\n\n")) <= 2
        assert page.lead_image is not None
        assert page.credit and page.caption
        assert page.section is not None
        assert 1 <= page.bylines.count() <= 2
        assert 1 <= page.tags.count() <= 3
        types = block_types(page)
        assert types.count("paragraph") >= 3
        assert "subheading" in types
        assert is_ascii_slug(page.slug)
        slugs.append((page.locale_id, page.slug))
    assert len(set(slugs)) == len(slugs)


def assert_dates_spread_over_ten_days():
    now = timezone.now()
    times = list(ArticlePage.objects.values_list("first_published_at", flat=True))
    assert all(now - timedelta(days=10) <= when <= now for when in times)
    assert max(times) - min(times) > timedelta(days=8)
    assert len({when.date() for when in times}) >= 9
    newest = articles("be").order_by("-first_published_at").first()
    assert now - newest.first_published_at < timedelta(hours=1)
    # It leads the main page, so it needs a photo that fills the width.
    assert newest.lead_image.width >= 1600


def assert_body_uses_every_kind_of_block():
    bodies = [block_types(page) for page in articles("be")]
    with_quote = sum("quote" in types for types in bodies)
    assert with_quote > len(bodies) / 2
    assert sum("photo" in types for types in bodies) >= 3
    assert sum("gallery" in types for types in bodies) >= 2
    assert 1 <= sum("embed" in types for types in bodies) <= 2


# Loading again, resetting and the `make run` mode, on the newest few stories.


@pytest.mark.django_db
def test_loading_twice_adds_nothing():
    load_demo(limit=FEW)
    first = state()
    summary = load_demo(limit=FEW)
    assert state() == first
    assert summary.created == 0
    assert summary.skipped == FEW
    assert first["articles"] == {"be": FEW, "ru": FEW, "en": FEW}


@pytest.mark.django_db
def test_reset_rebuilds_the_demo_from_scratch():
    load_demo(limit=FEW)
    first = state()
    edited = articles("be").first()
    edited.title = "Edited by hand"
    edited.save_revision().publish()
    make_article(title="Навіна рэдакцыі")

    output = run_command("--reset", "--limit", str(FEW))

    # Same stories, authors and photos as before; the hand-made article and the edit are gone.
    assert state() == first
    assert not ArticlePage.objects.filter(title__in=["Edited by hand", "Навіна рэдакцыі"]).exists()
    assert f"{FEW} stories added" in output


@pytest.mark.django_db
def test_if_empty_loads_only_into_an_empty_site():
    make_article(title="Першая навіна рэдакцыі")
    output = run_command("--if-empty", "--limit", "2")
    assert "not loaded" in output
    assert article_counts()["be"] == 1

    ArticlePage.objects.all().delete()
    output = run_command("--if-empty", "--limit", "2")
    assert "2 stories added" in output
    assert article_counts() == {"be": 2, "ru": 2, "en": 2}


@pytest.mark.django_db
def test_translation_names_its_authors_in_its_own_language():
    load_demo(limit=FEW)
    english = articles("en").order_by("-first_published_at").first()
    names = [author.name for author in english.byline_authors]
    assert names and all(name.isascii() for name in names)
    russian = english.get_translation(Locale.objects.get(language_code="ru"))
    assert [author.name for author in russian.specific.byline_authors] != names
    assert all(tag.name.isascii() for tag in english.tags.all())


@pytest.mark.django_db
def test_demo_images_are_distinct_and_kept_apart():
    load_demo(limit=FEW)
    images = NewsroomImage.objects.filter(collection__name=COLLECTION_NAME)
    hashes = list(images.values_list("file_hash", flat=True))
    assert len(hashes) == len(set(hashes)) > FEW
    lead = articles("be").first().lead_image
    assert (lead.width, lead.height) == (1600, 900)
    assert lead.credit
    for image in images:
        for language in ("be", "ru", "en"):
            assert image.caption_in(language) == getattr(image, f"caption_{language}") != ""
            assert image.has_alt_in(language)
            assert detect_language(getattr(image, f"caption_{language}")) in (language, None)
            assert detect_language(getattr(image, f"alt_{language}")) == language
