"""The newsroom's pages: home per language, All news, sections and articles."""

import functools
import uuid
from datetime import UTC, timedelta
from typing import NamedTuple
from urllib.parse import urlsplit, urlunsplit

from django import forms
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection, connections, models
from django.db.models.functions import Mod, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from samizdat import caching, prepared

from . import lookups
from .blocks import ArticleBodyBlock, body_images, body_text
from .forms import ArticleAdminForm
from .images import NewsroomImage, NewsroomRendition, prefetch_renditions
from .language_check import LanguageCheckPanel
from .search import SEARCH_CONFIG, fold
from .slugs import is_ascii_slug, slug_for

__all__ = ["NewsroomImage", "NewsroomRendition"]

# Saving any of these changes what search finds in an article.
SEARCHED_FIELDS = {"title", "lede", "body"}

# An edit published this long after the article is shown to readers as an update.
UPDATE_GRACE = timedelta(minutes=5)
# Headlines in an article's "Latest news".
LATEST_SHOWN = 8


class ArticleQuerySet(PageQuerySet):
    """Articles as readers see them: live, newest first, ready to render in a list."""

    def published(self):
        # Wagtail's public() reads every view restriction per call; samizdat.caching
        # keeps their paths between publications.
        live = self.live()
        return live.exclude(lookups.private_q()) if lookups.restricted_paths() else live

    def newest_first(self):
        # sort_date is publication_date or first_published_at, kept on save, so the order
        # comes from an index rather than from sorting every article per request.
        return self.order_by("-sort_date", "-pk")

    def for_listing(self):
        """Only what a headline list shows: the section and lead photo in the same query."""
        return self.select_related("section", "lead_image").defer_streamfields()


class ReaderPage(Page):
    """What every reader page shares: view restrictions checked without a query per request."""

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # Most sites restrict nothing; Wagtail's check costs two queries per page served.
        if not lookups.restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


# From this page on a list seeks (RememberedCountPaginator.page); earlier pages are cheap.
SEEK_FROM_PAGE = 10


class RememberedCountPaginator(Paginator):
    """A paginator whose total is counted once per cache generation, not per request.

    Its lists must be ordered newest first (ArticleQuerySet.newest_first): deep pages
    seek by that order.

    The total changes only when articles are published, unpublished, moved or deleted,
    each of which starts a new generation (newsroom.signals); counting every row of a
    large archive for every page of the list cost more than the page itself.
    """

    def __init__(self, object_list, per_page, count_key):
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self):
        return caching.remember(
            caching.LIST_COUNTS, self.count_key, lambda: Paginator.count.func(self)
        )

    def page(self, number):
        """Deep pages seek from their first article's key through the index, not OFFSET.

        OFFSET reads and drops every article before the page: page 1,000 of All news read
        30,000 rows. The key (sort_date, pk) of each page's first article is remembered
        for the generation, so a deep page costs what the first one does.
        """
        number = self.validate_number(number)
        first = self.first_of_page(number) if number >= SEEK_FROM_PAGE else None
        if first is None:
            return super().page(number)
        sort_date, pk = first
        # The first condition alone lets the database start from the key in the index.
        after = models.Q(sort_date__lte=sort_date) & (
            models.Q(sort_date__lt=sort_date) | models.Q(pk__lte=pk)
        )
        return self._get_page(self.object_list.filter(after)[: self.per_page], number, self)

    def first_of_page(self, number):
        anchors = caching.remember(
            caching.LIST_COUNTS, f"{self.count_key}:anchors", self.page_anchors
        )
        return anchors[number - 1] if number <= len(anchors) else None

    def page_anchors(self):
        """(sort_date, pk) of the first article of every page, in one query per generation.

        The database numbers the rows and returns every page's first: loading every key of
        a 100,000-article list to keep one in thirty cost a worker 14 MB at once.
        """
        articles = self.object_list
        if articles.filter(sort_date__isnull=True).exists():
            return []  # databases place empty dates differently: keep to OFFSET
        place = models.Window(RowNumber(), order_by=list(articles.query.order_by))
        firsts = (
            articles.annotate(place=place)
            .annotate(within_page=Mod(models.F("place") - 1, self.per_page))
            .filter(within_page=0)
        )
        return list(firsts.values_list("sort_date", "pk"))


def listing_key(page):
    """What a page of a listing shows that changes between publications: its articles and
    their comment counts. The listing's HTML is kept under it (an edition fragment), so a
    render whose list is stored reads two numbers per article and builds no article."""
    rows = page.object_list.values_list("pk", "comment_count")
    if not rows:
        return ""
    # And the day: lists group headlines under "Today" and "Yesterday".
    return f"{timezone.localdate()} " + " ".join(f"{pk}:{count}" for pk, count in rows)


def listing_page(queryset, page_number, count_key=None):
    """A page of a listing; bad page numbers fall back to the first or the last page."""
    if count_key is None:
        return Paginator(queryset, settings.NEWS_PAGE_SIZE).get_page(page_number)
    paginator = RememberedCountPaginator(queryset, settings.NEWS_PAGE_SIZE, count_key)
    return paginator.get_page(page_number)


class HomePage(ReaderPage):
    """The main page of one language edition."""

    max_count_per_parent = 1
    subpage_types = ["newsroom.NewsIndexPage", "newsroom.SectionPage"]
    template = "newsroom/home_page.html"

    class Meta:
        verbose_name = _("main page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        front = FrontPage(self.locale)
        context["front"] = front
        context["front_key"] = front.key()
        context["news_index"] = caching.remember(
            caching.SITE_LOOKUPS,
            f"news-index:{self.pk}",
            lambda: NewsIndexPage.objects.live().child_of(self).first(),
        )
        return context


class FrontPage:
    """What the main page lists: the lead story, the latest news and each section's newest.

    Which articles stand where changes only with a publication, so their ids are remembered
    for the generation; between publications only the comment counts change. The lists'
    HTML is kept under the ids and counts (edition fragments), so a render whose lists are
    stored reads the counts and builds no article; the articles are loaded only when a
    fragment is rendered.
    """

    SHOWN = 15  # the lead story, the next two (with photos) in the lead column, the rest listed

    def __init__(self, locale):
        self.locale = locale
        self.layout = caching.remember(
            caching.SITE_LOOKUPS, f"front-layout:{locale.pk}", self.build_layout
        )

    def build_layout(self):
        newest = list(
            ArticlePage.objects.filter(locale=self.locale)
            .published()
            .newest_first()
            .values_list("pk", flat=True)[: self.SHOWN]
        )
        return {
            "newest": newest,
            "sections": [
                (section, [article.pk for article in articles])
                for section, articles in section_blocks(self.locale)
            ],
        }

    def ids(self):
        return self.layout["newest"] + [pk for _, ids in self.layout["sections"] for pk in ids]

    def key(self):
        counts = dict(
            ArticlePage.objects.filter(pk__in=self.ids()).values_list("pk", "comment_count")
        )
        listed = " ".join(f"{pk}:{counts.get(pk)}" for pk in self.ids())
        return f"{timezone.localdate()} {listed}"  # "Today" and "Yesterday" change at midnight

    @cached_property
    def articles(self):
        listed = list(ArticlePage.objects.filter(pk__in=self.ids()).for_listing())
        prefetch_renditions([article.lead_image for article in listed])
        return {article.pk: article for article in listed}

    def _pick(self, ids):
        return [self.articles[pk] for pk in ids if pk in self.articles]

    @property
    def lead(self):
        lead = self._pick(self.layout["newest"][:1])
        return lead[0] if lead else None

    @property
    def top(self):
        return self._pick(self.layout["newest"][1:3])

    @property
    def latest(self):
        return self._pick(self.layout["newest"][3:])

    @property
    def section_blocks(self):
        blocks = [(section, self._pick(ids)) for section, ids in self.layout["sections"]]
        return [(section, articles) for section, articles in blocks if articles]


def section_blocks(locale, per_section=4):
    """Each section of a language edition with its newest articles, in one query."""
    sections = caching.remember(
        caching.SITE_LOOKUPS,
        f"sections:{locale.pk}",
        lambda: list(SectionPage.objects.live().filter(locale=locale).order_by("path")),
    )
    if not sections:
        return []
    # One query per section would grow with the sections; a window would tie us to a
    # database feature, so take a bounded slice of recent articles and group it here.
    recent = (
        ArticlePage.objects.published()
        .filter(section__in=sections)
        .newest_first()
        .for_listing()[: per_section * len(sections) * 4]
    )
    grouped = {section.pk: [] for section in sections}
    for article in recent:
        bucket = grouped[article.section_id]
        if len(bucket) < per_section:
            bucket.append(article)
    return [(section, grouped[section.pk]) for section in sections if grouped[section.pk]]


class NewsIndexPage(ReaderPage):
    """All news, newest first (/<lang>/news/)."""

    max_count_per_parent = 1
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.ArticlePage"]
    template = "newsroom/news_index_page.html"

    class Meta:
        verbose_name = _("all news")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).published().newest_first().for_listing()
        context["articles"] = listing_page(
            articles, request.GET.get("page"), count_key=f"listed:{self.pk}"
        )
        context["list_key"] = listing_key(context["articles"])
        return context


class SectionPage(ReaderPage):
    """A section such as politics or culture; lists the articles filed under it."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["newsroom.HomePage"]
    subpage_types = []
    template = "newsroom/section_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.published().filter(section=self).newest_first().for_listing()
        context["articles"] = listing_page(
            articles, request.GET.get("page"), count_key=f"listed:{self.pk}"
        )
        context["list_key"] = listing_key(context["articles"])
        return context


@register_snippet
class Author(TranslatableMixin, index.Indexed, models.Model):
    """Someone whose name stands in bylines; translated so names read right in each language.

    A pseudonym stands for staff who cannot be named: its page shows the name and the
    articles and nothing that could lead to the person (no photo, no bio).
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        blank=True,
        default="",
        db_default="",  # rows written by plain SQL (bench corpus) get one on save
        help_text=_("The address of the author's page; made from the name when left empty."),
    )
    is_pseudonym = models.BooleanField(
        _("pseudonym"),
        default=False,
        db_default=False,
        help_text=_(
            "For staff who cannot be named: the author's page shows the name and the "
            "articles, nothing more."
        ),
    )
    photo = models.ForeignKey(
        NewsroomImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(_("short bio"), blank=True, max_length=600)

    panels = [
        FieldPanel("name"),
        FieldPanel("is_pseudonym"),
        FieldPanel("photo", heading=_("Photo")),
        FieldPanel("bio"),
        FieldPanel("slug"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"],
                condition=~models.Q(slug=""),
                name="author_slug_per_language",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug and self.name:
            self.slug = self.free_slug(slug_for(self.name, self.language_code))
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.is_pseudonym and (self.photo_id or self.bio.strip()):
            raise ValidationError(
                _("A pseudonym has no photo and no bio: they could lead to the person.")
            )

    @property
    def language_code(self):
        return self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE

    def free_slug(self, wanted):
        """The wanted slug, or it with a number, so no two authors of a language share one."""
        taken = set(
            Author.objects.filter(locale_id=self.locale_id, slug__startswith=wanted)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, number = wanted, 1
        while slug in taken:
            number += 1
            slug = f"{wanted}-{number}"
        return slug

    @property
    def url(self):
        """The author's page in the active language (root-relative); None without a slug."""
        return reverse("author", args=[self.slug]) if self.slug else None

    @property
    def shows_profile(self):
        return not self.is_pseudonym


class BylineRole(models.TextChoices):
    """What a person did for an article, in the order bylines name them."""

    TEXT = "text", _("Written by")
    REPORTING = "reporting", _("Reported by")
    TRANSLATION = "translation", _("Translated by")
    PHOTOS = "photos", _("Photos by")


# Roles whose people are the article's authors (feeds, JSON-LD `author`).
WRITING_ROLES = (BylineRole.TEXT, BylineRole.REPORTING)


class ArticleByline(Orderable):
    page = ParentalKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(
        _("role"),
        max_length=16,
        choices=BylineRole.choices,
        default=BylineRole.TEXT,
        db_default=BylineRole.TEXT,
    )

    panels = [FieldPanel("author", heading=_("Author")), FieldPanel("role")]


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def own_url(page, url):
    """A page's url (from any Page instance) at the address its kind gives it.

    Lists, switchers and sitemaps that load plain pages would otherwise link a live blog at
    its place in the tree, which answers with a redirect.
    """
    own_path = getattr(page.specific_class, "own_path", None)
    if not url or own_path is None:
        return url
    address = urlsplit(url)
    path = own_path(address.path, page.slug)
    return url if path is None else urlunsplit(address._replace(path=path))


class ArticlePage(ReaderPage):
    """A story: headline, lede, lead photo, body, byline, section and tags."""

    lede = models.TextField(
        _("lede"),
        max_length=1200,
        help_text=_("One or two paragraphs under the headline, plain text."),
    )
    lead_image = models.ForeignKey(
        NewsroomImage,
        verbose_name=_("lead photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_caption = models.TextField(
        _("lead photo caption"), blank=True, help_text=_("Leave empty to use the image's caption.")
    )
    lead_credit = models.CharField(
        _("lead photo credit"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the image's credit."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    section = models.ForeignKey(
        "newsroom.SectionPage",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    publication_date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Shown to readers instead of the first publication time when set."),
    )
    # publication_date or first_published_at, kept on save: lists sort by it with an index.
    sort_date = models.DateTimeField(null=True, editable=False)
    # Kept here, not counted per request, so lists of headlines need no extra query.
    # The comments app updates it in the same transaction as the comment.
    comment_count = models.PositiveIntegerField(default=0, editable=False)

    objects = PageManager.from_queryset(ArticleQuerySet)()

    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types = []
    template = "newsroom/article_page.html"
    base_form_class = ArticleAdminForm

    # Named as the newsroom names them; a long headline stays in sight as it is typed.
    content_panels = [
        LanguageCheckPanel(heading=_("Language check")),
        TitleFieldPanel(
            "title",
            heading=_("Headline"),
            placeholder=_("Headline*"),
            widget=forms.Textarea(attrs={"rows": 2}),
        ),
        FieldPanel("lede", heading=_("Lede")),
        FieldPanel("section", heading=_("Section")),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_alt"),
                FieldPanel("lead_caption"),
                FieldPanel("lead_credit"),
            ],
            heading=_("Lead photo"),
        ),
        FieldPanel("body"),
        InlinePanel("bylines", label=_("Byline"), min_num=0),
        FieldPanel("tags"),
        FieldPanel("publication_date"),
    ]
    # Articles are never in site menus: no "Show in menus"; slug and search fields stay.
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lede"),
        index.SearchField("body"),
        index.SearchField("search_text"),
        index.FilterField("locale"),
        # Search results are ordered and paged by these (newsroom.search.search_page).
        index.FilterField("sort_date"),
        index.FilterField("page_ptr"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["section", "publication_date"]),
            # Read backwards for newest first; SQLite cannot index NULLS LAST.
            models.Index(fields=["sort_date", "page_ptr"], name="article_sort_date"),
        ]

    def search_text(self):
        """Headline, lede and body folded for spelling variants (newsroom.search)."""
        return fold(f"{self.title}\n{self.lede}\n{body_text(self.body)}")

    @property
    def published_at(self):
        return self.publication_date or self.first_published_at

    @property
    def updated_at(self):
        """When an edit was published well after the article; None otherwise."""
        published, last = self.published_at, self.last_published_at
        if published and last and last - published > UPDATE_GRACE:
            return last
        return None

    @property
    def caption(self):
        if self.lead_caption:
            return self.lead_caption
        return self.lead_image.caption_in(self.language_code) if self.lead_image else ""

    @property
    def lead_alt(self):
        return self.lead_image.alt_in(self.language_code) if self.lead_image else ""

    @property
    def credit(self):
        if self.lead_credit:
            return self.lead_credit
        return self.lead_image.credit if self.lead_image else ""

    def full_clean(self, *args, **kwargs):
        # The admin may send a Cyrillic slug copied from the headline: make it readable Latin.
        if not is_ascii_slug(self.slug) and self.title:
            self.slug = slug_for(self.slug or self.title, self.language_code)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._follow_section_translation()
        self.sort_date = self.published_at
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"publication_date", "first_published_at"} & set(
            update_fields
        ):
            kwargs["update_fields"] = [*update_fields, "sort_date"]
        result = super().save(*args, **kwargs)
        # Drafts are saved with update_fields and no text: only a full save carries new words.
        if update_fields is None or SEARCHED_FIELDS & set(update_fields):
            ArticleSearchEntry.index(self)
        return result

    @property
    def language_code(self):
        return self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE

    @classmethod
    def own_path(cls, tree_path, slug):
        """The story's address when its kind has one outside the news tree, else None."""
        return None

    def get_url_parts(self, request=None):
        # Lists load every story as an ArticlePage: a kind with an address of its own (a
        # live blog) is asked for it here, so no list links to a page that redirects.
        parts = super().get_url_parts(request)
        kind = self.specific_class
        if parts is None or kind is None or kind is type(self):
            return parts
        own = kind.own_path(parts[2], self.slug)
        return parts if own is None else (parts[0], parts[1], own)

    def _follow_section_translation(self):
        """A translated copy points at the section of its own language, when there is one."""
        if self.section_id and self.locale_id and self.section.locale_id != self.locale_id:
            translated = self.section.get_translation_or_none(self.locale)
            if translated is not None:
                self.section = translated

    @cached_property
    def byline_lines(self):
        """(role, author) in byline order, authors named in the article's language."""
        attach_byline_authors([self])
        return self.byline_lines

    @property
    def byline_authors(self):
        """Those who wrote or reported the article (feeds, structured data)."""
        return [author for role, author in self.byline_lines if role in WRITING_ROLES]

    def byline_people(self, role):
        return [author for line_role, author in self.byline_lines if line_role == role]

    @property
    def byline_groups(self):
        """[(role, [authors])] in the order of BylineRole: "Reported by A, B · Photos by C"."""
        groups = [(role, self.byline_people(role)) for role in BylineRole]
        return [(role, authors) for role, authors in groups if authors]

    def author_urls(self):
        """The pages of the article's people in its language (purged when it is published)."""
        language = self.language_code
        return {
            f"/{language}/authors/{author.slug}/"
            for _role, author in self.byline_lines
            if author.slug
        }

    def draft_byline_lines(self):
        """The bylines of the editor's form, as a preview shows them (the page may be unsaved)."""
        lines = sorted(self.bylines.all(), key=lambda line: line.sort_order or 0)
        keys = {line.author.translation_key for line in lines}
        localized = {
            author.translation_key: author
            for author in Author.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
        }
        return [
            (line.role, localized.get(line.author.translation_key, line.author)) for line in lines
        ]

    def remember_bylines_and_tags(self):
        """Bylines and tags of the live article, remembered until it is published again.

        Authors' names change when an author is saved, which starts a new foundation
        (newsroom.signals). Previews show the draft, so they never use this.
        """
        revision = f"{self.pk}:{self.live_revision_id}"
        self.__dict__["byline_lines"] = caching.remember(
            caching.ARTICLE_PARTS,
            f"byline-lines:{revision}",
            lambda: ArticlePage.byline_lines.func(self),
        )
        return caching.remember(
            caching.ARTICLE_PARTS, f"tags:{revision}", lambda: TAG_NAMES_OF(self.pk)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            parent = self.get_parent()
            context["parent_url"] = parent.get_url(request) if parent else None
            context["tag_names"] = [tag.name for tag in self.tags.all()]
            self.__dict__["byline_lines"] = self.draft_byline_lines()
        else:
            context["parent_url"] = lookups.url_of_path(request, self.path[: -self.steplen])
            context["tag_names"] = self.remember_bylines_and_tags()
        shown, fresh = self.read_fresh()
        # The list's HTML is kept for as long as these articles and their counts stay, and
        # for the day: it groups headlines under "Today" and "Yesterday". Its articles are
        # only loaded when it is rendered (the template calls this): a render that finds
        # the list kept reads the ids and counts alone.
        counts = " ".join(f"{pk}:{fresh[pk].comment_count}" for pk in shown if pk in fresh)
        context["latest_key"] = f"{timezone.localdate()} {counts}"
        context["latest"] = functools.partial(self.latest_shown, shown, fresh)
        return context

    def latest_shown(self, shown, fresh):
        """The articles of Latest news with their fresh counts and times, in their order."""
        articles = [article for article in self.latest_in_edition() if article.pk in shown]
        for article in articles:
            if article.pk in fresh:
                article.comment_count = fresh[article.pk].comment_count
                article.last_published_at = fresh[article.pk].last_published_at
        return articles

    def read_fresh(self):
        """(ids of Latest news shown, {id: Fresh}) for this article and that list, read
        once per request: the route checks with it that its copy is still the live revision
        (newsroom.routing), and the render then uses the same figures."""
        if "_fresh" not in self.__dict__:
            shown = [pk for pk in self.latest_ids_in_edition() if pk != self.pk][:LATEST_SHOWN]
            self.__dict__["_fresh"] = (shown, refresh_between_publications([self], shown))
        return self.__dict__["_fresh"]

    def is_live_revision(self):
        """Whether this copy (perhaps a route's, kept through publications) is live as it is."""
        row = self.read_fresh()[1].get(self.pk)
        return row is not None and row.live and row.live_revision_id == self.live_revision_id

    def latest_ids_in_edition(self):
        """The ids of latest_in_edition(), kept apart: they are all most renders need."""
        return caching.remember(
            caching.SITE_LOOKUPS,
            f"latest-ids:{self.locale_id}",
            lambda: [article.pk for article in self.latest_in_edition()],
        )

    def prefetch_renditions(self):
        """Renditions of the lead photo and the body's photos, in one query.

        Called by the template where it renders them (newsroom_tags.article_renditions), so
        a render whose article body comes from the fragment cache reads no image at all,
        and by the social image in the head, built earlier in the same render: once per
        render, as the images are the same objects then.
        """
        if self.__dict__.get("_renditions_loaded"):
            return
        self.__dict__["_renditions_loaded"] = True
        prefetch_renditions([self.lead_image, *body_images(self.body)])

    def latest_in_edition(self):
        """The newest articles of this article's language, remembered between publications.

        One more than shown, so the list stays full when this article is among them.
        """
        return caching.remember(
            caching.SITE_LOOKUPS,
            f"latest:{self.locale_id}",
            lambda: list(
                ArticlePage.objects.filter(locale_id=self.locale_id)
                .published()
                .newest_first()
                .for_listing()[: LATEST_SHOWN + 1]
            ),
        )


class Fresh(NamedTuple):
    """What refresh_between_publications reads of one article."""

    comment_count: int
    last_published_at: object
    live: bool
    live_revision_id: int | None
    live_translations: int  # live pages of its translation_key, itself included


def refresh_between_publications(articles, more_ids=()):
    """Read afresh what changes on a live article without a publication of its own.

    Sets the counts and times on the articles; returns what it read, by id, for those and
    for more_ids: {id: Fresh}.

    The articles may come from the cache (newsroom.routing, latest_in_edition), which
    keeps them through other articles' publications; meanwhile every comment changes the
    comment count, a correction moves last_published_at (the "Updated" time), its own
    publication its live revision, and a translation's first publication the number of
    live translations (the switcher's key).

    Every uncached article render runs this, and building the same small query through
    the ORM cost three times what sending it does (0.5 ms against 0.15 on this machine),
    so the statement is written once here; fresh_counts_statement() says what it reads.
    """
    pks = [*(article.pk for article in articles), *more_ids]
    with connection.cursor() as cursor:
        cursor.execute(fresh_counts_statement(len(pks)), pks)
        fresh = {
            pk: Fresh(count, aware(last), bool(live), revision, translations)
            for pk, count, last, live, revision, translations in cursor.fetchall()
        }
    for article in articles:
        if article.pk in fresh:
            article.comment_count = fresh[article.pk].comment_count
            article.last_published_at = fresh[article.pk].last_published_at
            article.live_translations = fresh[article.pk].live_translations
    return fresh


def fresh_counts_statement(count):
    """The ORM's columns and joins for refresh_between_publications, for `count` ids.

    Only the models' own table and column names go into the text; the ids are parameters.
    The translations are counted through Wagtail's unique (translation_key, locale) index.
    """
    article, page = ArticlePage._meta, Page._meta
    quote = connection.ops.quote_name
    column = {name: quote(page.get_field(name).column) for name in (
        "last_published_at", "live", "live_revision", "translation_key")}  # fmt: skip
    return (
        f"SELECT a.{quote(article.pk.column)}, a.{quote('comment_count')},"  # noqa: S608
        f" p.{column['last_published_at']}, p.{column['live']}, p.{column['live_revision']},"
        f" (SELECT COUNT(*) FROM {quote(page.db_table)} t"
        f" WHERE t.{column['translation_key']} = p.{column['translation_key']}"
        f" AND t.{column['live']})"
        f" FROM {quote(article.db_table)} a JOIN {quote(page.db_table)} p"
        f" ON p.{quote(page.pk.column)} = a.{quote(article.pk.column)}"
        f" WHERE a.{quote(article.pk.column)} IN ({', '.join(['%s'] * count)})"
    )


def aware(moment):
    """A datetime as the ORM gives it: SQLite's cursor hands it over naive, in UTC."""
    if moment is not None and settings.USE_TZ and timezone.is_naive(moment):
        return timezone.make_aware(moment, UTC)
    return moment


# An article's first render after its parts left the cache reads its tags and bylines: the
# queries are compiled once (samizdat.prepared), the bylines' per number of articles or
# authors.
TAG_NAMES_OF = prepared.Prepared(
    lambda pk: (
        ArticleTag.objects.filter(content_object_id=pk)
        .order_by("pk")
        .values_list("tag__name", flat=True)
    ),
    0,
)
BYLINES_OF = prepared.PreparedIn(
    lambda ids: (
        ArticleByline.objects.filter(page_id__in=ids)
        .select_related("author")
        .order_by("sort_order", "pk")
    ),
    0,
)
AUTHORS_BY_KEY = prepared.PreparedIn(
    lambda keys: Author.objects.filter(translation_key__in=keys).order_by("pk"), uuid.uuid4()
)


def attach_byline_authors(articles):
    """Set `byline_lines` on many articles with two queries in all (feeds, lists)."""
    by_article = {}
    for line in BYLINES_OF(article.pk for article in articles):
        by_article.setdefault(line.page_id, []).append((line.role, line.author))
    keys = {author.translation_key for lines in by_article.values() for _role, author in lines}
    localized = {
        (author.translation_key, author.locale_id): author for author in AUTHORS_BY_KEY(keys)
    }
    for article in articles:
        article.__dict__["byline_lines"] = [
            (role, localized.get((author.translation_key, article.locale_id), author))
            for role, author in by_article.get(article.pk, [])
        ]


class ArticleSearchEntry(models.Model):
    """An article's folded words as a PostgreSQL tsvector, beside it and joined by its key.

    Reader search lists matches newest first. For a common word the database should walk
    the newest articles (article_sort_date index) and stop at a page; for a rare one, read
    the GIN index and sort the few matches. Only a good estimate of the word's frequency
    lets the planner choose, and Wagtail's index entries cannot give one: they are joined
    by a text id, and its search matches title || body, which no index covers (a common
    word took 3 to 4 s on 100,000 articles, a word found nowhere as long). Here the planner
    reads the word's frequency from this table's statistics, joined by an integer key.

    PostgreSQL only; SQLite keeps Wagtail's FTS5 index. Not a cascade, so deleting an
    article never reads a table SQLite does not have; an orphan entry joins to nothing.
    """

    article = models.OneToOneField(
        ArticlePage,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="search_entry",
    )
    vector = SearchVectorField()

    class Meta:
        required_db_vendor = "postgresql"
        indexes = [GinIndex(fields=["vector"], name="article_search_vector")]

    def __str__(self):
        return f"search entry of article {self.article_id}"

    @classmethod
    def index(cls, article):
        if connections[article._state.db or "default"].vendor != "postgresql":
            return
        vector = SearchVector(models.Value(article.search_text()), config=SEARCH_CONFIG)
        cls.objects.update_or_create(article_id=article.pk, defaults={"vector": vector})
