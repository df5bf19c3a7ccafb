from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

MAX_ADDRESS = 254  # RFC 5321's limit for a whole address


class SubscribeForm(forms.Form):
    # strip=False: a line break at either end is refused, not quietly trimmed away.
    email = forms.CharField(label=_("Your e-mail"), max_length=MAX_ADDRESS, strip=False)

    def clean_email(self):
        address = self.cleaned_data["email"]
        if any(ord(char) < 32 or ord(char) == 127 for char in address):
            raise forms.ValidationError(_("Please enter a valid e-mail address."))
        try:
            validate_email(address)
        except forms.ValidationError:
            raise forms.ValidationError(_("Please enter a valid e-mail address.")) from None
        return address
