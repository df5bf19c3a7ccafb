"""Template tags for the masthead, the language switcher, article lists and fragments."""

import uuid
from datetime import timedelta

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import dateformat, timezone, translation
from django.utils.html import format_html, json_script
from wagtail.models import Page

from newsroom import lookups
from newsroom.models import HomePage, SectionPage, own_url
from newsroom.template_slots import kept_html, render_slot, site_id
from samizdat import caching, prepared

register = template.Library()


def language_versions(context, page=None):
    """One entry per language: where the switcher leads and whether that is a translation.

    An article's switcher leads to the same article in another language when it is
    published there, otherwise to that language's main page.
    """
    request = context.get("request")
    current = translation.get_language()
    key = getattr(page, "translation_key", None) if page is not None else None
    layer, _fragments, family = translations_kept(page)
    links = caching.remember(
        layer,
        f"versions:{site_id(request)}:{key}:{family}",
        lambda: _language_links(request, key),
    )
    return [
        {**link, "is_current": link["code"] == current} for link in links
    ]  # fmt: skip


def translations_kept(page):
    """(lookups' layer, fragments' layer, version) under which what a page shows of its
    translations is kept.

    An article's render has read how many of its translations are live
    (ArticlePage.read_fresh): with that number in the key, the links are kept through other
    articles' publications, and a translation published later changes the key. Any other
    page's are kept until the next publication.
    """
    count = getattr(page, "live_translations", None)
    if count is None:
        return caching.SITE_LOOKUPS, caching.FRAGMENTS, ""
    return caching.ARTICLE_PARTS, caching.ARTICLE_PARTS, count


# An article's first render after Redis was emptied (or the first in the hour) looks its
# translations up: compiled once (samizdat.prepared).
LIVE_TRANSLATIONS = prepared.Prepared(
    lambda key: (
        Page.objects.filter(live=True, translation_key=key)
        .select_related("locale")
        .order_by("path")
    ),
    uuid.uuid4(),
)


def _language_links(request, translation_key):
    # Shared by every page of the site, so looked up once per generation, not per article.
    homes = caching.remember(
        caching.SITE_LOOKUPS, f"home-urls:{site_id(request)}", lambda: _home_urls(request)
    )
    translations = {}
    if translation_key:
        for other in LIVE_TRANSLATIONS(translation_key):
            if not lookups.is_restricted(other.path):  # as Wagtail's public() would
                translations[other.locale.language_code] = other
    links = []
    for code, name in settings.LANGUAGES:
        if code not in translations and code not in homes:
            continue
        if code in translations:
            url = own_url(translations[code], translations[code].get_url(request))
        else:
            url = homes[code]
        links.append(
            {"code": code, "name": name, "url": url, "is_translation": code in translations}
        )
    return links


def _home_urls(request):
    homes = HomePage.objects.live().select_related("locale")
    return {home.locale.language_code: home.get_url(request) for home in homes}


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """Main page and sections of the language being read, kept until the next publication.

    The same HTML on every page of a language, except where the page read is one of the
    menu's own (marked as the current one).
    """
    request = context.get("request")
    language = translation.get_language()
    site = site_id(request)
    menu = caching.remember(
        caching.SITE_LOOKUPS,
        f"navigation:{site}:{language}",
        lambda: _navigation(request, language),
    )
    urls = {menu["home"]["url"] if menu["home"] else None, *(s["url"] for s in menu["sections"])}
    current = getattr(request, "path", None)
    return kept_html(
        context,
        "navigation",
        [site, current if current in urls else ""],
        lambda: render_to_string(
            "newsroom/components/navigation.html",
            {"request": request, "site_name": context.get("site_name"), **menu},
        ),
    )


@register.simple_tag(takes_context=True)
def hreflang_links(context, page=None):
    """<link rel="alternate" hreflang> to each translation: absolute, on the host read."""
    request = context.get("request")
    host = request.get_host() if request is not None else ""
    _lookups, layer, family = translations_kept(page)
    return kept_html(
        context,
        "hreflang",
        [site_id(request), getattr(page, "translation_key", None), family, host],
        lambda: render_to_string(
            "newsroom/components/hreflang.html",
            {"versions": language_versions(context, page), "request": request},
        ),
        layer=layer,
    )


@register.simple_tag(takes_context=True)
def language_switcher(context, page=None):
    """The masthead's be / ru / en, each leading to this page's translation if published."""
    request = context.get("request")
    _lookups, layer, family = translations_kept(page)
    return kept_html(
        context,
        "language-switcher",
        [site_id(request), getattr(page, "translation_key", None), family],
        lambda: render_to_string(
            "newsroom/components/language_switcher.html",
            {"versions": language_versions(context, page)},
        ),
        layer=layer,
    )


def _navigation(request, language):
    home = HomePage.objects.live().filter(locale__language_code=language).first()
    if home is None:
        return {"home": None, "sections": []}
    sections = SectionPage.objects.live().child_of(home).in_menu().order_by("path")
    return {
        "home": {"url": home.get_url(request)},
        "sections": [{"title": s.title, "url": s.get_url(request)} for s in sections],
    }


@register.simple_tag(takes_context=True)
def slot(context, name):
    """Render what other apps registered for a named place in the page (newsroom.template_slots)."""
    return render_slot(name, context.flatten())


@register.simple_tag
def article_renditions(article):
    """Load the renditions an article's photos need, where the template is about to show them."""
    article.prefetch_renditions()
    return ""


@register.tag
def kept_fragment(parser, token):
    """Render once per cache generation what stays the same until the next publication.

        {% kept_fragment "article-body" page.pk page.live_revision_id %}
            ...
        {% endkept_fragment %}

    The HTML is stored under the name, the values after it, the site and the language, in
    the current generation (samizdat.caching): publishing, unpublishing, moving or
    deleting any page, or saving an author, photo, site or locale, starts a new one, so a
    fragment never outlives a change it shows. Put nothing inside that changes between
    publications (comment counts, comments, corrections). Previews render afresh.
    """
    return parse_kept(parser, token, KeptFragmentNode, needs=["a name"])


def parse_kept(parser, token, node_class, needs):
    """{% tag "name" value ... %} ... {% endtag %} as node_class(nodelist, name, values);
    needs: what must follow the tag's name, in words for the error."""
    bits = token.split_contents()
    if len(bits) < 1 + len(needs):
        raise template.TemplateSyntaxError(f"{bits[0]} needs {' and '.join(needs)}")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return node_class(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )


class KeptFragmentNode(template.Node):
    layer = caching.FRAGMENTS

    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def values(self, context):
        return [value.resolve(context) for value in self.vary_on]

    def render(self, context):
        values = [*self.values(context), site_id(context.get("request"))]
        return kept_html(
            context,
            self.name.resolve(context),
            values,
            lambda: self.nodelist.render(context),
            layer=self.layer,
        )


@register.tag
def article_part(parser, token):
    """Render once per live revision a part of an article that only its own publication
    changes, kept through other articles' publications (caching.ARTICLE_PARTS):

        {% article_part "body" page %} ... {% endarticle_part %}

    Keyed by the article's id and live revision, the values after it, the site and the
    language. A new foundation (a saved author or photo, a renamed section, an unpublished
    page...) drops it with everything else.
    """
    return parse_kept(parser, token, ArticlePartNode, needs=["a name", "the article"])


class ArticlePartNode(KeptFragmentNode):
    layer = caching.ARTICLE_PARTS

    def values(self, context):
        article, *more = super().values(context)
        return [article.pk, article.live_revision_id, *more]


def page_language(context):
    """The language of the page being rendered, which may differ from the admin's (previews)."""
    page = context.get("page")
    locale = getattr(page, "locale", None)
    return locale.language_code if locale is not None else translation.get_language()


@register.simple_tag(takes_context=True)
def photo_texts(context, image, caption="", credit=""):
    """Caption, credit and alt text of a photo in the page's language.

    A caption or credit typed on the page itself wins; the alt text always comes from the
    image, where it is written once per language.
    """
    language = page_language(context)
    return {
        "caption": caption or image.caption_in(language),
        "credit": credit or image.credit,
        "alt": image.alt_in(language),
    }


@register.filter
def day_label(moment):
    """The day a list groups headlines under: "Today", "Yesterday" or 27.06.2026."""
    day = timezone.localdate(moment)
    today = timezone.localdate()
    if day == today:
        return translation.gettext("Today")
    if day == today - timedelta(days=1):
        return translation.gettext("Yesterday")
    return dateformat.format(day, NEWSROOM_DATE)


# The newsroom's style in every edition, English included: 27.06.2026 and 14:05.
NEWSROOM_DATE = "d.m.Y"
NEWSROOM_TIME = "H:i"
NEWSROOM_DATE_TIME = "d.m.Y, H:i"
DATELINE_SHOWS = {
    "date_time": lambda moment: dateformat.format(moment, NEWSROOM_DATE_TIME),
    "date": lambda moment: dateformat.format(moment, NEWSROOM_DATE),
    "time": lambda moment: dateformat.format(moment, NEWSROOM_TIME),
    "day_time": lambda moment: f"{day_label(moment)}, {dateformat.format(moment, NEWSROOM_TIME)}",
}


@register.simple_tag
def dateline(moment, shows="date_time"):
    """A moment as readers see it: <time> with 27.06.2026, 14:05 or a part of it.

    Where only the date, the time or "Today" shows, the full date and time are on hover
    (the title), so a reader can always tell when.
    """
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    machine = dateformat.format(local, "c")
    if shows == "date_time":
        return format_html('<time datetime="{}">{}</time>', machine, DATELINE_SHOWS[shows](local))
    full = dateformat.format(local, NEWSROOM_DATE + " " + NEWSROOM_TIME)
    text = DATELINE_SHOWS[shows](local)
    return format_html('<time datetime="{}" title="{}">{}</time>', machine, full, text)


# One number per CLDR plural category: readership.js picks the label for a refreshed count
# with Intl.PluralRules, so "5 каментараў" stays right after the number changes in the page.
PLURAL_SAMPLES = {"one": 1, "few": 2, "many": 5, "other": 5}


@register.simple_tag(takes_context=True)
def comment_count_labels(context):
    """The comment-count label for each plural category, "{n}" standing for the number."""

    def build():
        labels = {}
        for category, sample in PLURAL_SAMPLES.items():
            text = translation.ngettext("%(count)s comment", "%(count)s comments", sample)
            labels[category] = text % {"count": "{n}"}
        return json_script(labels, "comment-labels")

    return kept_html(context, "comment-labels", [], build)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """A path as an absolute URL on the host the page was read on (hreflang must be absolute).

    The page cache keeps one copy per host, so a mirror's copy names the mirror.
    """
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path
