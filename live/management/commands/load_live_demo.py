"""Add the demo live blogs (`make run` calls it after load_demo)."""

from django.core.management.base import BaseCommand

from live.demo.loader import load_live_demo


class Command(BaseCommand):
    help = "Add one live blog a language with a day of entries, unless live blogs exist."

    def handle(self, *args, **options):
        added = load_live_demo()
        if added:
            self.stdout.write(f"Demo live blogs: {added} entries in three languages.")
        else:
            self.stdout.write("Live blogs exist already; demo live blogs not loaded.")
