# SPDX-License-Identifier: GPL-2.0-or-later
"""Take projects offline to a laptop as one GeoPackage, and bring the package back without losing a decision.

``export_offline()`` (module ``export``) writes an *offline package* of chosen projects from a
GeoPackage or PostGIS project database; ``merge_back()`` (``merge``) brings it back: plots version by
version, projects field by field (``merge_projects``), review records by uuid, every decision logged
per package, row and field (``merge_log``), two-side clashes kept with both versions until the office
chooses (``conflicts``).  A package is checked whole before anything is written (``package``) and is
bound to its database by an identity and the record of exported packages (``identity``).  The office
side is a ``home.Home`` (``GpkgHome`` / ``home_pg.PgHome``); the package is always a GeoPackage
(``gpkg``).  Constraint layers are clipped into the package by ``clip``.
"""
from .bookkeeping import (BASE as BASE_TABLE, EXPORTS as EXPORTS_TABLE, MERGE_ROWS as MERGE_LOG_TABLE,
                          PLOT_CONFLICTS as CONFLICTS_TABLE, PROJECT_BASE as PROJECT_BASE_TABLE,
                          PROJECT_CONFLICTS as PROJECT_CONFLICTS_TABLE)
from .clip import parse_source
from .conflicts import (Conflict, ProjectConflict, conflicts, project_conflicts, resolve_conflict,
                        resolve_project_conflict)
from .errors import OfflineCancelled, OfflineError
from .export import DEFAULT_CONSTRAINTS, DEFAULT_MARGIN_M, ExportResult, export_offline
from .gpkg import connect, geometry_from_blob, geometry_wkb, refresh_extent
from .home import GpkgHome, PgHomeSpec, crs_of, open_home, projects_of
from .identity import copy_project_database
from .merge import MergeResult, merge_back
from .package import OFFICE_STATUSES, package_info, read_package

__all__ = [
    "BASE_TABLE", "CONFLICTS_TABLE", "EXPORTS_TABLE", "MERGE_LOG_TABLE", "PROJECT_BASE_TABLE",
    "PROJECT_CONFLICTS_TABLE", "DEFAULT_CONSTRAINTS", "DEFAULT_MARGIN_M", "OFFICE_STATUSES", "Conflict",
    "ExportResult", "GpkgHome", "MergeResult", "OfflineCancelled", "OfflineError", "PgHomeSpec",
    "ProjectConflict", "conflicts", "connect", "copy_project_database", "crs_of", "export_offline",
    "geometry_from_blob", "geometry_wkb", "merge_back", "open_home", "package_info", "parse_source",
    "project_conflicts", "projects_of", "read_package", "refresh_extent", "resolve_conflict",
    "resolve_project_conflict",
]
