"""What a reader types, checked before the pipeline sees it."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from .likeness import has_bidi_controls, only_invisible
from .models import ReportReason

NAME_MAX = 80
TEXT_MIN = 2
TEXT_MAX = 3000


def without_invisibles(value):
    """The text with format characters (zero-width, direction marks) taken out."""
    return "".join(ch for ch in value if unicodedata.category(ch) != "Cf")


def refuse_control_characters(value):
    # Null bytes and other C0 controls cannot be stored in PostgreSQL text and have no
    # place in a comment; line breaks and tabs are kept.
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t" for ch in value):
        raise forms.ValidationError(_("The text contains characters that are not allowed."))


class CommentForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX,
        required=False,
        strip=True,
        error_messages={"max_length": _("The name may have at most %(limit_value)d characters.")},
    )
    text = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea,
        strip=True,
        min_length=TEXT_MIN,
        max_length=TEXT_MAX,
        error_messages={
            "required": _("Please write a comment."),
            "min_length": _("The comment is too short."),
            "max_length": _("The comment is too long: at most %(limit_value)d characters."),
        },
    )
    # A field people never see: only scripts fill it in.
    website = forms.CharField(required=False)
    token = forms.CharField(required=False)

    def clean_name(self):
        name = self.cleaned_data["name"]
        refuse_control_characters(name)
        # Direction controls in a name turn the text around it; a name that shows nothing
        # (zero-width characters, Hangul fillers) passes for someone else's blank one.
        if has_bidi_controls(name):
            raise forms.ValidationError(_("The name may not contain text direction controls."))
        if only_invisible(name):
            raise forms.ValidationError(_("The name must contain visible letters."))
        return name

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        refuse_control_characters(text)
        if len(without_invisibles(text).strip()) < TEXT_MIN:
            raise forms.ValidationError(_("The comment is too short."))
        return text


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a reason.")},
    )
