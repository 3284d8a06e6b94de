# SPDX-License-Identifier: GPL-2.0-or-later
"""Bring back, projects: merged field by field, for whatever columns the projects table has.

For each project and each column the package's value is compared with the value last merged from
this package (at first the value exported):

- unchanged in the package → nothing, whatever the office did since;
- changed in the package, unchanged in the office since → applied;
- changed the same way on both sides → nothing to do;
- changed differently on both sides → a conflict keeping both values; the office keeps its value;
- a status moving into or out of accepted / filed (the office's decision, with its deposit) is held
  as a conflict ``status_held``: the project's other changes are applied all the same.

A project created in the field is added (its status held if it comes as accepted / filed); one the
office deleted stays deleted unless the field changed it since (then a conflict keeps the field's
row).  A project deleted in the field is deleted in the office when the office has not changed it,
it is not accepted / filed and none of its plots is left; otherwise a conflict keeps both.
"""
from . import bookkeeping as bk
from .conflicts import (DELETED_HOME, DELETED_OFFLINE, EDITED_BOTH, STATUS_HELD, close_open_conflict,
                        record_project_conflict)
from .package import OFFICE_STATUSES
from .versions import ABSENT, to_json

STATUS = "status"
DEFAULT_STATUS = "planned"
UNKNOWN = object()   # a package from before the project base: what was exported is not known


class ProjectMerge:
    def __init__(self, home, package, log, result, merged_by):
        self.home, self.package, self.log, self.result, self.merged_by = home, package, log, result, merged_by
        self.columns = [c for c in home.project_columns() if c in package.project_columns]
        self.fields = [c for c in self.columns if c != "project_code"]
        self.pending_deletions = []

    def run(self):
        """Additions and field changes; deletions wait for ``finish()`` (after the plots are merged)."""
        home_rows = self.home.projects(self.columns)
        base = self.package.project_base
        # a project made in the field and merged before is the log's: the package may have deleted it since
        codes = sorted(set(base or {}) | set(self.package.projects) | self.log.logged_rows(bk.PROJECT))
        for code in codes:
            exported = (base or {}).get(code)
            offline, current = self.package.projects.get(code), home_rows.get(code)
            logged = self.log.latest(bk.PROJECT, code, bk.ROW_FIELD)
            if logged is not None:
                had_row = logged.field_value() is True
            else:
                had_row = exported is not None if base is not None else current is not None
            if offline is None and not had_row:
                continue
            if offline is not None and had_row:
                self._merge_fields(code, exported, offline, current)
            elif offline is not None:
                self._created_in_field(code, offline, current)
            else:
                self.pending_deletions.append((code, exported))

    def finish(self):
        for code, exported in self.pending_deletions:
            self._deleted_in_field(code, exported)

    # -- per field --------------------------------------------------------------------------------
    def _last(self, code, name, exported):
        logged = self.log.latest(bk.PROJECT, code, name)
        if logged is not None:
            return logged.field_value()
        if self.package.project_base is None:
            return UNKNOWN
        return exported.get(name, ABSENT) if exported is not None else ABSENT

    def _changed_fields(self, code, exported, offline):
        return [(name, self._last(code, name, exported)) for name in self.fields
                if offline[name] != self._last(code, name, exported)]

    def _merge_fields(self, code, exported, offline, current):
        changed = self._changed_fields(code, exported, offline)
        if not changed:
            return
        if current is None:     # deleted in the office, changed in the field since: the office decides
            conflict = record_project_conflict(self.home, self.package.package_id, code, bk.ROW_FIELD, DELETED_HOME,
                                               exported, None, offline)
            self.result.project_conflicts.append(conflict)
            for name, _last in changed:
                self.log.record(bk.PROJECT, code, name, "conflict", code, to_json(offline[name]))
            return
        updates = {}
        for name, last in changed:
            updates.update(self._merge_field(code, name, exported, last, offline[name], current[name]))
        self.home.update_project(code, updates)
        if updates:
            self.result.updated_projects.append(code)

    def _merge_field(self, code, name, exported, last, value, office):
        """One changed field; returns ``{name: value}`` when it is to be applied."""
        apply = {}
        if office == value:
            action = "same"
            self._close(code, name)
        elif office == last:
            if name == STATUS and (value in OFFICE_STATUSES or office in OFFICE_STATUSES):
                action = "held"
                self._conflict(code, name, STATUS_HELD, exported, office, value)
            else:
                action = "applied"
                apply[name] = value
                self._close(code, name)
        else:
            action = "conflict"
            self._conflict(code, name, EDITED_BOTH, exported, office, value)
        self.log.record(bk.PROJECT, code, name, action, code, to_json(value))
        return apply

    def _conflict(self, code, name, kind, exported, office, value):
        base = exported.get(name) if exported is not None else None
        self.result.project_conflicts.append(record_project_conflict(
            self.home, self.package.package_id, code, name, kind, base, office, value))

    def _close(self, code, name):
        close_open_conflict(self.home, bk.PROJECT_CONFLICTS, "package_id = ? AND project_code = ? AND field = ?",
                            (self.package.package_id, code, name), self.merged_by)

    # -- whole rows ---------------------------------------------------------------------------------
    def _created_in_field(self, code, offline, current):
        self.log.record(bk.PROJECT, code, bk.ROW_FIELD, "added", code, to_json(True))
        if current is not None:     # the office made a project of the same code meanwhile
            self._merge_fields_against(code, offline, current)
            return
        values = {name: offline[name] for name in self.columns}
        held = STATUS in values and values[STATUS] in OFFICE_STATUSES
        if held:
            values[STATUS] = DEFAULT_STATUS
        self.home.insert_project(values)
        self.result.added_projects.append(code)
        for name in self.fields:
            self.log.record(bk.PROJECT, code, name, "held" if held and name == STATUS else "added", code,
                            to_json(offline[name]))
        if held:
            self._conflict(code, STATUS, STATUS_HELD, None, DEFAULT_STATUS, offline[STATUS])

    def _merge_fields_against(self, code, offline, current):
        updates = {}
        for name in self.fields:
            last = self._last(code, name, None)
            if offline[name] != last:
                updates.update(self._merge_field(code, name, None, last, offline[name], current[name]))
        self.home.update_project(code, updates)
        if updates:
            self.result.updated_projects.append(code)

    def _deleted_in_field(self, code, exported):
        self.log.record(bk.PROJECT, code, bk.ROW_FIELD, "deleted", code, to_json(False))
        current = self.home.project(code, self.columns)
        if current is None:
            return
        untouched = all(current[name] == self._last(code, name, exported) for name in self.fields)
        if untouched and current.get(STATUS) not in OFFICE_STATUSES and not self.home.plot_count(code):
            self.home.delete_project(code)
            self.result.deleted_projects.append(code)
            return
        self.result.project_conflicts.append(record_project_conflict(
            self.home, self.package.package_id, code, bk.ROW_FIELD, DELETED_OFFLINE, exported, current, None))
