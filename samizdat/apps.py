from django.apps import AppConfig


class SamizdatConfig(AppConfig):
    """The core: the worker and its job registry, the page cache, shared API pieces."""

    name = "samizdat"
    verbose_name = "Samizdat"
