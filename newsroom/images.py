"""The newsroom's image model: every photo carries its credit and a default caption."""

import copy

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class NewsroomImage(AbstractImage):
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_('Who made the photo, e.g. "Photo: Agency via AP".'),
    )
    default_caption = models.TextField(
        _("default caption"), blank=True, help_text=_("What the photo shows.")
    )

    admin_form_fields = Image.admin_form_fields + ("credit", "default_caption")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class NewsroomRendition(AbstractRendition):
    image = models.ForeignKey(NewsroomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def prefetch_renditions(images):
    """Load the renditions of many images in one query, so templates render without N+1.

    The same image may appear as several instances (lead photo, body, gallery); each gets
    its own copies whose `image` points back to it, so nothing is fetched again later.
    """
    images = [image for image in images if image is not None]
    if not images:
        return
    by_image = {image.pk: [] for image in images}
    for rendition in NewsroomRendition.objects.filter(image_id__in=by_image):
        by_image[rendition.image_id].append(rendition)
    for image in images:
        image.prefetched_renditions = [
            _bound_copy(rendition, image) for rendition in by_image[image.pk]
        ]


def _bound_copy(rendition, image):
    bound = copy.copy(rendition)
    bound.image = image
    return bound
