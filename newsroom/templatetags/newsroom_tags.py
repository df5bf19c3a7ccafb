"""Template tags for the masthead, the language switcher and article lists."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

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
    homes = {
        home.locale.language_code: home for home in HomePage.objects.live().select_related("locale")
    }
    translations = {}
    if page is not None and getattr(page, "translation_key", None):
        for other in (
            Page.objects.live()
            .public()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
        ):
            translations[other.locale.language_code] = other
    versions = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        versions.append(
            {
                "code": code,
                "name": name,
                "url": target.get_url(request),
                "is_translation": code in translations,
                "is_current": code == current,
            }
        )
    return versions


@register.inclusion_tag("newsroom/components/navigation.html", takes_context=True)
def site_navigation(context):
    """Main page and sections of the language being read."""
    request = context.get("request")
    language = translation.get_language()
    home = HomePage.objects.live().filter(locale__language_code=language).first()
    sections = []
    if home is not None:
        sections = SectionPage.objects.live().child_of(home).in_menu().order_by("path")
    return {"request": request, "home": home, "sections": sections}


@register.simple_tag(takes_context=True)
def slot(context, name):
    """Render what other apps registered for a named place in the page (newsroom.slots)."""
    return render_slot(name, context.flatten())
