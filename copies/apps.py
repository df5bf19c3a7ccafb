from django.apps import AppConfig


class CopiesConfig(AppConfig):
    name = "copies"
    verbose_name = "Copies"
