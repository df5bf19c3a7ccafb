"""Photo sizes are made by the worker, at upload and at publication, not by readers."""

import logging

import pytest
from django.test import Client
from wagtail.rich_text import RichText

from newsroom.images import NewsroomRendition
from newsroom.photo_sizes import (
    BODY_PHOTO,
    GALLERY_PHOTO,
    LEAD_PHOTO,
    every_size,
    make_library_sizes,
    make_photo_sizes,
)
from samizdat import queue
from testing.factories import make_article, make_author, make_image

pytestmark = pytest.mark.django_db


def illustrated_article(**fields):
    """A lead photo, a photo in the body, a gallery of two and a collage (a gallery of one)."""
    lead, body_photo, collage = (make_image(title=t, size=(1600, 900)) for t in "abc")
    first, second = make_image(title="d", size=(900, 900)), make_image(title="e", size=(900, 900))
    body = [
        ("paragraph", RichText("<p>Суд пачаўся а дзявятай.</p>")),
        ("photo", {"image": body_photo, "caption": "", "credit": ""}),
        ("gallery", {"photos": [{"image": first, "caption": ""}, {"image": second, "caption": ""}],
                     "caption": "Пратэст", "credit": ""}),
        ("gallery", {"photos": [{"image": collage, "caption": ""}], "caption": "", "credit": ""}),
    ]  # fmt: skip
    article = make_article(image=lead, body=body, publish=False, **fields)
    return article, {"lead": lead, "body": body_photo, "gallery": (first, second), "one": collage}


def sizes_made(image):
    return set(NewsroomRendition.objects.filter(image=image).values_list("filter_spec", flat=True))


def publish_and_run_the_worker(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    queue.run_queued_tasks()


def test_publishing_queues_the_sizes_and_the_worker_makes_each_photo_s(
    django_capture_on_commit_callbacks,
):
    article, photos = illustrated_article()
    assert not NewsroomRendition.objects.exists()

    publish_and_run_the_worker(article, django_capture_on_commit_callbacks)

    assert sizes_made(photos["lead"]) >= {*LEAD_PHOTO, "fill-1200x630|format-jpeg"}
    assert sizes_made(photos["body"]) >= set(BODY_PHOTO)
    assert sizes_made(photos["one"]) >= set(BODY_PHOTO)
    for photo in photos["gallery"]:
        assert sizes_made(photo) >= set(GALLERY_PHOTO)
        assert not sizes_made(photo) & {"format-webp|width-1200", "format-jpeg|width-1600"}


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_readers_of_the_article_and_the_lists_showing_it_make_no_size(
    django_capture_on_commit_callbacks, language
):
    article, _photos = illustrated_article(language=language)
    publish_and_run_the_worker(article, django_capture_on_commit_callbacks)
    made_by_the_worker = NewsroomRendition.objects.count()

    reader = Client()
    for path in [
        article.url,
        f"/{language}/",
        f"/{language}/news/",
        article.section.url,
        f"/{language}/feed/",
        f"/{language}/lite/{article.slug}/?images=1",
    ]:
        assert reader.get(path).status_code == 200, path

    assert NewsroomRendition.objects.count() == made_by_the_worker


def test_an_article_without_photos_queues_nothing(django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    article = make_article(publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert not DBTaskResult.objects.exists()


def test_a_photo_whose_file_is_gone_is_skipped_and_the_others_are_made(caplog):
    article, photos = illustrated_article()
    article.save_revision().publish()
    photos["body"].file.storage.delete(photos["body"].file.name)

    with caplog.at_level(logging.WARNING, logger="newsroom.photo_sizes"):
        looked_at = make_photo_sizes.call(article.pk)

    assert looked_at == 5
    assert not sizes_made(photos["body"])
    assert sizes_made(photos["lead"]) >= set(LEAD_PHOTO)
    assert f"Photo {photos['body'].pk} has no file" in caplog.text


def test_a_photo_saved_to_the_library_gets_the_sizes_of_every_role_from_the_worker(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        photo = make_image(size=(1600, 900))
    assert not sizes_made(photo)

    queue.run_queued_tasks()

    made = sizes_made(photo)
    assert made >= set(every_size())
    # Those of the lead photo, the body, a gallery, an author's page, a live entry, lite.
    assert made >= {*LEAD_PHOTO, *GALLERY_PHOTO, "fill-160x160", "width-800", "max-320x240"}


def test_the_author_page_s_reader_makes_no_size_of_the_author_s_photo(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        author = make_author(photo=make_image(size=(600, 600)))
    queue.run_queued_tasks()
    make_article(authors=[author])
    made_by_the_worker = NewsroomRendition.objects.count()

    assert Client().get(f"/be/authors/{author.slug}/").status_code == 200

    assert NewsroomRendition.objects.count() == made_by_the_worker


def test_a_photo_gone_from_the_library_is_left_alone():
    photo = make_image()
    photo_id = photo.pk
    photo.delete()

    assert make_library_sizes.call(photo_id) is False
