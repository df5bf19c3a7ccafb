from django.apps import AppConfig


class FrontendConfig(AppConfig):
    """The one stylesheet and the small JavaScript modules every page shares."""

    name = "frontend"
