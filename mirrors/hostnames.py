"""Host names as editors type them, and as browsers send them in the Host header."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_LENGTH = 253
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
HOST_NAME = re.compile(rf"^(?:{LABEL}\.)+[a-z0-9-]{{2,63}}$")
# A v3 onion service: 56 base32 characters, optionally under a subdomain (www.).
ONION = re.compile(rf"^(?:{LABEL}\.)*[a-z2-7]{{56}}\.onion$")


def normalize(value):
    """`https://Mirror.Example/be/` -> `mirror.example`; Cyrillic names -> punycode."""
    value = (value or "").strip().lower()
    if "://" in value:
        try:
            value = urlsplit(value).hostname or ""
        except ValueError:
            return value
    value = value.split("/", 1)[0].rstrip(".")
    try:
        # Browsers send international names in their ASCII (punycode) form.
        return value.encode("idna").decode("ascii")
    except UnicodeError:
        return value


def validate_host(value, onion):
    """A plain host name (no port, no wildcard); an onion address when `onion` is set."""
    if not value or len(value) > MAX_LENGTH:
        raise ValidationError(_("Enter a host name such as mirror.example.org."))
    if onion:
        if not ONION.match(value):
            raise ValidationError(
                _("Enter a v3 onion address: 56 letters and digits followed by .onion.")
            )
    elif value.endswith(".onion"):
        raise ValidationError(_("Onion addresses go in an entry of the kind “Onion address”."))
    elif not HOST_NAME.match(value):
        raise ValidationError(_("Enter a host name such as mirror.example.org."))
