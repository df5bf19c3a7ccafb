"""The two-factor screen: enrol an authenticator app, or turn two-factor sign-in off."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from . import devices
from .forms import ConfirmDeviceForm

WRONG_CODE = gettext_lazy("That code is wrong or expired. Enter the code your app shows now.")


@never_cache
def two_factor(request):
    """Show the enrolment QR code and secret, or the state of the enrolled device."""
    device = devices.authenticator_of(request.user)
    if device is not None:
        return turn_off(request, device)
    return enrol(request, devices.pending_authenticator(request.user))


def enrol(request, device):
    form = ConfirmDeviceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if devices.accepts(device, form.cleaned_data["code"]):
            devices.confirm(device)
            otp_login(request, device)  # this session has just proved the second factor
            messages.success(request, _("Two-factor sign-in is on."))
            return redirect("accounts_admin:two_factor")
        form.add_error("code", WRONG_CODE)
    context = {
        "form": form,
        "qr_code": devices.qr_code_svg(device),
        "secret": devices.secret_for_typing(device),
    }
    return render(request, "accounts/admin/enrol.html", context)


def turn_off(request, device):
    form = ConfirmDeviceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if devices.accepts(device, form.cleaned_data["code"]):
            device.delete()
            messages.success(request, _("Two-factor sign-in is off."))
            return redirect("accounts_admin:two_factor")
        form.add_error("code", WRONG_CODE)
    return render(request, "accounts/admin/enrolled.html", {"form": form, "device": device})
