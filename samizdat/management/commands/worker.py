"""The background worker: runs due jobs in a loop (scheduled publishing, and more later).

Apps add jobs with `samizdat.jobs.register` in their `jobs` module; each runs every
`interval` seconds.
"""

import signal
import time

from django.core.management.base import BaseCommand
from django.utils.module_loading import autodiscover_modules

from samizdat import jobs


class Command(BaseCommand):
    help = "Run periodic jobs (e.g. publishing scheduled pages) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")
        parser.add_argument("--tick", type=float, default=1.0, help="Seconds between checks.")

    def handle(self, *args, once=False, tick=1.0, **options):
        autodiscover_modules("jobs")
        if once:
            jobs.run_due(force=True)
            jobs.wait_apart()
            return
        self.stopping = False
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        self.stdout.write(f"Worker running jobs: {', '.join(jobs.names())}")
        while not self.stopping:
            jobs.run_due()
            time.sleep(tick)
        # Jobs that must not lose work (buffers) get one last run on shutdown; none starts a
        # run apart, and one still going is stopped with the service.
        jobs.run_due(force=True, start_apart=False)

    def stop(self, *_):
        self.stopping = True
