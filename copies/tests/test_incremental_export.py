"""An export into a folder that holds one renders only what changed since: the articles
that changed, and the pages that list articles; the rest is kept as it is. The result is
the copy a whole export would write."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone
from wagtail.rich_text import RichText

from copies import export, incremental
from copies.verify import verify_copy
from testing.comments import form_post, policy_without_waiting
from testing.factories import make_article, make_author, make_image


def ago(hours):
    """Travel back: the export looks at changes since a little before its last run began."""
    return time_machine.travel(timezone.now() - timedelta(hours=hours))


def pages_of(article):
    return {f"be/news/{article.slug}/index.html", f"be/lite/{article.slug}/index.html"}


@pytest.mark.django_db
def test_after_a_publish_and_a_comment_only_their_articles_are_rendered(
    homes, tmp_path, signing_key, django_capture_on_commit_callbacks
):
    with ago(2):
        quiet = make_article("Ціхая навіна", image=make_image("Луг", size=(640, 360)))
        discussed = make_article("Навіна, якую абмяркоўваюць")
    policy_without_waiting()
    folder = tmp_path / "copy"
    with ago(1):
        first = export.export(folder, key=signing_key)
    assert first.kept == []

    with django_capture_on_commit_callbacks(execute=True):
        new = make_article("Навіна пасля копіі")
        form_post(Client(), discussed, text="Новы каментар")
    second = export.export(folder, key=signing_key)

    assert pages_of(quiet) <= set(second.kept)  # neither rendered nor read nor written
    assert not pages_of(quiet) & set(second.written)
    assert any(name.startswith("media/") for name in second.kept)  # its photo, unread
    assert f"be/news/{discussed.slug}/index.html" in second.written
    assert pages_of(new) <= set(second.written)
    assert "be/index.html" in second.written and "be/news/index.html" in second.written
    assert second.rendered < first.rendered
    assert verify_copy(folder, signing_key.public) == []

    whole = export.export(tmp_path / "whole", key=signing_key, full=True)
    assert whole.kept == []
    assert whole.files == second.files  # byte for byte the copy a whole export writes


@pytest.mark.django_db
def test_article_pages_leave_out_the_site_wide_latest_news(homes, tmp_path, signing_key):
    article = make_article("Навіна без стужкі")
    make_article("Іншая навіна")
    export.export(tmp_path / "copy", key=signing_key)
    page = (tmp_path / "copy" / "be" / "news" / article.slug / "index.html").read_text()
    assert "Іншая навіна" not in page  # it would change this page with every publish
    assert "Іншая навіна" in (tmp_path / "copy" / "be" / "index.html").read_text()


@pytest.mark.django_db
def test_since_leaves_older_articles_out_of_a_new_copy(homes, tmp_path, signing_key):
    with time_machine.travel(timezone.now() - timedelta(days=40)):
        old = make_article("Навіна мінулага месяца")
    recent = make_article("Свежая навіна")
    folder = tmp_path / "copy"

    call_command("export_static", str(folder), "--since", "30d")

    assert (folder / f"be/news/{recent.slug}/index.html").is_file()
    assert not (folder / f"be/news/{old.slug}/index.html").exists()
    listing = (folder / "be" / "news" / "index.html").read_text()
    assert "Навіна мінулага месяца" in listing  # listed, and linked to "find a working address"
    assert f"{old.slug}/index.html" not in listing
    assert verify_copy(folder, signing_key.public) == []


@pytest.mark.django_db
def test_since_keeps_older_articles_a_folder_already_has(homes, tmp_path, signing_key):
    with time_machine.travel(timezone.now() - timedelta(days=40)):
        old = make_article("Навіна мінулага месяца")
        export.export(tmp_path / "copy", key=signing_key)
    result = export.export(tmp_path / "copy", key=signing_key, since=timezone.now())
    assert pages_of(old) <= set(result.kept)
    assert verify_copy(tmp_path / "copy", signing_key.public) == []


@pytest.mark.django_db
def test_a_whole_export_comes_once_a_day_or_when_asked(homes, tmp_path, signing_key):
    with ago(2):
        article = make_article("Навіна дня")
    folder = tmp_path / "copy"
    with ago(1):
        export.export(folder, key=signing_key)
    assert pages_of(article) <= set(export.export(folder, key=signing_key).kept)
    assert export.export(folder, key=signing_key, full=True).kept == []
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        assert export.export(folder, key=signing_key).kept == []


@pytest.mark.django_db
def test_a_kept_page_linking_a_withdrawn_article_is_rendered_again(
    homes, tmp_path, signing_key, django_capture_on_commit_callbacks
):
    with ago(2):
        withdrawn = make_article("Навіна, якую знімуць")
        link = f'<p><a linktype="page" id="{withdrawn.pk}">глядзі</a></p>'
        linking = make_article("Навіна са спасылкай", body=[("paragraph", RichText(link))])
    folder = tmp_path / "copy"
    with ago(1):
        export.export(folder, key=signing_key)
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.refresh_from_db()
        withdrawn.unpublish()
    result = export.export(folder, key=signing_key)
    page = f"be/news/{linking.slug}/index.html"
    assert page in result.written
    assert f"{withdrawn.slug}/index.html" not in (folder / page).read_text()
    assert verify_copy(folder, signing_key.public) == []


@pytest.mark.django_db
def test_a_since_the_reader_cannot_read_changes_nothing(homes, tmp_path, signing_key):
    with pytest.raises(CommandError, match="give a duration"):
        call_command("export_static", str(tmp_path / "copy"), "--since", "last week")
    assert not (tmp_path / "copy").exists()


@pytest.mark.django_db
def test_an_authors_page_stays_in_the_copy_when_their_article_is_kept(
    homes, tmp_path, signing_key, django_capture_on_commit_callbacks
):
    # No list links to an author's page; only their articles do.
    author = make_author("Алесь Капіявальнік")
    with ago(2):
        kept = make_article("Навіна з аўтарам", authors=[author])
    folder = tmp_path / "copy"
    with ago(1):
        export.export(folder, key=signing_key)
    author_page = f"be/authors/{author.slug}/index.html"
    assert (folder / author_page).exists()

    with django_capture_on_commit_callbacks(execute=True):
        make_article("Навіна пасля копіі, без аўтара")
    second = export.export(folder, key=signing_key)

    assert f"be/news/{kept.slug}/index.html" in second.kept
    assert author_page in second.files and author_page not in second.removed
    assert (folder / author_page).exists()
    assert verify_copy(folder, signing_key.public) == []


@pytest.mark.django_db
def test_a_folder_from_an_older_export_is_rendered_whole(homes, tmp_path, signing_key):
    with ago(2):
        make_article("Навіна старой копіі")
    folder = tmp_path / "copy"
    with ago(1):
        export.export(folder, key=signing_key)
    state = json.loads((folder / incremental.STATE).read_text())
    del state["version"]  # as an export before the records held authors' pages wrote it
    (folder / incremental.STATE).write_text(json.dumps(state))

    assert export.export(folder, key=signing_key).kept == []
