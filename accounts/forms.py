"""The admin sign-in form with a code field, and the form that confirms a new device."""

from django import forms
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from .devices import accepts, authenticator_of


def clean_code(value):
    """Authenticator apps show "123 456": spaces and dashes are not part of the code."""
    return "".join(value.split()).replace("-", "")


class SignInForm(LoginForm):
    """Wagtail's sign-in form; accounts with an authenticator also need its current code."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Only if you have turned on two-factor sign-in."),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    # One answer for every failure: a wrong password, a right one without the code, a
    # wrong code. Telling them apart would confirm a stolen password without its code.
    error_messages = {
        **LoginForm.error_messages,
        "invalid_login": _(
            "The user name, password or code is not right. If you turned on two-factor "
            "sign-in, also enter the code your authenticator app shows now."
        ),
    }

    def clean_otp_token(self):
        return clean_code(self.cleaned_data["otp_token"])

    def get_invalid_login_error(self):
        return forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")

    def confirm_login_allowed(self, user):
        """Called once the password is right: an account with a device needs its code too."""
        super().confirm_login_allowed(user)
        device = authenticator_of(user)
        if device is None:
            return
        code = self.cleaned_data.get("otp_token", "")
        if not code or not accepts(device, code):
            # Counted as a failed sign-in, as a wrong password is: axes throttles code
            # guessing, and a right password alone earns nothing but a count.
            user_login_failed.send(
                sender=__name__,
                credentials={"username": user.get_username()},
                request=self.request,
            )
            raise self.get_invalid_login_error()
        user.otp_device = device  # django_otp marks the session verified at login


class ConfirmDeviceForm(forms.Form):
    """A current code from the authenticator app, to prove it was set up right."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self):
        return clean_code(self.cleaned_data["code"])
