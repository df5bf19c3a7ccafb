import re
import time
from datetime import datetime, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from copies import export, signing

DURATION = re.compile(r"^(\d+)([dhm])$")
UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def since_time(text):
    """`30d`, `12h`, `90m` ago, or a date or time (`2026-12-01`, `2026-12-01T08:00`)."""
    match = DURATION.match(text.strip())
    if match:
        return timezone.now() - timedelta(**{UNITS[match[2]]: int(match[1])})
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            f"--since {text!r}: give a duration (30d, 12h, 90m) or a date (2026-12-01)."
        ) from None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


class Command(BaseCommand):
    help = (
        "Write the reader site as plain files with a signed manifest. A folder that holds an "
        "export is brought up to date: only what changed since is rendered."
    )

    def add_arguments(self, parser):
        parser.add_argument("outdir")
        parser.add_argument("--lang", action="append", help="only this language (repeatable)")
        parser.add_argument(
            "--since",
            help="only articles changed since then (30d, 12h, a date): older ones are kept "
            "from the folder, or left out of a new one",
        )
        parser.add_argument("--full", action="store_true", help="render every page again")
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="processes rendering pages side by side (a whole archive: one per core)",
        )
        parser.add_argument("--unsigned", action="store_true", help="do not sign (testing only)")

    def handle(self, outdir, lang=None, since=None, full=False, unsigned=False, jobs=1, **options):
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more.")
        if since and full:
            raise CommandError("--since and --full cannot be used together.")
        since = since_time(since) if since else None
        key = None if unsigned else signing.require_key()
        started = time.monotonic()
        result = export.export(outdir, languages=lang, key=key, since=since, full=full, jobs=jobs)
        size = sum((export.Path(outdir) / name).stat().st_size for name in result.files)
        self.stdout.write(
            f"{len(result.files)} files ({size / 1e6:.1f} MB): {result.rendered} rendered or "
            f"read, {len(result.kept)} kept unrendered, {len(result.written)} written, "
            f"{len(result.removed)} removed, in {time.monotonic() - started:.1f} s"
        )
