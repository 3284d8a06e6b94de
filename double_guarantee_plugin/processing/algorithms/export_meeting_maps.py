# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:exportmeetingmaps``: meeting sheets (map, credit and check tables) of projects to PDF/PNG."""
import re

from qgis.core import (QgsProcessing, QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterBoolean,
                       QgsProcessingParameterEnum, QgsProcessingParameterFile,
                       QgsProcessingParameterFolderDestination, QgsProcessingParameterMapLayer,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer)

from ...core.project_profile import current_profile
from ...core.reports import ReportError
from ...core.reports.export import FORMATS, MeetingMapJob, export_meeting_maps
from ...core.reports.layout import DEFAULT_TEMPLATE, TEMPLATES
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm

TEMPLATE_NAMES = list(TEMPLATES)


def split_codes(text):
    """Project codes from 'A, B;C' (commas, semicolons or white space); empty means every project."""
    return [code for code in re.split(r"[,;\s]+", text or "") if code]


class ExportMeetingMapsAlgorithm(DoubleGuaranteeAlgorithm):
    GROUP_ID = "reports"
    PLOTS, PROJECTS, TEMPLATE, TEMPLATE_FILE = "PLOTS", "PROJECTS", "TEMPLATE", "TEMPLATE_FILE"
    BASIC_FARMLAND, RED_LINE, SLOPE, BASEMAP = "BASIC_FARMLAND", "RED_LINE", "SLOPE", "BASEMAP"
    LAND_SURVEY = "LAND_SURVEY"
    FORMAT, COMBINED, FONT, PRODUCER, OUTPUT_FOLDER = "FORMAT", "COMBINED", "FONT", "PRODUCER", "OUTPUT_FOLDER"

    def name(self):
        return "exportmeetingmaps"

    def displayName(self):  # noqa: N802
        return tr("Export meeting maps")

    def flags(self):
        # layouts, fonts and PDF painting stay on the main thread
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def shortHelpString(self):  # noqa: N802
        return tr("Writes one map sheet per project: the project's plots by kind (paddy hatched), overlaps with "
                  "basic farmland and the ecological red line in red, legend, scale, north arrow, the credit "
                  "table (mu and ha) and the constraint-check table (not checked is shown as such). "
                  "PROJECTS takes codes separated by commas; empty means every project. A project without "
                  "plots is reported, not exported as an empty page.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(self.PLOTS, tr("Plots"),
                                                            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString(self.PROJECTS, tr("Project codes (empty: all)"),
                                                       defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.TEMPLATE, tr("Template"), TEMPLATE_NAMES,
                                                     defaultValue=TEMPLATE_NAMES.index(DEFAULT_TEMPLATE)))
        self.addParameter(QgsProcessingParameterFile(self.TEMPLATE_FILE, tr("Own template (.qpt), overrides Template"),
                                                     extension="qpt", optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.BASIC_FARMLAND, tr("Basic farmland"),
                                                            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.RED_LINE, tr("Ecological red line"),
                                                            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.SLOPE, tr("Slope polygons (slope_deg)"),
                                                            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.LAND_SURVEY, tr("Land survey DLTB (optional: 田坎 KCXS, grade before, class before)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterMapLayer(self.BASEMAP, tr("Basemap layer"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.FORMAT, tr("Format"), list(FORMATS), defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(self.COMBINED, tr("Also one combined PDF of all projects"),
                                                        defaultValue=False))
        self.addParameter(QgsProcessingParameterString(self.FONT, tr("Font (empty: the configured CJK font)"),
                                                       defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(self.PRODUCER, tr("Producer"), defaultValue="",
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written (separated by ;)")))
        self.addOutput(QgsProcessingOutputNumber("EXPORTED", tr("Projects exported")))
        self.addOutput(QgsProcessingOutputString("PROBLEMS", tr("Projects not exported, with the reason")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        plots = self.parameterAsVectorLayer(parameters, self.PLOTS, context)
        if plots is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.PLOTS))
        template = self.parameterAsFile(parameters, self.TEMPLATE_FILE, context) or \
            TEMPLATE_NAMES[self.parameterAsEnum(parameters, self.TEMPLATE, context)]
        fmt = FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)]
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        job = MeetingMapJob(
            plots, folder, split_codes(self.parameterAsString(parameters, self.PROJECTS, context)) or None,
            template=template,
            basic_farmland=self.parameterAsVectorLayer(parameters, self.BASIC_FARMLAND, context),
            red_line=self.parameterAsVectorLayer(parameters, self.RED_LINE, context),
            slope=self.parameterAsVectorLayer(parameters, self.SLOPE, context),
            basemap=self.parameterAsLayer(parameters, self.BASEMAP, context),
            fmt=fmt,
            combined_pdf="meeting_maps_all.pdf" if self.parameterAsBoolean(parameters, self.COMBINED, context) else "",
            font_family=self.parameterAsString(parameters, self.FONT, context) or None,
            producer=self.parameterAsString(parameters, self.PRODUCER, context) or None,
            profile=current_profile(context.project()))
        survey = self.parameterAsVectorLayer(parameters, self.LAND_SURVEY, context)
        if survey is not None:
            # the survey's KCXS and grades feed the sheet's 田坎 and grade before, as in the dock
            from ...core.constraints import ConstraintSet
            from ..standard_defaults import field_of
            job.constraint_set = ConstraintSet.from_layers(
                basic_farmland=job.basic_farmland, red_line=job.red_line, slope=job.slope,
                land_survey=survey, survey_class_field=field_of(survey, "dlbm", "class_code"))
        try:
            result = export_meeting_maps(job, feedback)
        except ReportError as exc:
            raise QgsProcessingException(str(exc)) from exc
        for code, message in result.problems.items():
            feedback.reportError(tr("{}: not exported: {}", code, message), False)
        if not result.reports and result.problems:
            raise QgsProcessingException(tr("No project was exported: {}", "; ".join(result.problems.values())))
        for path in result.files:
            feedback.pushInfo(path)
        return {self.OUTPUT_FOLDER: folder, "FILES": ";".join(result.files), "EXPORTED": len(result.reports),
                "PROBLEMS": "; ".join(f"{code}: {message}" for code, message in result.problems.items())}
