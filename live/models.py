"""Live blogs: a story page whose entries are rows of their own, posted one at a time.

Each entry is its own row, so several editors post at once without overwriting each other,
and a new entry is one INSERT rather than a new revision of a whole page.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from newsroom.images import NewsroomImage
from newsroom.models import ArticlePage

ENTRIES_PER_PAGE = 20
# The largest id an entry can have (bigint): a larger ?after= or ?before= is bad input.
MAX_ENTRY_ID = 2**63 - 1


class LiveBlogPage(ArticlePage):
    """A live blog: the lede is its summary; it is open until coverage_end is set."""

    coverage_end = models.DateTimeField(
        _("closed at"),
        null=True,
        blank=True,
        help_text=_("Set when the coverage ends: the live blog becomes a normal story."),
    )

    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types = []
    template = "live/live_blog_page.html"
    content_panels = [*ArticlePage.content_panels, FieldPanel("coverage_end")]

    class Meta:
        verbose_name = _("live blog")
        verbose_name_plural = _("live blogs")

    @property
    def is_open(self):
        return self.coverage_end is None or self.coverage_end > timezone.now()

    @property
    def live_path(self):
        return f"/{self.language_code}/live/{self.slug}/"

    @property
    def updates_path(self):
        return f"{self.live_path}updates/"

    @classmethod
    def own_path(cls, tree_path, slug):
        # /<lang>/news/<slug>/ in the tree; links, feeds, sitemaps and purges name this.
        language = tree_path.strip("/").split("/")[0]
        return f"/{language}/live/{slug}/"

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, _tree_path = parts
        return site_id, root_url, self.live_path

    def serve(self, request, *args, **kwargs):
        # Reached through the news tree (/<lang>/news/<slug>/, as lists link it): the
        # live blog's own address is /<lang>/live/<slug>/ (live.views.live_page).
        if not getattr(request, "live_route", False):
            from django.http import HttpResponsePermanentRedirect

            return HttpResponsePermanentRedirect(self.live_path)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .reading import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request))
        return context


class EntryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


class LiveEntryQuerySet(models.QuerySet):
    def visible(self):
        """What readers see: the published entries (each has its place in the sequence)."""
        return self.filter(status=EntryStatus.PUBLISHED, sequence__isnull=False)

    def newest_first(self):
        """In the order readers saw them appear, newest first."""
        return self.order_by("-sequence")


class LiveEntry(models.Model):
    blog = models.ForeignKey(
        LiveBlogPage, verbose_name=_("live blog"), on_delete=models.CASCADE, related_name="entries"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EntryStatus.choices, default=EntryStatus.PUBLISHED
    )
    publish_at = models.DateTimeField(_("publish at"), default=timezone.now, db_index=True)
    # The entry's place in the order readers saw entries appear, given when it is published
    # (a scheduled one when its time comes) under the blog's lock: readers' ?after= and
    # ?before= cursors count in it, so an entry published late is never behind a cursor.
    sequence = models.PositiveBigIntegerField(
        _("place in the live blog"), null=True, blank=True, editable=False
    )
    key_event = models.BooleanField(_("key event"), default=False)
    pinned = models.BooleanField(_("pinned"), default=False)
    headline = models.CharField(_("key event title"), max_length=200, blank=True)
    text = RichTextField(_("text"), features=["bold", "italic", "link", "ol", "ul"])
    image = models.ForeignKey(
        NewsroomImage,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=255, blank=True)
    quote = models.TextField(_("quote"), blank=True)
    quote_source = models.CharField(_("quote source"), max_length=255, blank=True)
    link_url = models.URLField(_("link"), blank=True)
    link_title = models.CharField(_("link title"), max_length=255, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = LiveEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("live entry")
        verbose_name_plural = _("live entries")
        indexes = [models.Index(fields=["blog", "status", "publish_at"])]
        constraints = [
            models.UniqueConstraint(fields=["blog", "sequence"], name="live_entry_sequence_once")
        ]

    def __str__(self):
        return self.headline or f"#{self.pk}"

    @property
    def anchor(self):
        return f"update-{self.pk}"

    @property
    def author_name(self):
        if self.author is None:
            return ""
        return self.author.get_full_name() or self.author.get_username()


class EntryPlaces(models.Model):
    """The last place given in a live blog's sequence: places are never given twice.

    A row of its own, not a field of the page: publishing a revision of the page would
    write back the number the revision was saved with.
    """

    blog = models.OneToOneField(
        LiveBlogPage, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    last = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.blog_id}: {self.last}"


class EntryAction(models.TextChoices):
    POSTED = "posted", _("Posted")
    EDITED = "edited", _("Edited")
    PUBLISHED = "published", _("Published at its time")
    DELETED = "deleted", _("Deleted")


class LiveEntryChange(models.Model):
    """Who did what to an entry, with the text as it was after the change."""

    blog = models.ForeignKey(LiveBlogPage, on_delete=models.CASCADE, related_name="+")
    entry_id = models.BigIntegerField(_("entry"))
    action = models.CharField(_("action"), max_length=10, choices=EntryAction.choices)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=EntryStatus.choices)
    text = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)
    # An edit or deletion of an entry readers could see takes a place in the blog's
    # sequence, as a new entry does: a reader's cursor then also says which changes it
    # has been told of, and open pages learn of it through the same polled answer.
    place = models.PositiveBigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["blog", "place"])]
        verbose_name = _("live entry change")
        verbose_name_plural = _("live entry changes")

    def __str__(self):
        return f"#{self.entry_id} {self.action}"
