# SPDX-License-Identifier: GPL-2.0-or-later
"""What the project dock keeps in the QGIS project (scope ``DoubleGuarantee``) and restores when it is read.

The open database (a GeoPackage path written relative to the project file, or a PostGIS connection
name / password-free DSN and schema) and the selected project.  The rule profile is the QGIS project's
own setting (``core.project_profile``), which the dock only follows.
"""
import os

from qgis.core import QgsProject

from ...core import live_credits
from ...i18n import tr

SCOPE = "DoubleGuarantee"
KEY_DATABASE, KEY_PROJECT = "database_path", "selected_project"   # the profile: core.project_profile
KEY_PG_CONNECTION, KEY_PG_SCHEMA = "pg_connection", "pg_schema"   # never a password: see project_db_pg.public_target


def write_state(dock):
    project = QgsProject.instance()
    database = dock.database
    project.writeEntry(SCOPE, KEY_DATABASE, project.writePath(database.path) if database.path else "")
    connection, schema = database.pg_database or ("", "")
    project.writeEntry(SCOPE, KEY_PG_CONNECTION, connection)
    project.writeEntry(SCOPE, KEY_PG_SCHEMA, schema)
    project.writeEntry(SCOPE, KEY_PROJECT, dock.selected_project() or "")


def restore_state(dock):
    """Reopen the database and selected project stored in the current QGIS project, under its rule profile."""
    project = QgsProject.instance()
    path, _ok = project.readEntry(SCOPE, KEY_DATABASE, "")
    if not path:
        path, _ok = project.readEntry(SCOPE, "database", "")  # the key demo step 90 once wrote
    code, _ok = project.readEntry(SCOPE, KEY_PROJECT, "")
    pg_connection, _ok = project.readEntry(SCOPE, KEY_PG_CONNECTION, "")
    pg_schema, _ok = project.readEntry(SCOPE, KEY_PG_SCHEMA, "")
    dock.follow_profile()
    dock.live.set_constraint_set(live_credits.project_constraint_set(project))
    if pg_connection and pg_schema and not path:
        dock.open_postgis(pg_connection, pg_schema)
    else:
        if not path:
            return False
        path = project.readPath(path)
        if not os.path.exists(path):
            dock.message(tr("The project database {} saved in this QGIS project was not found", path), "warning")
            return False
        dock.open_database(path)
    if code:
        dock.select_project(code, zoom=False)
    return True
