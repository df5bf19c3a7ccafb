from django.apps import AppConfig


class LiteConfig(AppConfig):
    name = "lite"
    verbose_name = "Lite edition"

    def ready(self):
        from samizdat import cdn

        cdn.add_paths(lite_paths)


def lite_paths(page):
    """The lite edition shows every article and lists the latest (samizdat.cdn.add_paths)."""
    language = page.locale.language_code
    return {f"/{language}/lite/", f"/{language}/lite/{page.slug}/"}
