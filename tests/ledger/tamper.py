# SPDX-License-Identifier: GPL-2.0-or-later
"""What any SQLite client can do to a GeoPackage ledger: drop its triggers, then rewrite it (tests only)."""
import sqlite3


def drop_all_triggers(path):
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            connection.execute(f'DROP TRIGGER "{name}"')
    finally:
        connection.close()


def rewrite_entry_2(path):
    """The second entry's area made 500 亩, with the guards dropped first."""
    drop_all_triggers(path)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("UPDATE dg_ledger_journal SET area_mu_e4 = 5000000 WHERE entry_id = 2")
    finally:
        connection.close()
