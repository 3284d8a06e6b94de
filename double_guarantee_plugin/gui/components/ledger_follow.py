# SPDX-License-Identifier: GPL-2.0-or-later
"""Which ledger and county the ledger dock shows for the QGIS project's project database.

The ledger of a project database is the GeoPackage beside it (``core.ledger.ledger_path_for``); its
county is the one most of the database's projects belong to.  Pure look-ups: the dock decides what
to open and asks the user before it creates anything.
"""
import os
import sqlite3
from collections import Counter

from qgis.core import QgsProject

from ...core.ledger import ledger_path_for

SCOPE, KEY_DATABASE = "DoubleGuarantee", "database_path"     # written by the project dock


def project_database_path(project=None):
    """The GeoPackage project database the QGIS project has open (absolute), or None."""
    project = project or QgsProject.instance()
    value, _found = project.readEntry(SCOPE, KEY_DATABASE, "")
    if not value:
        return None
    path = project.readPath(value)
    return os.path.abspath(path) if os.path.isfile(path) else None


def ledger_beside(database_path):
    """``(path, exists)`` of the ledger that belongs to ``database_path``."""
    path = ledger_path_for(database_path)
    return path, os.path.isfile(path)


def database_county(database_path):
    """The county code most projects of the database carry ("" when none or unreadable)."""
    try:
        connection = sqlite3.connect(f"file:{database_path}?mode=ro", uri=True)
        try:
            rows = connection.execute("SELECT county_code FROM projects WHERE county_code IS NOT NULL "
                                      "AND county_code <> ''").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return ""
    counts = Counter(str(code).strip() for (code,) in rows if str(code).strip())
    return counts.most_common(1)[0][0] if counts else ""
