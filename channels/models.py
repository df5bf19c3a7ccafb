"""Telegram channels per language edition, and the post each article has in its channel."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

DEFAULT_API_BASE = "https://api.telegram.org"


class Links(models.TextChoices):
    MAIN = "main", _("The main domain only")
    MIRROR = "mirror", _("The main domain and the current mirror")


class TelegramSettingsForm(WagtailAdminModelForm):
    """The bot token is never shown back: leave the box empty to keep the saved one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bot_token"].widget = forms.PasswordInput(render_value=False)
        self.fields["bot_token"].required = False
        self.saved_token = self.instance.bot_token

    def clean_bot_token(self):
        return self.cleaned_data.get("bot_token") or self.saved_token


@register_setting(icon="mail")
class TelegramSettings(BaseGenericSetting):
    base_form_class = TelegramSettingsForm

    bot_token = models.CharField(_("bot token"), max_length=200, blank=True)
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
