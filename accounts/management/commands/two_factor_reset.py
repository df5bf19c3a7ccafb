"""Remove a staff member's authenticator, for a lost phone: they sign in with the password
alone and enrol again (a superuser who must use two factors is sent to enrol at once)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Remove the authenticator of the given user names, so they can enrol a new one."

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+")

    def handle(self, *args, usernames, **options):
        users = get_user_model().objects.filter(username__in=usernames)
        missing = set(usernames) - {user.username for user in users}
        if missing:
            raise CommandError(f"No such user: {', '.join(sorted(missing))}")
        removed, _ = TOTPDevice.objects.filter(user__in=users).delete()
        self.stdout.write(f"Removed {removed} authenticator(s).")
