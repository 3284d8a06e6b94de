# SPDX-License-Identifier: GPL-2.0-or-later
"""The bookkeeping tables of take offline / bring back, in the office database and in a package.

Office database (GeoPackage or the PostGIS project schema), ``offline_schema_version`` 2:

- ``dg_offline_exports``: every package taken from this database (its id, projects, the database's
  identity at the time); a package not listed here is refused.
- ``dg_offline_merges``: one row per bring-back that changed something.
- ``dg_offline_merge_rows``: what each merge took from a package, per package row and field: the
  package's version as merged (plots: attributes and geometry; projects: one row per field;
  review records: their uuid).  The next bring-back of that package compares against it, so an
  unchanged package changes nothing and more field work applies exactly the new changes.
- ``dg_plot_conflicts`` / ``dg_project_conflicts``: two-side clashes with both versions kept, until
  the office chooses one.

Version 1 databases had ``dg_offline_merge_log`` (plot hashes only); its rows are copied into
``dg_offline_merge_rows`` once.  A package holds ``dg_offline_base`` (plots as exported),
``dg_offline_project_base``, ``dg_offline_review_base`` and ``dg_offline_constraints``.
"""
SCHEMA_KEY = "offline_schema_version"
SCHEMA_VERSION = 2
EXPORTS = "dg_offline_exports"
MERGES = "dg_offline_merges"
MERGE_ROWS = "dg_offline_merge_rows"
LEGACY_MERGE_LOG = "dg_offline_merge_log"
PLOT_CONFLICTS = "dg_plot_conflicts"
PROJECT_CONFLICTS = "dg_project_conflicts"
HOME_TABLES = (EXPORTS, MERGES, MERGE_ROWS, PLOT_CONFLICTS, PROJECT_CONFLICTS)

BASE = "dg_offline_base"
PROJECT_BASE = "dg_offline_project_base"
REVIEW_BASE = "dg_offline_review_base"
CONSTRAINTS = "dg_offline_constraints"
PACKAGE_TABLES = (BASE, PROJECT_BASE, REVIEW_BASE, CONSTRAINTS)

# the kinds of merge-log rows
PLOT, PROJECT, REVIEW = "plot", "project", "review"
ROW_FIELD = ""      # a project's own existence is logged under the empty field name


def home_schema_sql(name=lambda table: table, serial="INTEGER PRIMARY KEY AUTOINCREMENT", blob="BLOB"):
    """The office's bookkeeping DDL; defaults are SQLite's, PostGIS passes its types and qualified names."""
    return [
        f"""CREATE TABLE IF NOT EXISTS {name(EXPORTS)} (
            package_id TEXT PRIMARY KEY, exported_at TEXT NOT NULL, exported_by TEXT, package_path TEXT,
            project_codes TEXT NOT NULL, plot_count INTEGER NOT NULL, database_id TEXT)""",
        f"""CREATE TABLE IF NOT EXISTS {name(MERGES)} (
            id {serial}, package_id TEXT NOT NULL, merged_at TEXT NOT NULL, merged_by TEXT,
            package_path TEXT, summary TEXT)""",
        f"""CREATE TABLE IF NOT EXISTS {name(MERGE_ROWS)} (
            id {serial}, merge_id INTEGER NOT NULL, package_id TEXT NOT NULL, kind TEXT NOT NULL,
            row_key TEXT NOT NULL, field TEXT NOT NULL DEFAULT '', action TEXT NOT NULL, home_key TEXT,
            value TEXT, geom {blob}, value_hash TEXT)""",
        f"CREATE INDEX IF NOT EXISTS {MERGE_ROWS}_row ON {name(MERGE_ROWS)} (package_id, kind, row_key, field, id)",
        f"""CREATE TABLE IF NOT EXISTS {name(PLOT_CONFLICTS)} (
            id {serial}, package_id TEXT NOT NULL, offline_fid INTEGER NOT NULL,
            home_fid INTEGER, project_code TEXT, plot_code TEXT, kind TEXT NOT NULL,
            base_hash TEXT, home_hash TEXT NOT NULL, offline_hash TEXT NOT NULL,
            home_geom {blob}, home_attributes TEXT, offline_geom {blob}, offline_attributes TEXT,
            detected_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
            chosen TEXT CHECK (chosen IN ('home', 'offline')), resolved_by TEXT, resolved_at TEXT)""",
        f"""CREATE TABLE IF NOT EXISTS {name(PROJECT_CONFLICTS)} (
            id {serial}, package_id TEXT NOT NULL, project_code TEXT NOT NULL, field TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL, base_value TEXT, home_value TEXT, offline_value TEXT, detected_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
            chosen TEXT CHECK (chosen IN ('home', 'offline')), resolved_by TEXT, resolved_at TEXT)""",
    ]


PACKAGE_SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {BASE} (
        fid INTEGER PRIMARY KEY, project_code TEXT, plot_code TEXT, plot_hash TEXT NOT NULL,
        geom BLOB, attributes TEXT NOT NULL)""",
    f"CREATE TABLE IF NOT EXISTS {PROJECT_BASE} (project_code TEXT PRIMARY KEY, attributes TEXT NOT NULL)",
    f"""CREATE TABLE IF NOT EXISTS {REVIEW_BASE} (
        table_name TEXT NOT NULL, uuid TEXT NOT NULL, PRIMARY KEY (table_name, uuid))""",
    f"""CREATE TABLE IF NOT EXISTS {CONSTRAINTS} (
        name TEXT PRIMARY KEY, source TEXT NOT NULL, source_crs TEXT, features_clipped INTEGER NOT NULL,
        margin_m REAL NOT NULL)""",
]

# copy the version-1 plot log once (hash only: the versions it merged were not stored)
LEGACY_COPY = (f"INSERT INTO {MERGE_ROWS} (merge_id, package_id, kind, row_key, field, action, home_key, value_hash) "
               f"SELECT 0, package_id, '{PLOT}', CAST(offline_fid AS TEXT), '', action, CAST(home_fid AS TEXT), "
               f"offline_hash FROM {LEGACY_MERGE_LOG} ORDER BY id")  # nosec B608  # bookkeeping table names and the kind are code constants; no outside value in the SQL
