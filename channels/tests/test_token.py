"""The bot token is a secret: sealed in the database with a key that is not in it.

Whoever holds a copy of the database alone cannot post as the bot; the admin takes a new
token but never shows the saved one back; the worker posts with it after unsealing.
"""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client
from django.utils import timezone

from channels.models import TelegramPost, TelegramSettings, TokenUnreadable
from samizdat import queue
from testing.factories import make_article

from .test_telegram import TOKEN, bot_api, publish  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

NEW_TOKEN = "987654:AAnew-token_for-the-bot"
OTHER_KEY = "another-key-the-token-was-not-sealed-with-0123"


def stored_row():
    """Every column of the settings row as the database holds it, read with plain SQL."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM channels_telegramsettings")
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


def every_row_of_every_table():
    """What a seized database shows: every value of every table, as text."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


def secret_parts(token):
    return token, token.split(":", 1)[1]


@pytest.fixture
def admin(db):
    user = User.objects.create_superuser("admin", password="pass-for-tests-only")
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def edit_url():
    return f"/admin/settings/channels/telegramsettings/{TelegramSettings.load().pk}/"


def form_data(**changes):
    config = TelegramSettings.load()
    data = {
        "bot_token": "",
        "api_base": config.api_base,
        "channel_be": config.channel_be,
        "channel_ru": config.channel_ru,
        "channel_en": config.channel_en,
        "links": config.links,
    }
    return {**data, **changes}


def test_a_token_typed_in_the_admin_is_stored_sealed(admin):
    response = admin.post(edit_url(), form_data(bot_token=NEW_TOKEN, channel_be="@samizdat_be"))
    assert response.status_code == 302, response.content.decode()[:2000]
    row = stored_row()
    assert "@samizdat_be" in row  # the query reads the row the admin saved
    assert not any(part in row for part in secret_parts(NEW_TOKEN))
    assert TelegramSettings.load().token() == NEW_TOKEN


def test_the_admin_never_shows_the_token_back(admin, bot_api):  # noqa: F811
    sealed = TelegramSettings.load().sealed_bot_token
    page = admin.get(edit_url()).content.decode()
    assert "A token is set. Type a new one to replace it" in page
    assert 'name="bot_token"' in page
    assert not any(part in page for part in (*secret_parts(TOKEN), sealed))
    # Saved with the box left empty: the token stays as it was.
    response = admin.post(edit_url(), form_data(channel_en="@samizdat_en"))
    assert response.status_code == 302
    config = TelegramSettings.load()
    assert (config.channel_en, config.token()) == ("@samizdat_en", TOKEN)
    page = admin.get(edit_url()).content.decode()
    assert not any(part in page for part in secret_parts(TOKEN))


def test_a_settings_page_without_a_token_says_so(admin):
    page = admin.get(edit_url()).content.decode()
    assert "No token is set. Paste the token @BotFather gave the bot." in page


def test_the_admin_speaks_the_editors_language(admin):
    admin.post(edit_url(), form_data(bot_token=NEW_TOKEN))
    page = admin.get(edit_url(), headers={"accept-language": "be"}).content.decode()
    assert "Токен захаваны" in page


def test_a_malformed_token_is_refused_and_changes_nothing(admin, bot_api):  # noqa: F811
    before = TelegramSettings.load().sealed_bot_token
    response = admin.post(edit_url(), form_data(bot_token="https://t.me/not a token"))
    assert response.status_code == 200
    assert "A bot token is digits, a colon and letters" in response.content.decode()
    assert TelegramSettings.load().sealed_bot_token == before


def test_posting_uses_the_token_the_editor_typed(
    admin,
    bot_api,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    admin.post(edit_url(), form_data(bot_token=NEW_TOKEN))
    publish(make_article("Навіна", "be", publish=False), django_capture_on_commit_callbacks)
    [call] = bot_api.calls
    assert call["bot"] == f"bot{NEW_TOKEN}" and call["method"] == "sendMessage"
    # Nothing along the way (admin log, queued tasks and their results) kept it in clear.
    dump = every_row_of_every_table()
    assert "@samizdat_be" in dump
    assert not any(part in dump for part in secret_parts(NEW_TOKEN))


def test_a_wrong_key_fails_loudly_and_posts_once_the_key_is_back(
    bot_api,  # noqa: F811
    django_capture_on_commit_callbacks,
    settings,
    caplog,
):
    right_key = settings.NEWSLETTER_KEY
    settings.NEWSLETTER_KEY = OTHER_KEY
    with pytest.raises(TokenUnreadable, match="sealed with another NEWSLETTER_KEY"):
        TelegramSettings.load().token()
    article = make_article("Навіна", "be", publish=False)
    with caplog.at_level(logging.ERROR, logger="channels.tasks"):
        publish(article, django_capture_on_commit_callbacks)
    article.refresh_from_db()
    assert article.live and bot_api.calls == []  # publishing went on, nothing was sent
    assert "sealed with another NEWSLETTER_KEY" in caplog.text
    assert TOKEN not in caplog.text
    settings.NEWSLETTER_KEY = right_key
    with time_machine.travel(timezone.now() + timedelta(seconds=queue.RETRY_DELAYS[0] + 1)):
        queue.run_queued_tasks()
    assert [call["bot"] for call in bot_api.calls] == [f"bot{TOKEN}"]
    assert TelegramPost.objects.count() == 1


def test_a_missing_key_is_named(bot_api, settings):  # noqa: F811
    settings.NEWSLETTER_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="Set NEWSLETTER_KEY"):
        TelegramSettings.load().token()
    config = TelegramSettings.load()
    with pytest.raises(ImproperlyConfigured, match="Set NEWSLETTER_KEY"):
        config.set_token(NEW_TOKEN)


BEFORE = [("channels", "0002_key_event_posts")]
AFTER = [("channels", "0003_sealed_bot_token")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_seals_a_token_saved_in_clear(site_skeleton):
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_settings = executor.loader.project_state(BEFORE).apps.get_model(
        "channels", "TelegramSettings"
    )
    old_settings.objects.all().delete()
    old_settings.objects.create(bot_token=TOKEN, channel_ru="@samizdat_ru")
    assert TOKEN in stored_row()
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    row = stored_row()
    assert "@samizdat_ru" in row
    assert not any(part in row for part in secret_parts(TOKEN))
    config = TelegramSettings.objects.get()
    assert (config.token(), config.channel_ru) == (TOKEN, "@samizdat_ru")
