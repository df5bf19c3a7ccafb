"""Sum every rolled-up day by section, author, language and referrer (analytics.GroupDay).

Run once after upgrading a site that already has days of analytics; the worker then keeps
the sums up to date by itself. Safe to run again: days already summed are skipped.
"""

from django.core.management.base import BaseCommand

from analytics import rollup


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def handle(self, *args, **options):
        count = rollup.backfill(out=self.stdout)
        self.stdout.write(f"{count} days summed\n")
