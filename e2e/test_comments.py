"""A reader comments in Belarusian and reports; a moderator hides the comment in the admin."""

import pytest
from django.contrib.auth.models import Group, User

from comments.models import Comment, CommentPolicy, Status
from testing.factories import make_article

pytestmark = pytest.mark.e2e

NAME = "Чытач з Маладзечна, які не хоча называць сваё сапраўднае імя нікому"
TEXT = "Дзякуй за тэкст.\nУ нас таксама так было.\nТрымайцеся!"


@pytest.fixture
def story(site):
    policy = CommentPolicy.load()
    policy.min_seconds_to_submit = 0
    policy.save()
    return make_article(title="Што адбываецца ў Маладзечне")


@pytest.fixture
def moderator(site):
    user = User.objects.create_user("moderator", password="moderator-pass-1234")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_reader_comments_reports_and_moderator_hides(page, browser, site, story, moderator):
    page.goto(f"{site.url}{story.url}")
    page.get_by_label("Імя").fill(NAME)
    page.get_by_label("Каментар", exact=True).fill(TEXT)
    page.get_by_role("button", name="Адправіць").click()
    page.get_by_text("Дзякуй! Ваш каментар апублікаваны.").wait_for()

    comment = page.locator(".comment").first
    assert comment.locator(".comment__name").inner_text() == NAME
    assert comment.locator(".comment__text").inner_text() == TEXT
    assert page.locator("[data-comment-total]").inner_text() == "1"

    comment.get_by_role("link", name="Паскардзіцца").click()
    page.get_by_label("Абраза").check()
    page.locator(".report-inline").get_by_role("button", name="Паскардзіцца").click()
    page.get_by_text("Дзякуй. Мадэратары паглядзяць на гэты каментар.").wait_for()
    stored = Comment.objects.get()
    assert stored.reports.count() == 1

    admin = browser.new_context(locale="be-BY").new_page()
    admin.goto(f"{site.url}/admin/login/")
    admin.locator("#id_username").fill("moderator")
    admin.locator("#id_password").fill("moderator-pass-1234")
    admin.locator("form [type=submit]").first.click()
    admin.wait_for_url(f"{site.url}/admin/")
    admin.goto(f"{site.url}/admin/comments/?queue=reported")
    admin.get_by_role("row").filter(has_text="Дзякуй за тэкст").get_by_role("checkbox").check()
    admin.locator("select[name=action]").select_option("hide")
    admin.get_by_role("button", name="Ужыць да выбраных").click()
    admin.wait_for_load_state()
    admin.context.close()

    stored.refresh_from_db()
    assert stored.status == Status.HIDDEN
    assert stored.actions.get().moderator == moderator
    page.goto(f"{site.url}{story.url}")
    assert page.locator(".comment").count() == 0
    assert page.locator("[data-comment-total]").inner_text() == "0"


def test_comment_posts_without_javascript(browser, site, story):
    context = browser.new_context(java_script_enabled=False, locale="be-BY")
    page = context.new_page()
    page.goto(f"{site.url}{story.url}")
    page.get_by_label("Каментар", exact=True).fill("Без скрыптоў\nусё працуе")
    page.get_by_role("button", name="Адправіць").click()
    page.get_by_text("Дзякуй! Ваш каментар апублікаваны.").wait_for()
    page.get_by_role("link", name="Вярнуцца да артыкула").click()
    assert page.locator(".comment__name").first.inner_text() == "Чытач"
    context.close()
