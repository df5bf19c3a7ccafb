from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from copies import signing
from copies.verify import verify_copy


class Command(BaseCommand):
    help = "Check an exported folder or a signed file (edition, mirrors.json) against our key."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--public-key", help="minisign public key file (default: ours)")

    def handle(self, path, public_key=None, **options):
        if public_key:
            public = signing.PublicKey.parse(Path(public_key).read_text())
        else:
            public = signing.require_key().public
        problems = verify_copy(path, public)
        if problems:
            raise CommandError("Not a faithful copy:\n" + "\n".join(problems))
        self.stdout.write(f"OK: {path} is signed by key {public.fingerprint} and intact.")
