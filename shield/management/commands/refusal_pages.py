"""Write the "please wait" pages nginx answers with when it turns a request away itself."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import translation

from shield.refusals import Busy, TooOften, message


class Command(BaseCommand):
    help = "Write 429 and 503 pages in every language (and as JSON) for nginx to serve."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder, **options):
        folder.mkdir(parents=True, exist_ok=True)
        for refusal in (TooOften, Busy):
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    html = render_to_string(
                        "shield/busy.html",
                        {
                            "message": message(refusal.kind, "site"),
                            "language": language,
                            "site_name": settings.WAGTAIL_SITE_NAME,
                        },
                    )
                (folder / f"{refusal.status}.{language}.html").write_text(html)
            with translation.override(settings.LANGUAGE_CODE):
                answer = {"error": message(refusal.kind, "site"), "code": refusal.kind}
            (folder / f"{refusal.status}.json").write_text(json.dumps(answer, ensure_ascii=False))
        self.stdout.write(f"Refusal pages written to {folder}")
