# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:bringback``: merge an offline package into its project database."""
from qgis.core import (QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterFile, QgsProcessingParameterString)

from ...core import offline, review
from ...i18n import tr
from ._offline_home import _OfflineAlgorithm

OUTPUTS = ("EDITS", "DELETIONS", "ADDED_PLOTS", "SAME", "CONFLICTS", "REVIEWS", "PHOTOS", "FIELD_POINTS",
           "ADDED_PROJECTS", "UPDATED_PROJECTS", "DELETED_PROJECTS", "PROJECT_CONFLICTS")


class BringBackAlgorithm(_OfflineAlgorithm):
    PACKAGE, MERGED_BY = "PACKAGE", "MERGED_BY"

    def name(self):
        return "bringback"

    def displayName(self):  # noqa: N802
        return tr("Bring back an offline package")

    def shortHelpString(self):  # noqa: N802
        return tr("Merges an offline package into the project database (GeoPackage or PostGIS) it was taken from. "
                  "Plots changed only in the field are applied; project details are merged field by field; "
                  "what changed on both sides becomes a conflict that keeps both versions (decide them in the "
                  "review dock's Conflicts tab); a status moving into or out of accepted / filed waits for the "
                  "office; review records are added. The package is checked first: a damaged or foreign "
                  "package is refused and nothing is written. Merging the same package again changes nothing.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_home_parameters()
        self.addParameter(QgsProcessingParameterFile(self.PACKAGE, tr("Offline package"), extension="gpkg"))
        self.addParameter(QgsProcessingParameterString(self.MERGED_BY, tr("Merged by"), optional=True))
        for name in OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(name, name.replace("_", " ").lower()))

    def flags(self):
        # the merge writes the database directly: never while QGIS holds unsaved edits of it in another thread
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        home = self.home(parameters, context)
        package = self.parameterAsFile(parameters, self.PACKAGE, context)
        merged_by = self.parameterAsString(parameters, self.MERGED_BY, context) or None
        try:
            result = offline.merge_back(home, package, merged_by, feedback)
        except offline.OfflineError as exc:
            raise QgsProcessingException(str(exc)) from exc
        for conflict in result.conflicts:
            feedback.reportError(tr("Conflict on plot {} ({}): both versions kept, choose one in the review dock",
                                    conflict.plot_code, conflict.kind))
        if result.updated_projects:
            feedback.pushInfo(tr("Project details edited in the field applied: {}.", ", ".join(result.updated_projects)))
        if result.differing_projects:
            feedback.reportError(tr("Project details to decide in the office (both values kept): {}.",
                                    result.differing_text()))
        summary = result.summary()
        return {"EDITS": summary["edits"], "DELETIONS": summary["deletions"],
                "ADDED_PLOTS": summary["added_plots"], "SAME": summary["same"], "CONFLICTS": summary["conflicts"],
                "REVIEWS": summary[review.REVIEWS_TABLE], "PHOTOS": summary[review.PHOTOS_TABLE],
                "FIELD_POINTS": summary[review.POINTS_TABLE], "ADDED_PROJECTS": summary["added_projects"],
                "UPDATED_PROJECTS": summary["updated_projects"], "DELETED_PROJECTS": summary["deleted_projects"],
                "PROJECT_CONFLICTS": summary["project_conflicts"]}
