# SPDX-License-Identifier: GPL-2.0-or-later
"""The identity of a project database, which binds an offline package to the database it came from.

A database gets its identity (``review_database_id`` in dg_meta) when it is created, and a new one
when the plugin copies it (``copy_project_database``): the copy is another database, whose packages
and merges are its own.  A copy made outside the plugin carries the identity along, which is why a
bring-back also requires the package in the database's own record of exported packages
(``merge.check_identity``): a package exported from one copy is unknown to its sibling.
"""
import os
import sqlite3
import uuid

from ...i18n import tr
from .. import project_db, review
from . import bookkeeping as bk
from .errors import OfflineError


def new_identity():
    return uuid.uuid4().hex


def copy_project_database(source, target):
    """Copy the GeoPackage project database ``source`` to ``target`` as a new database: a consistent
    snapshot (SQLite's backup API), a new identity, and none of the source's offline bookkeeping."""
    source, target = str(source), str(target)
    if not os.path.exists(source):
        raise OfflineError(tr("{}: project database not found", source))
    if os.path.exists(target):
        raise OfflineError(tr("{}: the file exists already", target))
    try:
        with sqlite3.connect(source) as reader, sqlite3.connect(target) as writer:
            reader.backup(writer)
        with sqlite3.connect(target) as writer:
            writer.execute("PRAGMA journal_mode=DELETE")
        connection = sqlite3.connect(target, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            for table in bk.HOME_TABLES + (bk.LEGACY_MERGE_LOG,):
                connection.execute(f"DROP TABLE IF EXISTS {table}")
            connection.execute(f"CREATE TABLE IF NOT EXISTS {project_db.META_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
            connection.execute(f"INSERT OR REPLACE INTO {project_db.META_TABLE} VALUES (?, ?)",
                               (review.DATABASE_ID_KEY, new_identity()))
            connection.execute("COMMIT")
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.exists(target + suffix):
                os.remove(target + suffix)
        raise OfflineError(tr("{}: the copy could not be written ({}); nothing was written", target, exc)) from exc
    return target
