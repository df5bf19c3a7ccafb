"""Newsroom's periodic job: publishing what editors scheduled."""

from django.core.management import call_command

from samizdat.jobs import register


@register("publish_scheduled", interval=30)
def publish_scheduled():
    """Publish pages whose go-live time has come and unpublish expired ones."""
    call_command("publish_scheduled", verbosity=0)
