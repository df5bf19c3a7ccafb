"""Online copies of the database and their restore, one class per database vendor."""

import os
import re
import sqlite3
import subprocess
from contextlib import contextmanager

from django.core.management.base import CommandError
from django.db.migrations.recorder import MigrationRecorder

from .connections import database


@contextmanager
def opened(alias, url=None):
    """The database of an alias or a URL, ready to dump or restore."""
    with database(alias, url) as connection:
        yield for_connection(connection)


def for_connection(connection):
    """The dumper and restorer that fits the connection's database."""
    if connection.vendor == "sqlite":
        return SqliteDatabase(connection)
    if connection.vendor == "postgresql":
        return PostgresDatabase(connection)
    raise CommandError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")


class Database:
    member = ""

    def __init__(self, connection):
        self.connection = connection

    @property
    def vendor(self):
        return self.connection.vendor

    @property
    def label(self):
        return f"{self.vendor} database {self.connection.settings_dict['NAME']}"

    def tables(self):
        with self.connection.cursor() as cursor:
            return self.connection.introspection.table_names(cursor)

    def applied_migrations(self):
        """Migrations recorded in the database, as sorted [app, name] pairs."""
        recorder = MigrationRecorder(self.connection)
        if not recorder.has_table():
            return []
        return sorted([app, name] for app, name in recorder.applied_migrations())

    def server_version(self):
        return ""


class SqliteDatabase(Database):
    member = "database/db.sqlite3"

    def raw(self):
        self.connection.ensure_connection()
        return self.connection.connection

    def dump(self, target_path):
        """Copy the database with SQLite's online backup API.

        One step (pages=-1) copies every page inside one read transaction, so the copy is
        one committed state even while the site writes (WAL lets the writers go on).
        """
        if self.connection.in_atomic_block:
            # The copy would wait forever for this connection's own open transaction.
            raise CommandError("Back up outside a transaction: commit first.")
        target = sqlite3.connect(target_path)
        try:
            self.raw().backup(target)
        finally:
            target.close()

    def check_dump(self, dump_path):
        source = sqlite3.connect(dump_path)
        try:
            result = source.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as error:
            result = str(error)
        finally:
            source.close()
        if result != "ok":
            raise CommandError(f"The database in the archive is damaged: {result}.")

    def restore(self, dump_path, force=False):
        """Write the copy into the target page by page with the same API.

        The backup API takes the target's locks and handles its journal, so no other
        connection ever sees a half-copied file, which copying over the file could cause.
        """
        self.check_dump(dump_path)
        source = sqlite3.connect(dump_path)
        try:
            source.backup(self.raw())
        finally:
            source.close()
        self.connection.close()

    def server_version(self):
        return sqlite3.sqlite_version


class PostgresDatabase(Database):
    member = "database/postgresql.dump"

    def command(self, program, parameters):
        """Arguments and environment for a client program, built as Django's dbshell does."""
        args, env = self.connection.client.settings_to_cmd_args_env(
            self.connection.settings_dict, parameters
        )
        args[0] = program
        return args, {**os.environ, **(env or {})}

    def server_version(self):
        self.connection.ensure_connection()
        return str(self.connection.pg_version // 10000)

    def check_client(self, program):
        try:
            output = subprocess.run(  # noqa: S603
                [program, "--version"], capture_output=True, text=True, check=True
            ).stdout
        except (OSError, subprocess.CalledProcessError) as error:
            raise CommandError(f"{program} is needed (postgresql-client): {error}") from error
        match = re.search(r"(\d+)\.", output)
        client = int(match.group(1)) if match else 0
        server = int(self.server_version())
        if client < server:
            raise CommandError(
                f"{program} {client} cannot handle PostgreSQL {server}: install "
                f"postgresql-client-{server}."
            )

    def dump(self, target_path):
        """pg_dump in custom format: one snapshot, consistent while the site writes."""
        self.check_client("pg_dump")
        args, env = self.command("pg_dump", ["--format=custom", f"--file={target_path}"])
        self.run(args, env, "pg_dump")

    def restore(self, dump_path, force=False):
        """pg_restore in one transaction: it either restores everything or changes nothing."""
        self.check_client("pg_restore")
        options = ["--single-transaction", "--exit-on-error", "--no-owner", "--no-acl"]
        if force:
            options += ["--clean", "--if-exists"]
        args, env = self.command("pg_restore", [*options, "--dbname"])
        self.connection.close()
        self.run([*args, str(dump_path)], env, "pg_restore")

    @staticmethod
    def run(args, env, program):
        result = subprocess.run(args, env=env, capture_output=True, text=True)  # noqa: S603
        if result.returncode != 0:
            raise CommandError(f"{program} failed: {result.stderr.strip()}")
