from datetime import date

from django.core.management.base import BaseCommand

from copies import editions


class Command(BaseCommand):
    help = "Write and sign today's offline edition (HTML and EPUB) in every language."

    def add_arguments(self, parser):
        parser.add_argument("--day", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")

    def handle(self, day=None, **options):
        for paths in editions.build_all(day):
            for path in paths:
                self.stdout.write(f"{path} {path.stat().st_size / 1e3:.0f} kB")
