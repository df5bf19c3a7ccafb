"""Telegram channels per language edition, and the post each article has in its channel."""

import re

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from samizdat import sealing

DEFAULT_API_BASE = "https://api.telegram.org"


class Links(models.TextChoices):
    MAIN = "main", _("The main domain only")
    MIRROR = "mirror", _("The main domain and the current mirror")


# The name the token's key is derived under (samizdat.sealing); never change it, or every
# saved token stops opening.
SEALED_FOR = "telegram bot token"
# What @BotFather gives: the bot's number, a colon, then letters, digits, "_" and "-".
TOKEN_FORMAT = re.compile(r"\d+:[A-Za-z0-9_-]+")


class TokenUnreadable(Exception):
    """The saved token does not open with the configured key."""

    def __init__(self):
        super().__init__(
            "The Telegram bot token was sealed with another NEWSLETTER_KEY: set the key it was"
            " sealed with, or type the token again in Admin > Settings > Telegram."
        )


class TelegramSettingsForm(WagtailAdminModelForm):
    """The bot token is written, never shown back: leave the box empty to keep the saved one."""

    bot_token = forms.CharField(
        label=_("bot token"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bot_token"].help_text = (
            _("A token is set. Type a new one to replace it, or leave the box empty to keep it.")
            if self.instance.has_token
            else _("No token is set. Paste the token @BotFather gave the bot.")
        )

    def clean_bot_token(self):
        token = self.cleaned_data["bot_token"].strip()
        if token and not TOKEN_FORMAT.fullmatch(token):
            raise forms.ValidationError(
                _("A bot token is digits, a colon and letters, as @BotFather gives it.")
            )
        return token

    def save(self, commit=True):
        if self.cleaned_data.get("bot_token"):
            self.instance.set_token(self.cleaned_data["bot_token"])
        return super().save(commit=commit)


@register_setting(icon="mail")
class TelegramSettings(BaseGenericSetting):
    base_form_class = TelegramSettingsForm

    # Sealed with a key that is not in the database: a dump alone cannot post as the bot.
    sealed_bot_token = models.TextField(blank=True, default="", editable=False)
    api_base = models.URLField(
        _("Bot API address"),
        default=DEFAULT_API_BASE,
        help_text=_("A local Bot API server or a relay where Telegram's own API is blocked."),
    )
    channel_be = models.CharField(_("Belarusian channel"), max_length=100, blank=True)
    channel_ru = models.CharField(_("Russian channel"), max_length=100, blank=True)
    channel_en = models.CharField(_("English channel"), max_length=100, blank=True)
    links = models.CharField(
        _("links in posts"), max_length=8, choices=Links.choices, default=Links.MIRROR
    )

    panels = [
        FieldPanel("bot_token"),
        FieldPanel("api_base"),
        FieldPanel("channel_be"),
        FieldPanel("channel_ru"),
        FieldPanel("channel_en"),
        FieldPanel("links"),
    ]

    class Meta:
        verbose_name = _("Telegram")

    @property
    def has_token(self):
        return bool(self.sealed_bot_token)

    def set_token(self, token):
        self.sealed_bot_token = sealing.seal(SEALED_FOR, token)

    def token(self):
        """The bot token in clear, for the Bot API's URL; TokenUnreadable on a wrong key."""
        if not self.sealed_bot_token:
            return ""
        try:
            return sealing.unseal(SEALED_FOR, self.sealed_bot_token)
        except sealing.Unsealable:
            raise TokenUnreadable() from None

    def channel_for(self, language):
        return getattr(self, f"channel_{language}", "") or ""


class TelegramPost(models.Model):
    """The one post an article has in its language's channel."""

    page_id = models.PositiveIntegerField(unique=True)
    chat = models.CharField(max_length=100)
    message_id = models.BigIntegerField()
    with_photo = models.BooleanField(default=False)
    text = models.TextField()

    def __str__(self):
        return f"{self.chat}/{self.message_id}"


class KeyEventPost(models.Model):
    """The one post a live blog's key event has in its language's channel."""

    entry_id = models.BigIntegerField(unique=True)
    page_id = models.PositiveIntegerField(db_index=True)  # the live blog, for unpublishing
    chat = models.CharField(max_length=100)
    message_id = models.BigIntegerField()
    with_photo = models.BooleanField(default=False)
    text = models.TextField()

    def __str__(self):
        return f"{self.chat}/{self.message_id}"
