from django.apps import AppConfig


class SamizdatConfig(AppConfig):
    """The core: the worker and its job registry, the page cache, shared API pieces."""

    name = "samizdat"
    verbose_name = "Samizdat"

    def ready(self):
        from samizdat.wagtail_labels import label_wagtails_unlabelled_fields

        label_wagtails_unlabelled_fields()
