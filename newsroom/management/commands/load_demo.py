"""Fill the site with the demo newsroom (`make run` calls it with --if-empty)."""

import time

from django.core.management.base import BaseCommand

from newsroom.demo.loader import load_demo, reset_demo
from newsroom.models import ArticlePage


class Command(BaseCommand):
    help = "Load the demo newsroom: some forty stories, a third of them in three languages."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--reset",
            action="store_true",
            help="Delete every article, the demo authors and demo photos, then load again.",
        )
        mode.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only when the site has no article at all.",
        )
        parser.add_argument("--limit", type=int, help="Load only the first N stories.")

    def handle(self, *args, reset, if_empty, limit, **options):
        if if_empty and ArticlePage.objects.exists():
            self.stdout.write("The site has articles already; demo newsroom not loaded.")
            return
        started = time.monotonic()
        if reset:
            reset_demo()
        summary = load_demo(limit=limit)
        self.stdout.write(f"{summary} ({time.monotonic() - started:.1f} s)")
