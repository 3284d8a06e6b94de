# SPDX-License-Identifier: GPL-2.0-or-later
"""The merge log of one package in the office database: what each bring-back took from it, per row and field.

``latest(kind, row_key, field)`` is the package's version of that row (or field) as last merged,
which the next bring-back compares the package with: unchanged means nothing new from the field,
whatever the office did since.  ``record()`` adds a log row; the first one of a bring-back also
writes its ``dg_offline_merges`` row, so a bring-back that changes nothing writes nothing.
"""
import json
from dataclasses import dataclass

from .. import review
from . import bookkeeping as bk
from .versions import ABSENT, DELETED, PlotVersion, same_plot, version_hash


@dataclass(frozen=True)
class Logged:
    action: str
    home_key: str
    value: str        # JSON text (plots: attributes; projects: the field's value) or None
    geom: bytes
    value_hash: str   # plots: the version's hash (the only thing a version-1 log kept)

    def plot_version(self):
        """The plot version merged: a PlotVersion, None (deleted in the field) or, for a version-1 log
        row, its hash (str)."""
        if self.value is not None:
            return PlotVersion(json.loads(self.value), bytes(self.geom) if self.geom is not None else None)
        if self.value_hash in (None, DELETED):
            return None
        return self.value_hash

    def field_value(self):
        return json.loads(self.value) if self.value is not None else ABSENT


def matches(version, reference, columns):
    """Is plot ``version`` the one merged (``reference``: PlotVersion, None, or a version-1 hash)?"""
    if isinstance(reference, str):
        return version is not None and version_hash(version, columns) == reference
    return same_plot(version, reference, columns)


class MergeLog:
    def __init__(self, home, package_id, merged_by, package_path):
        self.home, self.package_id = home, package_id
        self.merged_by, self.package_path = merged_by, package_path
        self.merge_id = None
        self.entries = {}
        t = home.t(bk.MERGE_ROWS)
        for row in home.q(f"SELECT kind, row_key, field, action, home_key, value, geom, value_hash FROM {t} "
                          f"WHERE package_id = ? ORDER BY id", (package_id,)):  # nosec B608  # bookkeeping table from code (home.t); values bound
            self.entries[(row["kind"], row["row_key"], row["field"])] = Logged(
                row["action"], row["home_key"], row["value"],
                bytes(row["geom"]) if row["geom"] is not None else None, row["value_hash"])

    def latest(self, kind, row_key, field=""):
        return self.entries.get((kind, str(row_key), field))

    def logged_rows(self, kind):
        return {key[1] for key in self.entries if key[0] == kind}

    def record(self, kind, row_key, field, action, home_key=None, value=None, geom=None, value_hash=None):
        if self.merge_id is None:
            self.merge_id = self.home.insert(bk.MERGES, {
                "package_id": self.package_id, "merged_at": review.now_utc(), "merged_by": self.merged_by,
                "package_path": self.package_path})
        entry = Logged(action, None if home_key is None else str(home_key), value, geom, value_hash)
        self.home.insert(bk.MERGE_ROWS, {
            "merge_id": self.merge_id, "package_id": self.package_id, "kind": kind, "row_key": str(row_key),
            "field": field, "action": action, "home_key": entry.home_key, "value": value, "geom": geom,
            "value_hash": value_hash})
        self.entries[(kind, str(row_key), field)] = entry

    def finish(self, summary):
        if self.merge_id is not None:
            self.home.q(f"UPDATE {self.home.t(bk.MERGES)} SET summary = ? WHERE id = ?",  # nosec B608  # bookkeeping table from code (home.t); values bound
                        (json.dumps(summary, sort_keys=True), self.merge_id))
