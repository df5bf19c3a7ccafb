"""Readers see public corrections and how to report a typo under each article."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.utils import timezone

from corrections.models import Correction
from newsroom.models import ArticlePage
from testing.factories import backdate, translate_article

pytestmark = pytest.mark.django_db
MINSK = timezone.get_fixed_timezone(180)
JUNE_27 = datetime(2026, 6, 27, 15, 30, tzinfo=MINSK)

ON_JUNE_27 = (
    '<time datetime="2026-06-27T15:30:00+03:00" title="27.06.2026 15:30">27.06.2026</time>.'
)
HINT = {
    "be": "Заўважылі памылку? Вылучыце яе і націсніце <kbd>Ctrl</kbd>+<kbd>Enter</kbd>.",
    "ru": "Нашли опечатку? Выделите её и нажмите <kbd>Ctrl</kbd>+<kbd>Enter</kbd>.",
    "en": "Found a typo? Select it and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd>.",
}
CORRECTED = {
    "be": "Выпраўлена " + ON_JUNE_27,
    "ru": "Исправлено " + ON_JUNE_27,
    "en": "Corrected on " + ON_JUNE_27,
}
CLARIFIED = {"be": "Удакладнена", "ru": "Уточнено", "en": "Clarified on"}
TITLES = {"ru": "Фестиваль в Минске", "en": "Festival in Minsk"}


def edition(article, language):
    return article if language == "be" else translate_article(article, language, TITLES[language])


def read(client, article):
    response = client.get(ArticlePage.objects.get(pk=article.pk).url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_the_hint_shows_once_under_the_article_body(client, article, language):
    html = read(client, edition(article, language))
    assert html.count(HINT[language]) == 1
    assert html.index('class="article__body"') < html.index(HINT[language])
    assert html.index(HINT[language]) < html.index("</article>")


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_corrections_show_at_the_end_of_the_article(client, article, language):
    target = edition(article, language)
    Correction.objects.create(
        article=target, published_at=JUNE_27, text="Назва фестывалю <ўдакладнена>."
    )
    Correction.objects.create(
        article=target,
        kind=Correction.Kind.CLARIFICATION,
        published_at=JUNE_27 + timedelta(days=1),
        text="Дададзена цытата.",
    )
    with timezone.override(MINSK):
        html = read(client, target)
    html = html[html.index("<body") :]  # the head carries the notes too, in JSON-LD
    assert CORRECTED[language] in html
    assert CLARIFIED[language] in html
    assert "Назва фестывалю &lt;ўдакладнена&gt;." in html
    assert html.index(CORRECTED[language]) < html.index("Дададзена цытата.")
    assert html.index('class="article__body"') < html.index(CORRECTED[language])


def test_an_article_without_corrections_has_no_corrections_block(client, article):
    assert 'class="corrections"' not in read(client, article)


def test_a_correction_marks_the_article_updated(client, article):
    backdate(article, JUNE_27 - timedelta(days=2))
    assert ArticlePage.objects.get(pk=article.pk).updated_at is None
    Correction.objects.create(article=article, published_at=JUNE_27, text="Выпраўлена дата.")
    assert ArticlePage.objects.get(pk=article.pk).updated_at == JUNE_27
    html = read(client, article)
    assert 'class="updated"' in html


def test_a_correction_to_an_article_already_read_shows_at_once(client, article, settings):
    """The next uncached render, though the page and its header are kept between publications."""
    settings.PAGE_CACHE_SECONDS = 0
    backdate(article, JUNE_27 - timedelta(days=2))
    assert 'class="updated"' not in read(client, article)
    Correction.objects.create(article=article, published_at=JUNE_27, text="Выпраўлена дата.")
    html = read(client, article)
    assert 'class="updated"' in html
    assert "Выпраўлена дата." in html
    assert '"dateModified": "2026-06-27T12:30:00+00:00"' in html


def test_an_older_correction_does_not_move_the_update_back(article):
    backdate(article, JUNE_27)
    Correction.objects.create(
        article=article, published_at=JUNE_27 - timedelta(days=1), text="Старое."
    )
    assert ArticlePage.objects.get(pk=article.pk).last_published_at == JUNE_27


def test_the_dialog_and_its_script_are_on_articles_only(client, article, homes):
    html = read(client, article)
    assert html.count('id="typo-dialog"') == 1
    assert f'data-page="{article.pk}"' in html
    assert '<script type="module" src="/static/frontend/corrections.js">' in html
    assert ">Заўвага</h2>" in html and ">Паведаміць</button>" in html
    home = client.get("/be/").content.decode()
    assert "typo-dialog" not in home and "corrections.js" not in home


def test_the_article_page_stays_the_same_for_every_reader(client, article):
    response = client.get(ArticlePage.objects.get(pk=article.pk).url)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


def test_an_editor_adds_a_correction_in_the_admin(client, article):
    editor = User.objects.create_user("editor", password="pass-for-tests-only")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    form = client.get(f"/admin/corrections/new/?article={article.pk}").content.decode()
    assert f'value="{article.pk}"' in form
    with time_machine.travel(JUNE_27, tick=False):
        response = client.post(
            "/admin/corrections/new/",
            {
                "article": article.pk,
                "kind": "correction",
                "published_at": "2026-06-27 15:30",
                "text": "Выпраўлена імя арганізатара.",
            },
        )
    assert response.status_code == 302
    correction = Correction.objects.get()
    assert correction.article_id == article.pk
    assert "Выпраўлена імя арганізатара." in read(client, article)


def test_a_new_or_removed_correction_reaches_readers_of_a_cached_page(
    client, article, django_capture_on_commit_callbacks
):
    assert "Новае выпраўленне." not in read(client, article)
    with django_capture_on_commit_callbacks(execute=True):
        correction = Correction.objects.create(article=article, text="Новае выпраўленне.")
    assert "Новае выпраўленне." in read(client, article)
    with django_capture_on_commit_callbacks(execute=True):
        correction.delete()
    assert "Новае выпраўленне." not in read(client, article)
