"""The builders moved to testing.factories; this name stays for imports not yet moved."""

from testing.factories import *  # noqa: F403
