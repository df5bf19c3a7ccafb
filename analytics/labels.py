"""How figures and buckets are named on the analytics pages and in the weekly summary."""

from django.utils.translation import gettext as _


def seconds_text(seconds):
    """Engaged time as m:ss; a dash when no view reported one."""
    if seconds is None:
        return "–"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"


def referrer_label(referrer):
    if referrer == "":
        return _("Direct, bookmarks, or not told")
    if referrer == "own":
        return _("Our own sites (main, mirrors, onion)")
    if referrer == "ip":
        return _("An IP address")
    return referrer


def host_label(host):
    return {"main": _("Main domain"), "onion": _("Onion address"), "lite": _("Lite edition")}.get(
        host, host
    )
