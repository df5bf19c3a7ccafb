"""The bot token is sealed with the key outside the database (samizdat.sealing)."""

from django.db import migrations, models

from samizdat import sealing

# channels.models.SEALED_FOR, frozen here: the name the token's key is derived under.
SEALED_FOR = "telegram bot token"


def seal_saved_tokens(apps, schema_editor):
    settings_model = apps.get_model("channels", "TelegramSettings")
    for config in settings_model.objects.exclude(bot_token=""):
        config.sealed_bot_token = sealing.seal(SEALED_FOR, config.bot_token)
        config.bot_token = ""
        config.save(update_fields=["sealed_bot_token", "bot_token"])


def open_sealed_tokens(apps, schema_editor):
    settings_model = apps.get_model("channels", "TelegramSettings")
    for config in settings_model.objects.exclude(sealed_bot_token=""):
        config.bot_token = sealing.unseal(SEALED_FOR, config.sealed_bot_token)
        config.save(update_fields=["bot_token"])


class Migration(migrations.Migration):
    dependencies = [
        ("channels", "0002_key_event_posts"),
    ]

    operations = [
        migrations.AddField(
            model_name="telegramsettings",
            name="sealed_bot_token",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(seal_saved_tokens, open_sealed_tokens),
        migrations.RemoveField(
            model_name="telegramsettings",
            name="bot_token",
        ),
    ]
