from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.images.widgets import AdminImageChooser

from .models import EntryStatus, LiveEntry


class EntryTextArea(DraftailRichTextArea):
    """The rich text editor, where a mangled submission is an empty text rather than a 500."""

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except ValueError:  # not the editor's JSON (JSONDecodeError is a ValueError)
            return None


class EntryForm(forms.ModelForm):
    """One screen, phone first: text, then the toggles; the rest folds away."""

    link_url = forms.URLField(label=_("link"), required=False, assume_scheme="https")

    class Meta:
        model = LiveEntry
        fields = [
            "text",
            "key_event",
            "pinned",
            "headline",
            "image",
            "caption",
            "credit",
            "quote",
            "quote_source",
            "link_url",
            "link_title",
            "status",
            "publish_at",
        ]
        widgets = {
            "text": EntryTextArea(features=["bold", "italic", "link", "ol", "ul"]),
            "image": AdminImageChooser,
            "quote": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("key_event") and not cleaned.get("headline"):
            self.add_error("headline", _("A key event needs a short title for the list."))
        if cleaned.get("status") == EntryStatus.SCHEDULED and not cleaned.get("publish_at"):
            self.add_error("publish_at", _("Say when to publish it."))
        return cleaned
