"""The site skeleton put back as rows (testing.skeleton) is the skeleton Wagtail builds."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

import testing
from newsroom.models import ArticlePage, HomePage, SectionPage
from testing import skeleton
from testing.factories import make_article


def emptied():
    """The database as a test with committed data leaves it."""
    call_command("flush", interactive=False, verbosity=0)


def skeleton_tables(snapshot):
    """Rows of the tables the skeleton wrote, content types named rather than numbered."""
    models = skeleton.models_by_table()
    types = skeleton.content_type_ids()
    dump = {}
    for table in snapshot.rows:
        model = models[table]
        fields = model._meta.concrete_fields
        rows = []
        for row in model._base_manager.order_by("pk").values_list(*[f.attname for f in fields]):
            rows.append(
                tuple(
                    types[value] if is_content_type(field) and value is not None else value
                    for field, value in zip(fields, row, strict=True)
                )
            )
        dump[table] = rows
    return dump


def is_content_type(field):
    return field.is_relation and field.related_model is apps.get_model("contenttypes.ContentType")


@pytest.fixture
def nothing_kept(monkeypatch):
    monkeypatch.setattr(skeleton, "_kept", {})


@pytest.fixture
def builds(monkeypatch):
    """How many times the skeleton was built through Wagtail."""
    counted = []
    build = testing.build_skeleton

    def counting_build():
        counted.append(1)
        return build()

    monkeypatch.setattr(testing, "build_skeleton", counting_build)
    return counted


def test_the_rows_put_back_are_the_rows_wagtail_built(transactional_db, nothing_kept, builds):
    emptied()
    built_homes = testing.restore_skeleton()
    snapshot = skeleton._kept[(connection.alias, connection.vendor)]
    assert snapshot is not None, "the first build on an emptied database is kept"
    built = skeleton_tables(snapshot)

    emptied()
    assert not any(skeleton.row_counts().values())
    homes = testing.restore_skeleton()

    assert len(builds) == 1, "the second skeleton is put back, not built"
    assert skeleton_tables(snapshot) == built
    assert {code: home.pk for code, home in homes.items()} == {
        code: home.pk for code, home in built_homes.items()
    }
    assert all(isinstance(home, HomePage) for home in homes.values())
    assert SectionPage.objects.live().count() == 15
    # Groups and their rights come from the data migrations, run after the rows.
    assert apps.get_model("auth.Group").objects.filter(name="Editors").exists()


def test_a_site_put_back_serves_readers_and_takes_new_pages(
    transactional_db, nothing_kept, builds, client
):
    emptied()
    testing.restore_skeleton()
    emptied()
    testing.restore_skeleton()
    assert len(builds) == 1

    # New rows get ids past the rows put back (PostgreSQL's sequences were moved on).
    article = make_article(title="Паводка на Прыпяці", section_slug="culture")
    assert ArticlePage.objects.get(pk=article.pk).live

    for language in ("be", "ru", "en"):
        response = client.get(f"/{language}/")
        assert response.status_code == 200
    page = client.get(article.url)
    assert page.status_code == 200
    assert "Паводка на Прыпяці" in page.content.decode()


def test_a_database_that_was_not_emptied_is_built_on(transactional_db, nothing_kept, builds):
    emptied()
    testing.restore_skeleton()
    make_article(title="Суд у Гомелі")
    pages_before = ArticlePage.objects.count()

    testing.restore_skeleton()

    assert len(builds) == 2, "rows already there: the build finds them and adds nothing"
    assert ArticlePage.objects.count() == pages_before
    assert HomePage.objects.count() == 3
