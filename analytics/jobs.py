from samizdat.jobs import register

from .realtime import take_sample


@register("analytics_now_sample", interval=60)
def sample_now_reading():
    """Keep this minute's Now reading counts for the real-time sparklines."""
    take_sample()
