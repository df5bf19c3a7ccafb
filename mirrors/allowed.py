"""ALLOWED_HOSTS that also holds the host names configured in the admin.

Settings import this module, so it imports nothing from Django at the top: the configured
names are read only once the apps are ready, through mirrors.hosts.
"""

from collections.abc import Sequence


class ConfiguredHosts(Sequence):
    """The fixed names from the environment, then the ones editors configured."""

    def __init__(self, fixed):
        self.fixed = tuple(fixed)

    def configured(self):
        from . import hosts

        return hosts.current().hosts

    def __iter__(self):
        yield from self.fixed
        yield from self.configured()

    def __len__(self):
        return len(self.fixed) + len(self.configured())

    def __getitem__(self, index):
        return (self.fixed + self.configured())[index]

    def __contains__(self, host):
        return host in self.fixed or host in self.configured()

    def __repr__(self):
        return f"ConfiguredHosts({list(self.fixed)!r} + admin)"
