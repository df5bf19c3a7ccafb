"""The sizes of an article's photos that reader pages show, made by the worker at publication.

Wagtail makes a missing rendition where a template first asks for it. Left to that, the
first reader of a newly published article waits while an app-server worker decodes each
photo and writes its sizes (twenty files for a lead photo), and that worker keeps the
memory it took for it: over the demo's pages, 235 MB a worker while they were made, 168 MB
at the peak once they existed (bench/worker_memory.py, SQLite). So the worker makes them:
when a photo is saved to the library (every size any role of it may need, as editors
upload photos before they publish), and again when an article is published (what its own
photos still lack: a photo saved before this, or published a moment after its upload). A
size a template asks for that is not listed here is still made where it is asked for.

Other apps add the sizes their pages draw with Wagtail hooks, functions returning specs:
`newsroom_lead_photo_sizes` and `newsroom_body_photo_sizes` for an article's photos,
`newsroom_photo_sizes` for a photo in any other role (made at upload only).
"""

import logging

from django.db import transaction
from django_tasks import task
from wagtail import hooks
from wagtail.images.models import Filter, SourceImageIOError

from samizdat import queue

logger = logging.getLogger(__name__)

# As newsroom's templates ask for them (the order of a spec's parts is part of its name).
LEAD_PHOTO = [
    *Filter.expand_spec("format-{webp,jpeg} width-{480,800,1200,1600}"),  # article_page.html
    *Filter.expand_spec("format-{webp,jpeg} fill-{320x180,640x360}"),  # components/teaser.html
    # The main page's lead story (home_page.html): the newest article, the one published.
    *Filter.expand_spec("format-{webp,jpeg} fill-{480x270,960x540,1440x810}"),
]
BODY_PHOTO = Filter.expand_spec("format-{webp,jpeg} width-{480,800,1200}")  # blocks/photo.html
# blocks/gallery.html: a gallery of one photo is a collage, shown whole like a body photo.
GALLERY_PHOTO = Filter.expand_spec("format-{webp,jpeg} fill-{400x300,800x600}")
AUTHOR_PHOTO = ["fill-160x160"]  # author_page.html


def from_hooks(name):
    return [spec for sizes in hooks.get_hooks(name) for spec in sizes()]


def sizes_of(article):
    """{image: set of specs} for the article's lead photo and the photos of its body."""
    wanted = {}

    def add(image, specs):
        if image is not None:
            wanted.setdefault(image, set()).update(specs)

    add(article.lead_image, [*LEAD_PHOTO, *from_hooks("newsroom_lead_photo_sizes")])
    in_body = from_hooks("newsroom_body_photo_sizes")
    for block in article.body:
        if block.block_type == "photo":
            add(block.value["image"], [*BODY_PHOTO, *in_body])
        elif block.block_type == "gallery":
            photos = block.value["photos"]
            specs = BODY_PHOTO if len(photos) == 1 else GALLERY_PHOTO
            for photo in photos:
                add(photo["image"], [*specs, *in_body])
    return wanted


def every_size():
    """The sizes of every role a photo of the library may take."""
    return sorted(
        {
            *LEAD_PHOTO,
            *BODY_PHOTO,
            *GALLERY_PHOTO,
            *AUTHOR_PHOTO,
            *from_hooks("newsroom_lead_photo_sizes"),
            *from_hooks("newsroom_body_photo_sizes"),
            *from_hooks("newsroom_photo_sizes"),
        }
    )


def queue_for_photo(sender, instance, raw=False, **kwargs):
    """post_save of a photo: its sizes once committed. Saving again (a new file, a moved
    focal point, after which Wagtail drops the sizes it had) makes what is missing."""
    if raw:
        return  # loaddata: the rows come with their renditions, or without a file
    image_id = instance.pk
    transaction.on_commit(lambda: make_library_sizes.enqueue(image_id))


@task(backend=queue.BACKEND)
def make_library_sizes(image_id):
    """Every size of every role, for a photo saved to the library; False if it is gone or
    has no file."""
    from .images import NewsroomImage

    image = NewsroomImage.objects.filter(pk=image_id).first()
    return image is not None and made(image, every_size())


def made(image, specs):
    """The image's missing sizes among specs made, its original read once; False (logged)
    when its file is gone."""
    try:
        image.get_renditions(*specs)
    except SourceImageIOError:
        logger.warning("Photo %s has no file: its sizes are not made", image.pk)
        return False
    return True


def queue_for(article):
    """After the publication commits, the worker makes the sizes (nothing to queue without
    photos)."""
    if article.lead_image_id is None and not any(
        block.block_type in ("photo", "gallery") for block in article.body
    ):
        return
    article_id = article.pk
    transaction.on_commit(lambda: make_photo_sizes.enqueue(article_id))


@task(backend=queue.BACKEND)
def make_photo_sizes(article_id):
    """Every listed size of the article's photos that is not made yet; returns how many
    photos were looked at. A photo whose file is missing is logged and skipped."""
    from .models import ArticlePage

    article = ArticlePage.objects.filter(pk=article_id).select_related("lead_image").first()
    if article is None:
        return 0
    wanted = sizes_of(article)
    for image, specs in wanted.items():
        made(image, sorted(specs))
    return len(wanted)
