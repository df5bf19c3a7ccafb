"""The database a backup reads or a restore writes: a configured alias or a URL."""

from contextlib import contextmanager
from uuid import uuid4

import dj_database_url
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import load_backend


@contextmanager
def database(alias=DEFAULT_DB_ALIAS, url=None):
    """A Django connection to the alias, or to the database a URL names while in the block.

    A URL's connection is usable by this thread only (`.using(connection.alias)`), and is
    closed when the block ends; the site's configured databases are left as they are.
    """
    if not url:
        yield connections[alias]
        return
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Wait for a writer rather than fail at once, as the site's own connection does.
        config.setdefault("OPTIONS", {}).setdefault("timeout", 20)
    # An alias of its own per use: a test may hold one open while a command opens another.
    alias = f"backups_{uuid4().hex[:12]}"
    settings_dict = connections.configure_settings({DEFAULT_DB_ALIAS: {}, alias: config})[alias]
    connection = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias)
    connections[alias] = connection
    try:
        yield connection
    finally:
        connection.close()
        del connections[alias]
