"""The lite pages and "If we are blocked" end with the latest offline editions and the key
that signs every copy (newsroom.template_slots), so readers can fetch a file and check it."""

from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import translation
from wagtail import hooks

from . import editions, signing

LISTED_EDITIONS = 7


@hooks.register("newsroom_slot_reach_end")
def offline_editions_and_key(context):
    language = translation.get_language()
    try:
        key = signing.configured_key()
    except ImproperlyConfigured:
        key = None  # a broken key file must not take the reader pages down
    return render_to_string(
        "copies/reach_end.html",
        {
            "editions": editions.available(language)[:LISTED_EDITIONS],
            "public": key.public if key else None,
        },
    )
