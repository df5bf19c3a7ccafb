"""Create the local demo editor account once and say how to sign in.

The password is made once and kept in a file only its owner may read. It is shown when it
is made, and only on a terminal: `make run` may be piped into a log or run by a service
manager, and a password must not end up in either.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

# A demo account with a name, so the admin greets someone (and the account form, which
# asks for a name, saves without one being typed in first).
FIRST_NAME = "Demo"
LAST_NAME = "Editor"


def credentials_file():
    return Path(settings.EDITOR_CREDENTIALS_FILE)


class Command(BaseCommand):
    help = "Create the demo editor (a superuser in the Editors group) and say how to sign in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        User = get_user_model()
        password = self.stored_password(username)
        user = User.objects.filter(username=username).first()
        made = user is None or password is None or not user.check_password(password)
        if made:
            password = secrets.token_urlsafe(12)
            user = user or User(username=username, email=f"{username}@localhost")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            self.keep(username, password)
        user.first_name = user.first_name or FIRST_NAME
        user.last_name = user.last_name or LAST_NAME
        user.save()
        user.groups.add(*Group.objects.filter(name="Editors"))
        self.tell(username, password if made else None)

    def tell(self, username, new_password):
        where = f"Editor sign-in at {settings.WAGTAILADMIN_BASE_URL}/admin/ : user {username}"
        if new_password is not None and self.stdout.isatty():
            self.stdout.write(f"{where}, password {new_password} (shown this once)")
        else:
            self.stdout.write(f"{where}, password in {credentials_file()}")

    @staticmethod
    def keep(username, password):
        path = credentials_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.chmod(0o600)
        path.write_text(f"{username}\n{password}\n")

    @staticmethod
    def stored_password(username):
        path = credentials_file()
        if not path.exists():
            return None
        lines = path.read_text().splitlines()
        return lines[1] if len(lines) == 2 and lines[0] == username else None
