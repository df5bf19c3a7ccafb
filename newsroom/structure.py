"""The skeleton every newsroom site needs: three language editions, All news and sections."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage, NewsIndexPage, SectionPage

NEWS_TITLES = {"be": "Усе навіны", "ru": "Все новости", "en": "All news"}

SECTIONS = [
    ("politics", {"be": "Палітыка", "ru": "Политика", "en": "Politics"}),
    ("war", {"be": "Вайна", "ru": "Война", "en": "War"}),
    ("society", {"be": "Грамадства", "ru": "Общество", "en": "Society"}),
    ("culture", {"be": "Культура", "ru": "Культура", "en": "Culture"}),
    ("climate", {"be": "Клімат", "ru": "Климат", "en": "Climate"}),
]


def languages():
    return [code for code, _ in settings.LANGUAGES]


def publish(page):
    page.save_revision().publish()
    return page


def translate(page, language, title, slug=None):
    """The page's translation into a language: found, or copied and published."""
    locale = Locale.objects.get(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(locale, copy_parents=False, alias=False)
    copy.title = title
    copy.slug = slug or page.slug
    return publish(copy)


def ensure_home(site_name):
    """The default-language main page, made the root of the default site."""
    default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=default).first()
    if home is None:
        root = Page.get_first_root_node()
        home = publish(root.add_child(instance=HomePage(title=site_name, slug="home-be")))
    make_site_root(home, site_name)
    return home


def make_site_root(home, site_name):
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.pk and site.root_page_id == home.pk:
        return
    old_root = site.root_page if site.pk else None
    site.root_page = home
    site.hostname = site.hostname or "localhost"
    site.site_name = site_name
    site.save()
    # Wagtail's placeholder welcome page has no place in a newsroom.
    if old_root is not None and old_root.specific_class is Page:
        old_root.delete()


@transaction.atomic
def ensure_site_structure(site_name=None):
    """Create what is missing; never touch what editors already made. Returns the homes."""
    site_name = site_name or settings.WAGTAIL_SITE_NAME
    for language in languages():
        Locale.objects.get_or_create(language_code=language)
    home = ensure_home(site_name)
    news = NewsIndexPage.objects.child_of(home).first() or publish(
        home.add_child(instance=NewsIndexPage(title=NEWS_TITLES["be"], slug="news"))
    )
    sections = {}
    for slug, titles in SECTIONS:
        sections[slug] = SectionPage.objects.child_of(home).filter(slug=slug).first() or publish(
            home.add_child(instance=SectionPage(title=titles["be"], slug=slug, show_in_menus=True))
        )
    homes = {settings.LANGUAGE_CODE: home}
    for language in languages():
        if language == settings.LANGUAGE_CODE:
            continue
        homes[language] = translate(home, language, site_name, slug=f"home-{language}")
        translate(news, language, NEWS_TITLES[language])
        for slug, titles in SECTIONS:
            translate(sections[slug], language, titles[language])
    return homes
