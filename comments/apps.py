from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Anonymous comments, the anti-abuse pipeline, reader reports and the moderation desk."""

    name = "comments"
    verbose_name = _("Comments")
