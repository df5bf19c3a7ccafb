from django.apps import AppConfig


class CopiesConfig(AppConfig):
    name = "copies"
    verbose_name = "Copies"

    def ready(self):
        from . import checks  # noqa: F401 (registers the signing key check)
