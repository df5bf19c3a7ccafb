"""The builders moved to testing.live; this name stays for imports not yet moved."""

from testing.live import *  # noqa: F403
