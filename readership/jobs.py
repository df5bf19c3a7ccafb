from samizdat.jobs import register

from .flush import flush


@register("readership_flush", interval=5)
def flush_readership():
    """Move closed hours and days from the buffer into the counts (also run on shutdown)."""
    flush()
