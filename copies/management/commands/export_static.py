import time

from django.core.management.base import BaseCommand

from copies import export, signing


class Command(BaseCommand):
    help = "Write the reader site as plain files with a signed manifest (incremental)."

    def add_arguments(self, parser):
        parser.add_argument("outdir")
        parser.add_argument("--lang", action="append", help="only this language (repeatable)")
        parser.add_argument("--unsigned", action="store_true", help="do not sign (testing only)")

    def handle(self, outdir, lang=None, unsigned=False, **options):
        key = None if unsigned else signing.require_key()
        started = time.monotonic()
        result = export.export(outdir, languages=lang, key=key)
        size = sum((export.Path(outdir) / name).stat().st_size for name in result.files)
        self.stdout.write(
            f"{len(result.files)} files ({size / 1e6:.1f} MB), {len(result.written)} written, "
            f"{len(result.removed)} removed, in {time.monotonic() - started:.1f} s"
        )
