"""Addresses of lite pages, for this app and for the slot on full articles."""

from django.urls import reverse
from django.utils import translation


def lite_front_url(language):
    with translation.override(language):
        return reverse("lite:front")


def lite_article_url(language, slug):
    with translation.override(language):
        return reverse("lite:article", kwargs={"slug": slug})
