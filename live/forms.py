from django import forms
from django.utils import timezone
from django.utils.html import strip_tags
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
            "headline",
            "pinned",
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

    QUICK = ("text", "key_event", "headline", "pinned")

    def quick_fields(self):
        return [self[name] for name in self.QUICK]

    def more_fields(self):
        return [self[name] for name in self.fields if name not in self.QUICK]

    def more_needed(self):
        """Open the folded fields when one of them has an error or, in an edit, a value."""
        names = [name for name in self.fields if name not in self.QUICK]
        if any(self[name].errors for name in names):
            return True
        entry = self.instance
        return entry.pk is not None and bool(
            entry.image_id or entry.quote or entry.link_url or entry.status != "published"
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty, a new entry is of the moment it is posted, not of when the form opened.
        self.fields["publish_at"].required = False
        self.fields["publish_at"].help_text = _("Empty: now. A time to come schedules it.")
        if self.instance.pk is None:
            self.initial["publish_at"] = None

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("publish_at") and "publish_at" not in self.errors:
            cleaned["publish_at"] = self.instance.publish_at if self.instance.pk else timezone.now()
        if "text" not in self.errors and not strip_tags(cleaned.get("text") or "").strip():
            # The editor leaves an empty paragraph behind, which would post an empty entry.
            self.add_error("text", _("Write the update's text."))
        if cleaned.get("key_event") and not cleaned.get("headline"):
            self.add_error("headline", _("A key event needs a short title for the list."))
        if cleaned.get("status") == EntryStatus.SCHEDULED and not self.data.get("publish_at"):
            self.add_error("publish_at", _("Say when to publish it."))
        return cleaned
