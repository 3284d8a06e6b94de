# SPDX-License-Identifier: GPL-2.0-or-later
"""Bring back: merge an offline package into the office database it was taken from, in one transaction.

Before anything is written the package is checked whole (``package.read_package``) and bound to
this database: its origin identity must be this database's and its id must be in this database's
record of exported packages (a copy of the same template is another database).

Plots are merged version by version against the version last merged from this package (at first
the version exported; ``merge_log``):

- unchanged in the package → nothing, whatever the office did since (a deletion stays deleted);
- changed in the package, unchanged in the office since → the package's version is applied
  (edited, deleted, or drawn in the field and added);
- the same on both sides → nothing to do;
- changed differently on both sides, or edited on one side and deleted on the other → a conflict
  keeping both versions; the office keeps its version until ``resolve_conflict()``.

Projects are merged field by field (``merge_projects``).  Review records (verdicts, photos, field
points) are added by uuid unless they were exported or merged before.  Every decision is logged
per package, row and field, so the same package again changes nothing and a package brought back
after more field work applies exactly the new field changes.
"""
from dataclasses import dataclass, field

from ...i18n import tr
from .. import review
from . import bookkeeping as bk
from .conflicts import close_open_conflict, record_plot_conflict
from .errors import OfflineError, report
from .home import open_home
from .merge_log import MergeLog, matches
from .merge_projects import ProjectMerge
from .package import read_package
from .versions import same_plot, to_json, version_hash


@dataclass
class MergeResult:
    package_id: str
    applied_edits: list = field(default_factory=list)       # plot codes updated from the package
    applied_deletions: list = field(default_factory=list)
    added_plots: list = field(default_factory=list)
    same_on_both_sides: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)           # plot Conflicts found (or refreshed) by this merge
    added_reviews: dict = field(default_factory=dict)       # table → rows added
    added_projects: list = field(default_factory=list)      # projects created in the field
    updated_projects: list = field(default_factory=list)    # projects with field changes applied
    deleted_projects: list = field(default_factory=list)    # deleted in the field, applied
    project_conflicts: list = field(default_factory=list)   # ProjectConflicts found (or refreshed)

    @property
    def changed_anything(self):
        return bool(self.applied_edits or self.applied_deletions or self.added_plots or self.conflicts
                    or self.added_projects or self.updated_projects or self.deleted_projects
                    or self.project_conflicts or any(self.added_reviews.values()))

    @property
    def differing_projects(self):
        """Projects with a conflict from this merge (the office keeps its values until it decides)."""
        return list(dict.fromkeys(c.project_code for c in self.project_conflicts))

    @property
    def differing_fields(self):
        fields = {}
        for conflict in self.project_conflicts:
            fields.setdefault(conflict.project_code, []).append(conflict.field or tr("(the whole project)"))
        return fields

    def differing_text(self):
        """``code (field, field), …`` of the projects with conflicts."""
        fields = self.differing_fields
        return ", ".join(f"{code} ({', '.join(fields[code])})" for code in self.differing_projects)

    def summary(self):
        return {"edits": len(self.applied_edits), "deletions": len(self.applied_deletions),
                "added_plots": len(self.added_plots), "same": len(self.same_on_both_sides),
                "conflicts": len(self.conflicts), "added_projects": len(self.added_projects),
                "updated_projects": len(self.updated_projects), "deleted_projects": len(self.deleted_projects),
                "project_conflicts": len(self.project_conflicts),
                "differing_projects": len(self.differing_projects), **self.added_reviews}


def merge_back(home, package_path, merged_by=None, feedback=None):
    """Merge an offline package into its office database (a GeoPackage path or a ``PgHomeSpec``) in one
    transaction; returns a MergeResult.  A refused package leaves the office database unchanged."""
    package_path = str(package_path)
    package = read_package(package_path)
    report(feedback, 5)
    home = open_home(home)
    try:
        with home.writing():
            check_identity(home, package)
            result = _Merge(home, package, merged_by, feedback).run()
            home.finish()
        return result
    finally:
        home.close()


def check_identity(home, package):
    """The package must come from this very database: same identity, and listed among its exports."""
    if package.origin_id != home.database_id:
        raise OfflineError(tr("{}: the package was taken from another project database ({}), not from {}",
                              package.path, package.meta.get("origin_path") or "?", home.label))
    row = home.q(f"SELECT database_id FROM {home.t(bk.EXPORTS)} WHERE package_id = ?",  # nosec B608  # bookkeeping table from code (home.t); values bound
                 (package.package_id,)).fetchone()
    if row is None or (row[0] is not None and row[0] != home.database_id):
        raise OfflineError(tr("{}: {} has no record of exporting this package ({}); it was taken from another "
                              "database (a copy of the same file?)", package.path, home.label, package.package_id))
    crs = package.meta.get("crs")
    if crs and home.crs() and crs != home.crs():
        raise OfflineError(tr("{}: the package is in {}, the project database in {}", package.path, crs, home.crs()))


class _Merge:
    def __init__(self, home, package, merged_by, feedback):
        self.home, self.package, self.merged_by, self.feedback = home, package, merged_by, feedback
        self.result = MergeResult(package.package_id)
        self.log = MergeLog(home, package.package_id, merged_by, package.path)

    def run(self):
        projects = ProjectMerge(self.home, self.package, self.log, self.result, self.merged_by)
        projects.run()
        report(self.feedback, 15)
        self._plots()
        projects.finish()
        report(self.feedback, 80)
        self._reviews()
        self.log.finish(self.result.summary())
        report(self.feedback, 100)
        return self.result

    # -- plots ----------------------------------------------------------------------------------
    def _plots(self):
        columns = [c for c in self.home.plot_columns() if c in self.package.plot_columns]
        base, plots = self.package.base, self.package.plots
        keys = sorted(set(base) | set(plots) | {int(k) for k in self.log.logged_rows(bk.PLOT)})
        for position, fid in enumerate(keys):
            self._plot(fid, base.get(fid), plots.get(fid), columns)
            if position % 200 == 0:
                report(self.feedback, 15 + int(60 * position / max(1, len(keys))))

    def _plot(self, fid, exported, offline, columns):
        logged = self.log.latest(bk.PLOT, fid)
        home_fid = fid if exported is not None else None     # exported plots keep their fid in the package
        last = exported
        if logged is not None:
            last = logged.plot_version()
            if logged.home_key is not None:
                home_fid = int(logged.home_key)
        if matches(offline, last, columns):
            return      # nothing new from the field since the export or the last merge
        current = self.home.plot(home_fid, columns)
        label = next((v.get("plot_code") for v in (offline, current, exported) if v is not None), None) or str(fid)
        conflict_where = ("package_id = ? AND offline_fid = ?", (self.package.package_id, fid))
        if same_plot(current, offline, columns):
            action = "same"
            self.result.same_on_both_sides.append(label)
            close_open_conflict(self.home, bk.PLOT_CONFLICTS, *conflict_where, self.merged_by)
        elif matches(current, last, columns):
            if offline is None:
                self.home.delete_plot(home_fid)
                action = "deleted"
                self.result.applied_deletions.append(label)
            elif current is None:
                home_fid = self.home.write_plot(home_fid, offline, columns, insert=True)
                action = "added"
                self.result.added_plots.append(label)
            else:
                self.home.write_plot(home_fid, offline, columns)
                action = "edited"
                self.result.applied_edits.append(label)
            close_open_conflict(self.home, bk.PLOT_CONFLICTS, *conflict_where, self.merged_by)
        else:
            action = "conflict"
            project_code = next((v.get("project_code") for v in (offline, current, exported) if v is not None), None)
            self.result.conflicts.append(record_plot_conflict(
                self.home, self.package.package_id, fid, home_fid, exported, current, offline, columns, label,
                project_code))
        self.log.record(bk.PLOT, fid, "", action, home_fid,
                        to_json(offline.attributes) if offline is not None else None,
                        offline.wkb if offline is not None else None, version_hash(offline))

    # -- review records ---------------------------------------------------------------------------
    def _reviews(self):
        for table in review.REVIEW_TABLES:
            columns = [c for c in self.package.review_columns.get(table, []) if c in self.home.columns(table)]
            exported = (self.package.review_base or {}).get(table, set())
            present = self.home.uuids(table)
            added = 0
            for row in self.package.review_rows.get(table, []):
                uuid = row["uuid"]
                if uuid in exported or self.log.latest(bk.REVIEW, uuid, table) is not None:
                    continue    # taken along from the office, or merged before: never added again
                if uuid in present:
                    self.log.record(bk.REVIEW, uuid, table, "same", uuid)
                    continue
                values = {name: row[name] for name in columns if name in row}
                if "content" in columns:
                    values["content"] = self.package.photo_content(uuid)
                self.home.insert(table, values)
                self.log.record(bk.REVIEW, uuid, table, "added", uuid)
                added += 1
            self.result.added_reviews[table] = added

