# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:bringback``: merge an offline package into its project database."""
from qgis.core import (QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterFile, QgsProcessingParameterString)

from ...core import offline, review
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm

OUTPUTS = ("EDITS", "DELETIONS", "ADDED_PLOTS", "SAME", "CONFLICTS", "REVIEWS", "PHOTOS", "FIELD_POINTS",
           "ADDED_PROJECTS")


class BringBackAlgorithm(DoubleGuaranteeAlgorithm):
    GROUP_ID = "review"
    DATABASE, PACKAGE, MERGED_BY = "DATABASE", "PACKAGE", "MERGED_BY"

    def name(self):
        return "bringback"

    def displayName(self):  # noqa: N802
        return tr("Bring back an offline package")

    def shortHelpString(self):  # noqa: N802
        return tr("Merges an offline package into the project database it was taken from. Plots changed only in "
                  "the field are applied, plots changed on both sides become conflicts that keep both versions "
                  "(decide them in the review dock's 'Bring back' dialog), review records are added. Merging "
                  "the same package again changes nothing.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(self.DATABASE, tr("Project database"), extension="gpkg"))
        self.addParameter(QgsProcessingParameterFile(self.PACKAGE, tr("Offline package"), extension="gpkg"))
        self.addParameter(QgsProcessingParameterString(self.MERGED_BY, tr("Merged by"), optional=True))
        for name in OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(name, name.replace("_", " ").lower()))

    def flags(self):
        # the merge writes the database directly: never while QGIS holds unsaved edits of it in another thread
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.parameterAsFile(parameters, self.DATABASE, context)
        package = self.parameterAsFile(parameters, self.PACKAGE, context)
        merged_by = self.parameterAsString(parameters, self.MERGED_BY, context) or None
        try:
            result = offline.merge_back(database, package, merged_by, feedback)
        except offline.OfflineError as exc:
            raise QgsProcessingException(str(exc)) from exc
        for conflict in result.conflicts:
            feedback.reportError(tr("Conflict on plot {} ({}): both versions kept, choose one in the review dock",
                                    conflict.plot_code, conflict.kind))
        if result.updated_projects:
            feedback.pushInfo(tr("Project details edited in the field applied: {}.", ", ".join(result.updated_projects)))
        if result.differing_projects:
            feedback.reportError(tr("Project details differ in the field (not merged, check them): {}.",
                                    result.differing_text()))
        summary = result.summary()
        return {"EDITS": summary["edits"], "DELETIONS": summary["deletions"],
                "ADDED_PLOTS": summary["added_plots"], "SAME": summary["same"], "CONFLICTS": summary["conflicts"],
                "REVIEWS": summary[review.REVIEWS_TABLE], "PHOTOS": summary[review.PHOTOS_TABLE],
                "FIELD_POINTS": summary[review.POINTS_TABLE], "ADDED_PROJECTS": summary["added_projects"]}
