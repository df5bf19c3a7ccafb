from django.db import models


class DailySalt(models.Model):
    """The secret mixed into client hashes on one day; deleted after SALT_LIFETIME.

    Once a day's salt is gone, nobody (not us, not whoever seizes the server) can tell
    whether two hashes of that day belong to a given reader.
    """

    day = models.DateField(unique=True)
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"salt of {self.day}"


class BanSalt(models.Model):
    """The secret behind ban tokens for one 30-day period; deleted after two periods.

    Daily hashes cannot carry a ban for several days, so a ban uses its own, longer-lived
    salt. Ban tokens are kept only in the cache: for 48 hours per comment (so moderators
    can act), and for the ban's length for banned clients.
    """

    period_start = models.DateField(unique=True)
    secret = models.CharField(max_length=64)

    def __str__(self):
        return f"ban salt from {self.period_start}"
