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
