"""The newsroom's image model: a credit, and a caption and alt text in each language."""

import copy

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition

from samizdat import prepared

LANGUAGES = ("be", "ru", "en")

# Where a page looks when the photo has no text in its own language. Readers of the
# Belarusian and Russian editions mostly read both languages; an English reader usually
# reads neither, so an English page rather shows nothing than a caption it cannot read.
FALLBACKS = {"be": ("be", "ru"), "ru": ("ru", "be"), "en": ("en",)}


def caption_field(verbose_name):
    return models.TextField(
        verbose_name,
        blank=True,
        help_text=_("What the photo shows, as readers of this language see it under it."),
    )


def alt_field(verbose_name):
    return models.CharField(
        verbose_name,
        max_length=255,
        blank=True,
        help_text=_(
            "What the photo shows, for readers who cannot see it. Required for a lead photo."
        ),
    )


class NewsroomImage(AbstractImage):
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_('Who made the photo, e.g. "Photo: Agency via AP". The same in every language.'),
    )
    caption_be = caption_field(_("caption in Belarusian"))
    alt_be = alt_field(_("alt text in Belarusian"))
    caption_ru = caption_field(_("caption in Russian"))
    alt_ru = alt_field(_("alt text in Russian"))
    caption_en = caption_field(_("caption in English"))
    alt_en = alt_field(_("alt text in English"))

    # Wagtail's one "description" is replaced by the alt text of each language.
    admin_form_fields = (
        "title",
        "file",
        "credit",
        "caption_be",
        "alt_be",
        "caption_ru",
        "alt_ru",
        "caption_en",
        "alt_en",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    def caption_in(self, language):
        """The caption for a page in this language, or in the one its readers also read."""
        return self._text_in("caption", language)

    def alt_in(self, language):
        """The alt text for a page in this language, or in the one its readers also read."""
        return self._text_in("alt", language)

    def has_alt_in(self, language):
        return bool(getattr(self, f"alt_{language}", "").strip())

    def _text_in(self, kind, language):
        for candidate in FALLBACKS.get(language, (language,)):
            text = getattr(self, f"{kind}_{candidate}", "").strip()
            if text:
                return text
        return ""

    @property
    def default_alt_text(self):
        # Wagtail reads this where it renders an image outside our templates (rich text).
        return self.alt_in(translation.get_language() or settings.LANGUAGE_CODE)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class NewsroomRendition(AbstractRendition):
    image = models.ForeignKey(NewsroomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def prefetch_renditions(images, specs=None):
    """Load the renditions of many images in one query, so templates render without N+1.

    The same image may appear as several instances (lead photo, body, gallery); each gets
    its own copies whose `image` points back to it, so nothing is fetched again later.
    specs: only these filter specs (a feed shows one size; a photo has a score of them).
    """
    images = [image for image in images if image is not None]
    if not images:
        return
    by_image = {image.pk: [] for image in images}
    if specs is None:
        renditions = RENDITIONS_OF(by_image)
    else:
        renditions = NewsroomRendition.objects.filter(image_id__in=by_image, filter_spec__in=specs)
    for rendition in renditions:
        by_image[rendition.image_id].append(rendition)
    for image in images:
        image.prefetched_renditions = [
            _bound_copy(rendition, image) for rendition in by_image[image.pk]
        ]


# The renditions of an article's photos: read at its first render after its parts left the
# cache, so compiled once per number of photos (samizdat.prepared).
RENDITIONS_OF = prepared.PreparedIn(
    lambda ids: NewsroomRendition.objects.filter(image_id__in=ids).order_by("pk"), 0
)


def _bound_copy(rendition, image):
    bound = copy.copy(rendition)
    bound.image = image
    return bound
