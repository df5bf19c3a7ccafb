from samizdat.jobs import register

from . import rollup, summary_mail
from .realtime import take_sample

# The summary goes out on Monday; checking every ten minutes costs one small query.
SUMMARY_CHECK = 600


@register("analytics_now_sample", interval=60)
def sample_now_reading():
    """Keep this minute's Now reading counts for the real-time sparklines."""
    take_sample()


@register("analytics_weekly_summary", interval=SUMMARY_CHECK)
def weekly_summary():
    """Mail last week's summary to the editors who have not had it (once a week each)."""
    summary_mail.send_due()


@register("analytics_sum_days", interval=60)
def sum_days():
    """Sum the days readership rolled up (or whose sums went out of date) by group."""
    rollup.sum_due()
