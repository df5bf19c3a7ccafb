"""Template tags for the masthead, the language switcher and article lists."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from newsroom import edition
from newsroom.models import HomePage, SectionPage
from newsroom.slots import render_slot

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context, page=None):
    """One entry per language: where the switcher leads and whether that is a translation.

    An article's switcher leads to the same article in another language when it is
    published there, otherwise to that language's main page.
    """
    request = context.get("request")
    current = translation.get_language()
    key = getattr(page, "translation_key", None) if page is not None else None
    links = edition.remember(
        f"versions:{_site_id(request)}:{key}", lambda: _language_links(request, key)
    )
    return [
        {**link, "is_current": link["code"] == current} for link in links
    ]  # fmt: skip


def _site_id(request):
    site = edition.site_for(request) if request is not None else None
    return site.pk if site is not None else 0


def _language_links(request, translation_key):
    homes = {
        home.locale.language_code: home for home in HomePage.objects.live().select_related("locale")
    }
    translations = {}
    if translation_key:
        for other in (
            Page.objects.live()
            .public()
            .filter(translation_key=translation_key)
            .select_related("locale")
        ):
            translations[other.locale.language_code] = other
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": target.get_url(request),
                "is_translation": code in translations,
            }
        )
    return links


@register.inclusion_tag("newsroom/components/navigation.html", takes_context=True)
def site_navigation(context):
    """Main page and sections of the language being read."""
    request = context.get("request")
    language = translation.get_language()
    menu = edition.remember(
        f"navigation:{_site_id(request)}:{language}", lambda: _navigation(request, language)
    )
    return {"request": request, **menu}


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
    """Render what other apps registered for a named place in the page (newsroom.slots)."""
    return render_slot(name, context.flatten())
