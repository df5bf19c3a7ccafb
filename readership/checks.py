"""Deployment check: the Redis that buffers counts must keep them across a restart."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from .buffers import UNREACHABLE


@register(Tags.caches, deploy=True)
def redis_keeps_counts(app_configs=None, **kwargs):
    """Views and likes wait in Redis for the hourly flush: without AOF a restart loses them."""
    if not settings.REDIS_URL:
        return []
    try:
        from django_redis import get_redis_connection

        appendonly = get_redis_connection("default").config_get("appendonly").get("appendonly")
    except (*UNREACHABLE, AttributeError):
        return []  # unreachable, or CONFIG is not allowed (managed Redis): cannot tell
    if appendonly == "yes":
        return []
    return [
        Warning(
            "Redis runs without its append-only file: the open hour's views and likes "
            "(acknowledged to readers) are lost when it restarts.",
            hint="Run Redis with appendonly yes and appendfsync everysec (docs/failures.md).",
            id="readership.W001",
        )
    ]
