"""Create the local demo editor account once and print how to sign in."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

CREDENTIALS_FILE = Path(settings.BASE_DIR) / ".local" / "editor-credentials"


class Command(BaseCommand):
    help = "Create the demo editor (a superuser in the Editors group) and print the credentials."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        User = get_user_model()
        password = self.stored_password(username)
        user = User.objects.filter(username=username).first()
        if user is None or password is None or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            user = user or User(username=username, email=f"{username}@localhost")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            CREDENTIALS_FILE.parent.mkdir(exist_ok=True)
            CREDENTIALS_FILE.write_text(f"{username}\n{password}\n")
            CREDENTIALS_FILE.chmod(0o600)
        user.groups.add(*Group.objects.filter(name="Editors"))
        self.stdout.write(
            f"Editor sign-in at {settings.WAGTAILADMIN_BASE_URL}/admin/ : "
            f"user {username}, password {password}"
        )

    def stored_password(self, username):
        if not CREDENTIALS_FILE.exists():
            return None
        lines = CREDENTIALS_FILE.read_text().splitlines()
        return lines[1] if len(lines) == 2 and lines[0] == username else None
