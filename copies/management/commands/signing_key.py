from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from copies import signing


class Command(BaseCommand):
    help = "Make the signing key, or rotate it: the old key signs the new public key."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["new", "rotate", "show"])
        parser.add_argument("path", nargs="?", help="where to write the new secret key")

    def handle(self, action, path=None, **options):
        if action == "show":
            public = signing.require_key().public
            self.stdout.write(public.as_file() + f"fingerprint: {public.fingerprint}")
            return
        if not path:
            raise CommandError("Give the file to write the new secret key to.")
        target = Path(path)
        if target.exists():
            raise CommandError(f"{target} exists; not overwriting a key.")
        old = signing.require_key() if action == "rotate" else None
        new = signing.SecretKey.generate()
        target.touch(mode=0o600)
        target.write_text(new.as_file())
        public_path = Path(str(target) + ".pub")
        public_path.write_text(new.public.as_file())
        if old is not None:
            comment = f"new key {new.public.fingerprint} replaces {old.public.fingerprint}"
            signing.sign_file(old, public_path, comment=comment)
        self.stdout.write(f"New key {new.public.fingerprint} in {target}, public key {public_path}")
