"""Each group does only what it must, checked through the admin's own pages and actions.

newsroom/tests/test_admin.py covers rights as Wagtail reports them and a translator creating
a page; these post to the edit screen (and its publish action), unpublish, delete, users and
groups. Refusals are paired with an editor doing the same, so the form data is known to work.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from newsroom.models import ArticlePage
from testing.factories import article_form, make_article, member_of


@pytest.fixture
def article(db):
    return make_article(title="Артыкул")


def edit(client, article, title, publish=False):
    data = article_form(title, slug=article.slug)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)


def live_title(article):
    return ArticlePage.objects.get(pk=article.pk).title


def signed_in_as(client, group):
    client.force_login(member_of(group, f"member-of-{group.lower()}"))
    return client


def test_an_editor_publishes_an_edit(client, article):
    response = edit(signed_in_as(client, "Editors"), article, "Выпраўлены загаловак", publish=True)
    assert response.status_code == 302
    assert live_title(article) == "Выпраўлены загаловак"


def test_a_translator_saves_edits_as_a_draft_but_cannot_publish_them(client, article):
    translator = signed_in_as(client, "Translators")
    edit(translator, article, "Чарнавік перакладчыка", publish=True)
    assert live_title(article) == "Артыкул"
    latest = ArticlePage.objects.get(pk=article.pk).latest_revision
    assert latest.as_object().title == "Чарнавік перакладчыка"
    assert "Чарнавік перакладчыка" not in client.get(article.url).content.decode()


def test_a_translator_cannot_unpublish_or_delete(client, article):
    translator = signed_in_as(client, "Translators")
    translator.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    translator.post(reverse("wagtailadmin_pages:delete", args=[article.pk]))
    article.refresh_from_db()
    assert article.live


def test_an_editor_unpublishes(client, article):
    signed_in_as(client, "Editors").post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    article.refresh_from_db()
    assert not article.live


def test_a_moderator_cannot_save_or_publish_an_edit(client, article):
    revisions = article.revisions.count()
    moderator = signed_in_as(client, "Moderators")
    assert edit(moderator, article, "Загаловак мадэратара").status_code in (302, 403)
    assert edit(moderator, article, "Загаловак мадэратара", publish=True).status_code in (302, 403)
    assert live_title(article) == "Артыкул"
    assert article.revisions.count() == revisions


def test_a_moderator_cannot_publish_a_draft(client, db):
    draft = make_article(title="Чарнавік", publish=False)
    edit(signed_in_as(client, "Moderators"), draft, "Чарнавік", publish=True)
    draft.refresh_from_db()
    assert not draft.live


def test_a_moderator_cannot_add_pages(client, article):
    url = reverse(
        "wagtailadmin_pages:add", args=["newsroom", "articlepage", article.get_parent().pk]
    )
    signed_in_as(client, "Moderators").post(url, article_form("Новы артыкул"))
    assert not ArticlePage.objects.filter(title="Новы артыкул").exists()


@pytest.mark.parametrize("group", ["Moderators", "Translators"])
def test_moderators_and_translators_cannot_upload_images(client, group, db):
    response = signed_in_as(client, group).get(reverse("wagtailimages:add"))
    assert response.status_code != 200


NEW_SUPERUSER = {
    "username": "intruder",
    "email": "intruder@example.org",
    "first_name": "In",
    "last_name": "Truder",
    "password1": "a long enough password",
    "password2": "a long enough password",
    "is_active": "on",
    "is_superuser": "on",
}


def test_a_superuser_manages_accounts(client, chief):
    client.force_login(chief)
    assert client.post(reverse("wagtailusers_users:add"), NEW_SUPERUSER).status_code == 302
    assert User.objects.get(username="intruder").is_superuser


@pytest.mark.parametrize("group", ["Editors", "Translators", "Moderators"])
def test_no_group_manages_accounts(client, group, db):
    member = signed_in_as(client, group)
    assert member.get(reverse("wagtailusers_users:index")).status_code != 200
    member.post(reverse("wagtailusers_users:add"), NEW_SUPERUSER)
    assert not User.objects.filter(username="intruder").exists()


@pytest.mark.parametrize("group", ["Editors", "Translators", "Moderators"])
def test_no_group_reaches_the_groups_and_their_rights(client, group, chief):
    moderators = Group.objects.get(name="Moderators")
    screens = [
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:edit", args=[moderators.pk]),
    ]
    client.force_login(chief)
    assert [client.get(url).status_code for url in screens] == [200, 200]
    member = signed_in_as(client, group)
    assert [member.get(url).status_code for url in screens] == [302, 302]
