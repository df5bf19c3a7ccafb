from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrectionsConfig(AppConfig):
    """Ctrl+Enter typo reports, the editors' queue for them and public corrections."""

    name = "corrections"
    verbose_name = _("Corrections")
