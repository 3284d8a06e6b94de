# SPDX-License-Identifier: GPL-2.0-or-later
"""Two-side clashes of a bring-back, kept in the office database until the office chooses a side.

A plot conflict (``dg_plot_conflicts``) keeps both whole versions, attributes and geometry; a
project conflict (``dg_project_conflicts``) keeps both values of one field (``status_held``: a
status moving into or out of accepted / filed, which only the office decides), or both rows when
one side deleted the project.  ``resolve_conflict()`` / ``resolve_project_conflict()`` apply the
chosen side in one transaction, after checking the office's version is still the one recorded;
both versions stay stored.  A later bring-back of the same row refreshes an open conflict in place.
"""
import json
from dataclasses import dataclass

from ...i18n import tr
from .. import review
from . import bookkeeping as bk
from .errors import OfflineError
from .home import open_home
from .versions import PlotVersion, to_json, version_hash

CHOICES = ("home", "offline")
EDITED_BOTH, STATUS_HELD, DELETED_HOME, DELETED_OFFLINE = "edited_both", "status_held", "deleted_home", "deleted_offline"


@dataclass
class Conflict:
    id: int
    package_id: str
    offline_fid: int
    home_fid: int
    project_code: str
    plot_code: str
    kind: str                 # edited_both, deleted_offline, deleted_home
    home_attributes: dict
    offline_attributes: dict
    home_geom: bytes          # normal WKB (a GeoPackage blob in conflicts of version 1)
    offline_geom: bytes
    status: str
    chosen: str = None
    resolved_by: str = None
    resolved_at: str = None


@dataclass
class ProjectConflict:
    id: int
    package_id: str
    project_code: str
    field: str                # '' for a whole row (deleted on one side)
    kind: str                 # edited_both, status_held, deleted_home, deleted_offline
    base_value: object
    home_value: object        # the office's value (a dict of the row for row conflicts; None: no row)
    offline_value: object
    status: str
    chosen: str = None
    resolved_by: str = None
    resolved_at: str = None


def _loads(text):
    return json.loads(text) if text is not None else None


def _blob(value):
    return bytes(value) if value is not None else None


def plot_conflict(row):
    return Conflict(row["id"], row["package_id"], row["offline_fid"], row["home_fid"], row["project_code"],
                    row["plot_code"], row["kind"], _loads(row["home_attributes"]), _loads(row["offline_attributes"]),
                    _blob(row["home_geom"]), _blob(row["offline_geom"]), row["status"], row["chosen"],
                    row["resolved_by"], row["resolved_at"])


def project_conflict(row):
    return ProjectConflict(row["id"], row["package_id"], row["project_code"], row["field"], row["kind"],
                           _loads(row["base_value"]), _loads(row["home_value"]), _loads(row["offline_value"]),
                           row["status"], row["chosen"], row["resolved_by"], row["resolved_at"])


# -- written by the merge ---------------------------------------------------------------------------

def record_plot_conflict(home, package_id, offline_fid, home_fid, base, current, offline, columns, label,
                         project_code):
    """Store (or refresh the open) conflict of one package plot; returns it."""
    kind = DELETED_OFFLINE if offline is None else DELETED_HOME if current is None else EDITED_BOTH
    values = {
        "home_fid": home_fid, "project_code": project_code, "plot_code": label, "kind": kind,
        "base_hash": version_hash(base, columns) if base is not None else None,
        "home_hash": version_hash(current, columns), "offline_hash": version_hash(offline, columns),
        "home_geom": current.wkb if current is not None else None,
        "home_attributes": to_json(_limited(current, columns)) if current is not None else None,
        "offline_geom": offline.wkb if offline is not None else None,
        "offline_attributes": to_json(_limited(offline, columns)) if offline is not None else None,
        "detected_at": review.now_utc()}
    t = home.t(bk.PLOT_CONFLICTS)
    row = home.q(f"SELECT id FROM {t} WHERE package_id = ? AND offline_fid = ? AND status = 'open'",  # nosec B608  # conflict table from code (home.t quotes it on PostGIS); values bound
                 (package_id, offline_fid)).fetchone()
    if row is not None:
        home.q(f"UPDATE {t} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?", list(values.values()) + [row[0]])  # nosec B608  # conflict tables from code (home.t quotes them on PostGIS), SET columns are the code's own keys; values bound
        conflict_id = row[0]
    else:
        conflict_id = home.insert(bk.PLOT_CONFLICTS, {"package_id": package_id, "offline_fid": offline_fid, **values})
    return plot_conflict(home.q(f"SELECT * FROM {t} WHERE id = ?", (conflict_id,)).fetchone())  # nosec B608  # conflict table from code (home.t quotes it on PostGIS); values bound


def record_project_conflict(home, package_id, code, field, kind, base_value, home_value, offline_value):
    """Store (or refresh the open) conflict of one project field (``field`` '' for the whole row)."""
    dump = (lambda value: None if value is None and not field else to_json(value))
    values = {"kind": kind, "base_value": dump(base_value), "home_value": dump(home_value),
              "offline_value": dump(offline_value), "detected_at": review.now_utc()}
    t = home.t(bk.PROJECT_CONFLICTS)
    row = home.q(f"SELECT id FROM {t} WHERE package_id = ? AND project_code = ? AND field = ? AND status = 'open'",  # nosec B608  # conflict table from code (home.t quotes it on PostGIS); values bound
                 (package_id, code, field)).fetchone()
    if row is not None:
        home.q(f"UPDATE {t} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?", list(values.values()) + [row[0]])  # nosec B608  # conflict tables from code (home.t quotes them on PostGIS), SET columns are the code's own keys; values bound
        conflict_id = row[0]
    else:
        conflict_id = home.insert(bk.PROJECT_CONFLICTS, {"package_id": package_id, "project_code": code,
                                                         "field": field, **values})
    return project_conflict(home.q(f"SELECT * FROM {t} WHERE id = ?", (conflict_id,)).fetchone())  # nosec B608  # conflict table from code (home.t quotes it on PostGIS); values bound


def close_open_conflict(home, table, where, params, merged_by):
    """A later bring-back settled the row (both sides agree, or the office took the field's value back):
    its open conflict is closed as the field's choice."""
    home.q(f"UPDATE {home.t(table)} SET status = 'resolved', chosen = 'offline', resolved_by = ?, resolved_at = ? "
           f"WHERE status = 'open' AND {where}", [merged_by or tr("bring back")] + [review.now_utc()] + list(params))  # nosec B608  # conflict table from code (home.t), WHERE clause written by the calling code with ? marks; values bound


def _limited(version, columns):
    return {name: version.attributes[name] for name in columns if name in version.attributes}


# -- listing ------------------------------------------------------------------------------------------

def conflicts(home, status=None):
    """Plot conflicts recorded in the office database (all, or only ``'open'`` / ``'resolved'``)."""
    return _listing(home, bk.PLOT_CONFLICTS, plot_conflict, status)


def project_conflicts(home, status=None):
    """Project conflicts recorded in the office database (all, or only ``'open'`` / ``'resolved'``)."""
    return _listing(home, bk.PROJECT_CONFLICTS, project_conflict, status)


def _listing(home, table, make, status):
    home = open_home(home)
    try:
        with home.reading():
            if not home.has_table(table):
                return []
            query = f"SELECT * FROM {home.t(table)}" + (" WHERE status = ?" if status else "") + " ORDER BY id"  # nosec B608  # conflict table from code (home.t quotes it on PostGIS); values bound
            return [make(row) for row in home.q(query, (status,) if status else ())]
    finally:
        home.close()


# -- resolving ---------------------------------------------------------------------------------------

def _check_choice(conflict_id, chosen, resolved_by):
    if chosen not in CHOICES:
        raise OfflineError(tr("conflict {}: choose 'home' or 'offline', not '{}'", conflict_id, chosen))
    if not (resolved_by or "").strip():
        raise OfflineError(tr("conflict {}: say who resolves it", conflict_id))


def _mark_resolved(home, table, conflict_id, chosen, resolved_by):
    home.q(f"UPDATE {home.t(table)} SET status = 'resolved', chosen = ?, resolved_by = ?, resolved_at = ? "
           f"WHERE id = ?", (chosen, resolved_by.strip(), review.now_utc(), conflict_id))  # nosec B608  # conflict tables from code (home.t quotes them on PostGIS), SET columns are the code's own keys; values bound


def _open_row(home, table, conflict_id, what):
    row = None
    if home.has_table(table):
        row = home.q(f"SELECT * FROM {home.t(table)} WHERE id = ?", (conflict_id,)).fetchone()  # nosec B608  # conflict table from code (home.t); the id bound
    if row is None:
        raise OfflineError(tr("{}: no conflict {}", home.label, conflict_id))
    if row["status"] != "open":
        raise OfflineError(tr("conflict {} ({}) was resolved already by {} ({})", conflict_id, what(row),
                              row["resolved_by"], tr("kept office version") if row["chosen"] == "home"
                              else tr("took field version")))
    return row


def resolve_conflict(home, conflict_id, chosen, resolved_by):
    """Apply the plot version the user chose (``'home'`` or ``'offline'``); both stay stored in the conflict."""
    _check_choice(conflict_id, chosen, resolved_by)
    home = open_home(home)
    try:
        with home.writing():
            row = _open_row(home, bk.PLOT_CONFLICTS, conflict_id, lambda r: tr("plot {}", r["plot_code"]))
            recorded = json.loads(row["home_attributes"] or row["offline_attributes"] or "{}")
            columns = [name for name in home.plot_columns() if name in recorded] or home.plot_columns()
            current = home.plot(row["home_fid"], columns)
            if version_hash(current, columns) != row["home_hash"]:
                raise OfflineError(tr("plot {} changed in the office after the merge found the conflict; save or "
                                      "undo that edit, then resolve again", row["plot_code"]))
            if chosen == "offline":
                if row["offline_geom"] is None and row["offline_attributes"] is None:
                    home.delete_plot(row["home_fid"])
                else:
                    from .gpkg import blob_normal_wkb, normal_wkb
                    geom = _blob(row["offline_geom"])
                    wkb = blob_normal_wkb(geom) if geom is not None and geom[:2] == b"GP" else normal_wkb(geom)
                    version = PlotVersion(json.loads(row["offline_attributes"]), wkb)
                    home.write_plot(row["home_fid"], version, columns, insert=current is None)
            _mark_resolved(home, bk.PLOT_CONFLICTS, conflict_id, chosen, resolved_by)
            home.finish()
            return plot_conflict(home.q(f"SELECT * FROM {home.t(bk.PLOT_CONFLICTS)} WHERE id = ?",  # nosec B608  # conflict table from code (home.t quotes it on PostGIS); values bound
                                        (conflict_id,)).fetchone())
    finally:
        home.close()


def resolve_project_conflict(home, conflict_id, chosen, resolved_by):
    """Apply the side the user chose of a project conflict; both values stay stored in the conflict."""
    _check_choice(conflict_id, chosen, resolved_by)
    home = open_home(home)
    try:
        with home.writing():
            row = _open_row(home, bk.PROJECT_CONFLICTS, conflict_id, lambda r: tr("project {}", r["project_code"]))
            conflict = project_conflict(row)
            if chosen == "offline":
                _apply_offline(home, conflict)
            _mark_resolved(home, bk.PROJECT_CONFLICTS, conflict_id, chosen, resolved_by)
            return project_conflict(home.q(f"SELECT * FROM {home.t(bk.PROJECT_CONFLICTS)} WHERE id = ?",  # nosec B608  # conflict table from code (home.t quotes it on PostGIS); values bound
                                           (conflict_id,)).fetchone())
    finally:
        home.close()


def _apply_offline(home, conflict):
    code = conflict.project_code
    columns = home.project_columns()
    current = home.project(code, columns)
    changed = tr("project {} changed in the office after the merge found the conflict; look at it again, then "
                 "resolve", code)
    if conflict.field:
        if current is None:
            raise OfflineError(tr("project {} is no longer in the office database", code))
        if conflict.field not in current:
            raise OfflineError(tr("project {}: the projects table has no field {}", code, conflict.field))
        if current[conflict.field] != conflict.home_value:
            raise OfflineError(changed)
        home.update_project(code, {conflict.field: conflict.offline_value})
    elif conflict.kind == DELETED_HOME:
        if current is not None:
            raise OfflineError(changed)
        home.insert_project({name: value for name, value in conflict.offline_value.items() if name in columns})
    else:   # deleted in the field: the office deletes it too, if nothing refers to it any more
        if current is None or any(current.get(name) != value for name, value in conflict.home_value.items()
                                  if name in current):
            raise OfflineError(changed)
        plots = home.plot_count(code)
        if plots:
            raise OfflineError(tr("project {} still has {} plots in the office; delete or move them first", code,
                                  plots))
        home.delete_project(code)

