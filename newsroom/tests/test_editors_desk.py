"""The article form and the dashboard shaped for a newsroom's editors."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from newsroom.models import ArticlePage, NewsIndexPage, SectionPage
from testing.factories import make_article

pytestmark = pytest.mark.django_db


def editor(language="be", group="Editors", username="editor"):
    user = User.objects.create_user(username, password="pass-for-tests-only")
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def add_url(language):
    news = NewsIndexPage.objects.get(locale__language_code=language)
    return reverse("wagtailadmin_pages:add", args=["newsroom", "articlepage", news.pk])


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_new_article_opens_the_form_in_the_editors_edition(client, homes, language):
    client.force_login(editor(language))
    response = client.get(reverse("newsroom_new_article"))
    assert response.status_code == 302
    assert response["Location"] == add_url(language)


def test_dashboard_and_menu_offer_a_new_article(client, homes):
    client.force_login(editor("ru"))
    page = soup(client.get("/admin/"))
    target = reverse("newsroom_new_article")
    button = page.select_one(f"main a[href='{target}']")
    assert button.get_text(strip=True) == "Новая статья"
    # The sidebar menu is data for its script: the item is there with its address.
    menu = page.find(id="wagtail-sidebar-props").string
    assert target in menu and "Новая статья" in menu.encode().decode("unicode_escape")


def test_moderators_are_not_offered_a_new_article(client, homes):
    client.force_login(editor("be", group="Moderators", username="moderator"))
    assert reverse("newsroom_new_article") not in client.get("/admin/").content.decode()
    assert client.get(reverse("newsroom_new_article")).status_code in (302, 403)


def test_section_is_a_list_of_the_editions_sections(client, homes):
    client.force_login(editor("ru"))
    page = soup(client.get(add_url("ru")))
    section = page.find("select", attrs={"name": "section"})
    offered = {int(option["value"]) for option in section.find_all("option") if option["value"]}
    russian = set(
        SectionPage.objects.filter(locale__language_code="ru").values_list("pk", flat=True)
    )
    assert offered == russian


def test_form_names_fields_as_the_newsroom_does(client, homes):
    client.force_login(editor("be"))
    page = soup(client.get(add_url("be")))
    headline = page.find("textarea", attrs={"name": "title"})
    assert headline is not None
    labels = [label.get_text(" ", strip=True) for label in page.find_all("label")]
    labels += [heading.get_text(" ", strip=True) for heading in page.select("h2, legend")]
    for name in ["Загаловак", "Лід", "Рубрыка", "Галоўны здымак"]:
        assert any(name in label for label in labels), name


def test_form_hides_menu_options_and_keeps_slug_seo_and_schedule(client, homes):
    client.force_login(editor("be"))
    page = soup(client.get(add_url("be")))
    assert page.find(attrs={"name": "show_in_menus"}) is None
    for name in ["slug", "seo_title", "search_description", "go_live_at", "expire_at"]:
        assert page.find(attrs={"name": name}) is not None, name


def test_a_headline_typed_over_two_lines_is_saved_on_one(client, homes):
    client.force_login(editor("be"))
    data = nested_form_data(
        {
            "title": "Доўгі загаловак,\r\nякі не змясціўся ў адзін радок",
            "slug": "",
            "lede": "Лід.",
            "body": streamfield([("paragraph", rich_text("<p>Тэкст.</p>"))]),
            "bylines": inline_formset([]),
            "section": SectionPage.objects.get(slug="society", locale__language_code="be").pk,
            "tags": "",
        }
    )
    client.post(add_url("be"), data)
    article = ArticlePage.objects.get(slug__startswith="dowhi")
    assert article.title == "Доўгі загаловак, які не змясціўся ў адзін радок"


def test_a_translation_keeps_its_section_choosable(client, homes):
    article = make_article(title="Арыгінал", section_slug="culture")
    client.force_login(editor("ru"))
    page = soup(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    chosen = page.find("select", attrs={"name": "section"}).find("option", selected=True)
    assert chosen["value"] == str(article.section_id)
