"""The admin speaks the editor's language: no stray English on the pages editors use."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.users.models import UserProfile

from comments.models import Comment
from corrections.models import TypoReport
from newsroom.models import NewsIndexPage
from testing.factories import make_article, make_author, make_image

pytestmark = pytest.mark.django_db

# Wagtail's strings that its Belarusian catalogue left in English, and ours; all seen on
# the dashboard, the page explorer, the article form, the image library and our desks.
ENGLISH = [
    "Skip to main content",
    "Search all pages…",
    "Toggle sidebar",
    "Main menu",
    "Help",
    "editor guide",
    "created in",
    "Edit account avatar",
    "Show filters",
    "Date updated",
    "Edited by",
    "Page type",
    "Has child pages",
    "Select row",
    "Move selected pages",
    "Delete selected pages",
    "Publish selected pages",
    "More options for",
    "Actions",
    "Actions (footer)",
    "Exploring",
    "Toggle preview",
    "Toggle checks",
    "Toggle comments",
    "Preview in new tab",
    "Preview in mobile size",
    "Set schedule",
    "Save schedule",
    "This data explained",
    "A comma-separated list of tags.",
    "Sort by",
    "Newest",
    "Oldest",
    "Grid layout",
    "List layout",
    "Usage count",
    "Add tags to the selected images",
    "Delete selected images",
    "Image focal point",
    "Remove focal area",
    "Max dimensions",
    "Change image file:",
    "New article",
    "Headline",
    "Author",
    "Photo",
    "Choose an action",
    "Reported as",
]
# Wagtail's scripts take these from the admin's JavaScript catalogue.
ENGLISH_IN_SCRIPTS = ["Collapse all", "Insert a block", "Toggle sidebar", "Main menu"]


def admin_user(language):
    user = User.objects.create_superuser(f"editor-{language}", password="pass-for-tests-only")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def desk(homes):
    image = make_image(title="Плошча")
    article = make_article(title="Навіна", image=image, authors=[make_author()])
    Comment.objects.create(article=article, author_name="Чытач", text="Каментар", client="x")
    TypoReport.objects.create(page=article, fragment="памылка", language="be")
    news = NewsIndexPage.objects.get(locale__language_code="be")
    return [
        "/admin/",
        reverse("wagtailadmin_explore", args=[news.pk]),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:add", args=["newsroom", "articlepage", news.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("comments_admin:queue"),
        reverse("corrections:queue"),
        "/admin/snippets/newsroom/author/",
    ]


def words_shown(html):
    """Texts and labels a reader of the page meets, menus from the sidebar's data included."""
    page = BeautifulSoup(html, "html.parser")
    shown = set()
    sidebar = page.find(id="wagtail-sidebar-props")
    if sidebar is not None:
        shown |= set(strings_in(json.loads(sidebar.string)))
    for script in page.find_all(["script", "style"]):
        script.decompose()
    for hidden in page.select("[hidden]"):
        hidden.decompose()
    shown |= {text.strip() for text in page.find_all(string=True) if text.strip()}
    for element in page.find_all(True):
        for name in ("aria-label", "title", "placeholder", "alt"):
            if element.get(name):
                shown.add(element[name].strip())
    return shown


def strings_in(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)


def english_on(shown):
    found = set()
    for text in shown:
        for english in ENGLISH:
            if text == english or (len(english) > 12 and english in text):
                found.add(english)
    return found


@pytest.mark.parametrize("language", ["be", "ru"])
def test_admin_pages_show_no_english(client, desk, language):
    client.force_login(admin_user(language))
    for url in desk:
        response = client.get(url)
        assert response.status_code == 200, url
        assert english_on(words_shown(response.content.decode())) == set(), url


@pytest.mark.parametrize("language", ["be", "ru"])
def test_admin_scripts_get_their_strings_translated(client, homes, language):
    client.force_login(admin_user(language))
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    for english in ENGLISH_IN_SCRIPTS:
        assert f'"{english}": "' in catalogue, english
        assert f'"{english}": "{english}"' not in catalogue, english


@pytest.mark.parametrize(("language", "reports"), [("be", "Справаздачы"), ("ru", "Отчеты")])
def test_wagtail_reports_menu_keeps_its_own_name(client, homes, language, reports):
    # One app's word for a column once renamed Wagtail's menu: gettext has one namespace.
    client.force_login(admin_user(language))
    page = BeautifulSoup(client.get("/admin/").content, "html.parser")
    menu = set(strings_in(json.loads(page.find(id="wagtail-sidebar-props").string)))
    assert reports in menu
