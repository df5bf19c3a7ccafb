"""The period report's choices: what to group by, and which days."""

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

DEFAULT_DAYS = 7
MAX_DAYS = 366


class PeriodForm(forms.Form):
    by = forms.ChoiceField(
        label=_("Group by"),
        choices=[("section", _("Section")), ("author", _("Author")), ("language", _("Language"))],
        required=False,
    )
    first = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    last = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first"), cleaned.get("last")
        if first and last and first > last:
            raise forms.ValidationError(_("The first day must not come after the last."))
        if first and last and (last - first).days >= MAX_DAYS:
            raise forms.ValidationError(_("Choose a period of at most 366 days."))
        if last and last > self.today:
            self.add_error("last", _("The period cannot end in the future."))
        return cleaned

    def period(self):
        """The chosen period, or the last seven days while the choice is missing or wrong."""
        last, first, by = self.today, self.today - timedelta(days=DEFAULT_DAYS - 1), "section"
        if self.is_bound and self.is_valid():
            by = self.cleaned_data["by"] or by
            last = self.cleaned_data["last"] or last
            first = self.cleaned_data["first"] or last - timedelta(days=DEFAULT_DAYS - 1)
        length = (last - first).days + 1
        return {
            "by": by,
            "first": first,
            "last": last,
            "days": length,
            "previous_first": first - timedelta(days=length),
            "previous_last": first - timedelta(days=1),
        }


class WeekForm(forms.Form):
    """Which week's summary: any day of it (the week runs Monday to Sunday, UTC)."""

    week = forms.DateField(
        label=_("A day of the week"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, latest, **kwargs):
        super().__init__(*args, **kwargs)
        self.latest = latest

    def clean_week(self):
        day = self.cleaned_data["week"]
        if day and day - timedelta(days=day.weekday()) > self.latest:
            raise forms.ValidationError(_("That week has not ended yet."))
        return day

    def monday(self):
        """The chosen week's Monday, or the last closed week's while the choice is missing
        or wrong."""
        day = self.latest
        if self.is_bound and self.is_valid() and self.cleaned_data["week"]:
            day = self.cleaned_data["week"]
        return day - timedelta(days=day.weekday())
