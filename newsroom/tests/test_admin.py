"""Editors work in the Wagtail admin: create, publish, schedule; each group only what it may."""

from datetime import timedelta

import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset

from newsroom.models import ArticlePage, HomePage, NewsIndexPage, SectionPage
from testing.factories import article_form, make_article, make_author, member_of, section


class ArticleAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.news = NewsIndexPage.objects.get(locale__language_code="be")
        self.client.force_login(member_of("Editors", "editor"))

    def test_page_types_sit_where_they_belong(self):
        self.assertCanCreateAt(NewsIndexPage, ArticlePage)
        self.assertCanCreateAt(HomePage, SectionPage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(SectionPage, ArticlePage)

    def test_editor_creates_and_publishes_an_article(self):
        author = make_author()
        data = article_form(
            "Паводка на Прыпяці",
            slug="паводка-на-прыпяці",
            bylines=inline_formset([{"author": author.pk, "role": "reporting"}]),
        )
        self.assertCanCreate(self.news, ArticlePage, data)
        article = ArticlePage.objects.get(title="Паводка на Прыпяці")
        self.assertTrue(article.live)
        self.assertEqual(article.slug, "pavodka-na-prypjatsi")
        self.assertEqual(article.byline_lines, [("reporting", author)])
        response = self.client.get("/be/news/pavodka-na-prypjatsi/")
        self.assertContains(response, "Паводка на Прыпяці")

    def test_editor_saves_a_draft_that_readers_cannot_see(self):
        self.assertCanCreate(self.news, ArticlePage, article_form("Чарнавік"), publish=False)
        article = ArticlePage.objects.get(title="Чарнавік")
        self.assertFalse(article.live)
        self.client.logout()
        self.assertEqual(self.client.get(f"/be/news/{article.slug}/").status_code, 404)

    def test_editor_previews_a_draft(self):
        article = make_article(title="Для прагляду", publish=False)
        preview = reverse("wagtailadmin_pages:view_draft", args=[article.pk])
        self.assertContains(self.client.get(preview), "Для прагляду")

    def test_editor_previews_a_new_article_with_bylines_before_saving_it(self):
        author = make_author()
        data = article_form(
            "Яшчэ не захаваны",
            bylines=inline_formset([{"author": author.pk, "role": "reporting"}]),
        )
        preview = reverse(
            "wagtailadmin_pages:preview_on_add", args=["newsroom", "articlepage", self.news.pk]
        )
        posted = self.client.post(preview, data)
        self.assertEqual(posted.json(), {"is_valid": True, "is_available": True})
        shown = self.client.get(preview)
        self.assertContains(shown, "Яшчэ не захаваны")
        self.assertContains(shown, author.name)
        self.assertFalse(ArticlePage.objects.filter(title="Яшчэ не захаваны").exists())

    def test_preview_of_a_saved_article_shows_the_bylines_of_the_form(self):
        first, second = make_author(), make_author(name="Алесь Фота")
        article = make_article(title="З аўтарамі", authors=[first])
        kept = article.bylines.get()
        data = article_form(
            "З аўтарамі",
            bylines=inline_formset(
                [
                    {"id": kept.pk, "author": first.pk, "role": "text", "DELETE": "on"},
                    {"author": second.pk, "role": "photos"},
                ],
                initial=1,
            ),
        )
        preview = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
        self.client.post(preview, data)
        shown = self.client.get(preview)
        self.assertContains(shown, "Алесь Фота")
        self.assertNotContains(shown, first.name)

    def test_edits_are_kept_as_revisions(self):
        article = make_article(title="Першая версія")
        article.title = "Другая версія"
        article.save_revision().publish()
        self.assertEqual(article.revisions.count(), 2)


class ScheduledPublishingTests(WagtailPageTestCase):
    def test_worker_publishes_an_article_when_its_time_comes(self):
        article = make_article(title="Заўтрашняя навіна", publish=False)
        go_live = timezone.now() + timedelta(hours=3)
        article.go_live_at = go_live
        article.save_revision().publish()  # with a future go-live time this only schedules
        article.refresh_from_db()
        self.assertFalse(article.live)

        call_command("worker", "--once")
        article.refresh_from_db()
        self.assertFalse(article.live)

        with time_machine.travel(go_live + timedelta(minutes=1)):
            call_command("worker", "--once")
        article.refresh_from_db()
        self.assertTrue(article.live)
        self.assertEqual(self.client.get(article.url).status_code, 200)


class LeastPrivilegeTests(WagtailPageTestCase):
    def setUp(self):
        self.article = make_article(title="Артыкул")

    def page_rights(self, user):
        return self.article.permissions_for_user(user)

    def test_translator_may_edit_but_not_publish(self):
        rights = self.page_rights(member_of("Translators", "translator"))
        self.assertTrue(rights.can_edit())
        self.assertFalse(rights.can_publish())

    def test_translator_cannot_publish_through_the_admin(self):
        self.client.force_login(member_of("Translators", "translator"))
        data = article_form("Пераклад", **{"action-publish": "action-publish"})
        url = reverse(
            "wagtailadmin_pages:add", args=["newsroom", "articlepage", self.article.get_parent().pk]
        )
        self.client.post(url, data)
        created = ArticlePage.objects.filter(title="Пераклад").first()
        self.assertIsNotNone(created)
        self.assertFalse(created.live)

    def test_moderator_cannot_edit_pages(self):
        moderator = member_of("Moderators", "moderator")
        rights = self.page_rights(moderator)
        self.assertFalse(rights.can_edit())
        self.assertFalse(rights.can_publish())
        self.client.force_login(moderator)
        edit = reverse("wagtailadmin_pages:edit", args=[self.article.pk])
        response = self.client.get(edit)
        self.assertNotEqual(response.status_code, 200)

    def test_editor_may_publish_and_everyone_reaches_the_admin(self):
        self.assertTrue(self.page_rights(member_of("Editors", "ed")).can_publish())
        for group in ["Editors", "Translators", "Moderators"]:
            self.client.force_login(member_of(group, f"user-{group}"))
            self.assertEqual(self.client.get("/admin/").status_code, 200, group)

    def test_no_group_may_touch_the_root(self):
        root = Page.get_first_root_node()
        for group in ["Translators", "Moderators"]:
            rights = root.permissions_for_user(member_of(group, f"root-{group}"))
            self.assertFalse(rights.can_publish_subpage())


class TranslationWorkflowTests(WagtailPageTestCase):
    def test_translator_copies_an_article_into_russian_as_a_draft(self):
        article = make_article(title="Выбары ў Гродне", section_slug="politics")
        self.client.force_login(member_of("Translators", "translator"))
        russian = Locale.objects.get(language_code="ru")
        url = reverse("simple_translation:submit_page_translation", args=[article.pk])
        response = self.client.post(url, {"locales": [russian.pk]})
        self.assertEqual(response.status_code, 302)
        copy = ArticlePage.objects.get(locale=russian, translation_key=article.translation_key)
        self.assertFalse(copy.live)
        self.assertEqual(copy.section, section("politics", "ru"))
        self.assertTrue(copy.url_path.startswith("/home-ru/news/"))


class ApprovalTests(WagtailPageTestCase):
    def test_editors_approve_what_translators_submit(self):
        from wagtail.models import GroupApprovalTask, Workflow

        article = make_article(title="Пераклад на зацвярджэнне", publish=False)
        workflow = article.get_workflow()
        self.assertEqual(workflow.name, "Праверка рэдактара")
        task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
        self.assertEqual([group.name for group in task.groups.all()], ["Editors"])
        translator = member_of("Translators", "translator")
        article.save_revision(user=translator)
        workflow.start(article, translator)
        editor = member_of("Editors", "editor")
        actions = [name for name, *_ in task.get_actions(article, editor)]
        self.assertIn("approve", actions)
        self.assertEqual(task.get_actions(article, member_of("Moderators", "moderator")), [])
        self.assertTrue(Workflow.objects.filter(name="Праверка рэдактара").exists())
