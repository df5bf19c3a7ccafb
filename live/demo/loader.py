"""One live blog a language, a day of entries each, linked as translations of each other."""

import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from live.models import EntryPlaces, EntryStatus, LiveBlogPage, LiveEntry
from newsroom.models import NewsIndexPage, SectionPage
from newsroom.slugs import slug_for

from .content import ENTRIES, TITLES

LANGUAGES = ("be", "ru", "en")


def load_live_demo(day=None):
    """Create the demo live blogs unless they exist; return how many entries were added."""
    if LiveBlogPage.objects.exists():
        return 0
    day = day or timezone.localdate() - timedelta(days=1)
    key = uuid.uuid4()
    added = 0
    for column, language in enumerate(LANGUAGES):
        blog = live_blog(language, key, day)
        # The rows are in the order of the day: their places in the blog follow it.
        entries = [entry(blog, day, row, column, place) for place, row in enumerate(ENTRIES, 1)]
        LiveEntry.objects.bulk_create(entries)
        EntryPlaces.objects.create(blog=blog, last=len(entries))
        added += len(entries)
    return added


def live_blog(language, key, day):
    title, summary = TITLES[language]
    index = NewsIndexPage.objects.get(locale__language_code=language)
    start = timezone.make_aware(datetime.combine(day, time(7, 55)))
    blog = LiveBlogPage(
        title=title,
        slug=slug_for(title, language),
        lede=summary,
        locale=Locale.objects.get(language_code=language),
        translation_key=key,
        section=SectionPage.objects.filter(locale__language_code=language).first(),
        publication_date=start,
        live=False,
    )
    index.add_child(instance=blog)
    blog.save_revision().publish()
    return blog


def entry(blog, day, row, column, place):
    hour, minute, key_titles, *texts = row
    return LiveEntry(
        blog=blog,
        status=EntryStatus.PUBLISHED,
        sequence=place,
        publish_at=timezone.make_aware(datetime.combine(day, time(hour, minute))),
        key_event=key_titles is not None,
        pinned=(hour, minute) == (12, 30),
        headline=key_titles[column] if key_titles else "",
        text=f"<p>{texts[column]}</p>",
    )
