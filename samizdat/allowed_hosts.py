"""ALLOWED_HOSTS that also holds the host names configured in the admin.

Settings import this module, so it imports nothing from Django at the top. The configured
names come from the function the CONFIGURED_HOSTS setting names (the mirrors app's, by
default), read only once the apps are ready: the core names no app.
"""

from importlib import import_module


class ConfiguredHosts(list):
    """The fixed names from the environment, then the ones editors configured.

    A list because Django insists ALLOWED_HOSTS is one; the list itself holds the fixed
    names, and every way of reading it (iterating, len, `in`, indexing) adds the others.
    """

    @staticmethod
    def configured():
        from django.conf import settings

        module, _, name = settings.CONFIGURED_HOSTS.rpartition(".")
        return getattr(import_module(module), name)()

    def __iter__(self):
        yield from list.__iter__(self)
        yield from self.configured()

    def __len__(self):
        return list.__len__(self) + len(self.configured())

    def __contains__(self, host):
        return list.__contains__(self, host) or host in self.configured()

    def __getitem__(self, index):
        return [*self][index]

    def __repr__(self):
        return f"ConfiguredHosts({list(list.__iter__(self))!r} + admin)"
