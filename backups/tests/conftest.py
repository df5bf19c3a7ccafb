"""Fixtures for backup tests: a newsroom with content, empty databases, table dumps."""

import hashlib
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone
from wagtail.documents.models import Document

from backups.archive import media_files
from backups.connections import database
from comments.models import Comment, Status, refresh_comment_count
from corrections.models import Correction
from readership.models import ReadingDay
from testing.factories import make_article, make_author, make_image


@pytest.fixture
def media_root(settings, tmp_path):
    """The site's media folder for this test only, so the archive holds its files alone."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def newsroom(site_skeleton, media_root):
    """Committed content of every kind the backup must carry."""
    author = make_author("Ганна Лясная")
    photo = make_image("Plosca", credit="Photo: Newsroom", size=(80, 60))
    photo.get_rendition("fill-40x30")
    lead = make_article(title="Навіна з фота", image=photo, authors=[author])
    other = make_article(title="Другая навіна", section_slug=None)
    comment(lead, "Першы каментар", Status.PUBLISHED)
    comment(lead, "Чакае мадэрацыі", Status.PENDING)
    comment(other, "Каментар да другой", Status.PUBLISHED)
    ReadingDay.objects.create(article=lead, day=timezone.localdate(), views=41, readers=30, likes=3)
    Correction.objects.create(article=lead, text="Імя было напісана з памылкай.")
    Document.objects.create(title="Справаздача", file=ContentFile(b"report", name="report.txt"))
    return {"lead": lead, "other": other}


def comment(article, text, status):
    made = Comment.objects.create(
        article=article, author_name="Чытач з Гомеля", text=text, status=status, language="be"
    )
    refresh_comment_count(article.pk)
    return made


@pytest.fixture
def empty_database(tmp_path):
    """Makes new, empty databases of the test's vendor and returns their URLs; drops them after."""
    made = []

    def make(name):
        if connection.vendor == "sqlite":
            return f"sqlite:///{tmp_path / name}.sqlite3"
        name = f"{connection.settings_dict['NAME']}_{name}"
        run_outside_transaction(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        run_outside_transaction(f'CREATE DATABASE "{name}"')
        made.append(name)
        return postgres_url(name)

    yield make
    for name in made:
        run_outside_transaction(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_url(name):
    settings_dict = connection.settings_dict
    user, password = quote(settings_dict["USER"]), quote(settings_dict["PASSWORD"] or "")
    host, port = settings_dict["HOST"] or "localhost", settings_dict["PORT"] or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{name}"


def run_outside_transaction(sql):
    """CREATE and DROP DATABASE cannot run in a transaction: a connection of their own."""
    with database(url=postgres_url("postgres")) as server, server.cursor() as cursor:
        cursor.execute(sql)


def table_dump(alias):
    """Every row of every model in the app registry, per model, ordered by primary key."""
    dump = {}
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.can_migrate(alias):
            continue  # a proxy, not managed, or made for another database vendor
        dump[model._meta.label] = list(
            model._base_manager.using(alias).order_by("pk").values_list()
        )
    return dump


def media_hashes(root):
    return {
        path.as_posix(): hashlib.sha256((Path(root) / path).read_bytes()).hexdigest()
        for path in media_files(root)
    }
