"""Each staff member has at most one authenticator: a TOTP device from django-otp."""

import base64

from django.utils.safestring import mark_safe
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator"


def authenticator_of(user):
    """The user's confirmed authenticator, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_authenticator(user):
    """The device being set up; kept until confirmed, so reloading shows the same QR code."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def accepts(device, code):
    """True if the code is current for this device and not used before (locked while checked)."""
    return verify_token(device.user, device.persistent_id, code) is not None


def confirm(device):
    """The device now counts: it is the user's only authenticator."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def secret_for_typing(device):
    """The base32 secret in groups of four, for apps where the QR code cannot be scanned."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """The enrolment QR code as inline SVG, made here: the secret never leaves the server."""
    # Imported here: only enrolment draws a QR code, and readers' workers load this module
    # through the admin's URLs; qrcode is a few MB they need not carry.
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308 (our own SVG)
