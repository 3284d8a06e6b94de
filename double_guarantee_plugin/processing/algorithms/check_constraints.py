# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:checkconstraints``: checks plots against basic farmland, the red line, slope and other layers."""
from qgis.core import (QgsFeature, QgsFeatureRequest, QgsFeatureSink, QgsField, QgsFields, QgsProcessing,
                       QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterMapLayer,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer, QgsVectorLayer,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from ...core import constraints
from ...core.constraints.rules import SEVERITIES
from ...core.layer_credits import PlotFields
from ...core.standard_layers.schema import load_schema
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm
from ..standard_defaults import field_of, preset_field, preset_layer, recognised_layers

OUTPUT_FIELDS = [("bf_overlap_m2", QVariant.Double), ("rl_overlap_m2", QVariant.Double),
                 ("slope_overlap_m2", QVariant.Double), ("excluded_m2", QVariant.Double),
                 ("check_status", QVariant.String), ("check_message", QVariant.String),
                 ("project_status", QVariant.String)]


class CheckConstraintsAlgorithm(DoubleGuaranteeAlgorithm):
    GROUP_ID = "credits"
    INPUT, BASIC_FARMLAND, RED_LINE = "INPUT", "BASIC_FARMLAND", "RED_LINE"
    SLOPE, SLOPE_FIELD, MAX_SLOPE = "SLOPE", "SLOPE_FIELD", "MAX_SLOPE"
    OTHER_LAYERS, OTHER_SEVERITY = "OTHER_LAYERS", "OTHER_SEVERITY"
    LAND_SURVEY, SURVEY_CLASS_FIELD = "LAND_SURVEY", "SURVEY_CLASS_FIELD"
    RULE_PROFILE, OUTPUT = "RULE_PROFILE", "OUTPUT"
    DEVELOPMENT_BOUNDARY = "DEVELOPMENT_BOUNDARY"

    def name(self):
        return "checkconstraints"

    def displayName(self):  # noqa: N802
        return tr("Check plots against constraint layers")

    def shortHelpString(self):  # noqa: N802
        return tr("Checks every plot against basic farmland, the ecological red line, slope (a polygon layer with "
                  "a slope field, or a DEM raster), an optional land-survey layer and other layers. Overlaps are "
                  "ellipsoidal areas on CGCS2000, overlapping constraint features counted once. check_status is "
                  "ok, warning, blocking or not_checked (a constraint layer that is empty or has no CRS is never "
                  "reported as ok). New-farmland overlap with basic farmland goes to excluded_m2. The dialog starts "
                  "with the standard layers recognised in the project by their field codes (DLTB, YJJBNTTB, "
                  "STBHHX, CZKFBJ); messages name conflicting features by their standard ids. Without a slope "
                  "layer, 耕地坡度级别 (GDPDJB) of the plot or the survey checks new farmland; unstable farmland "
                  "(TBXHDM, WDGD) is a warning.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygons = [QgsProcessing.SourceType.TypeVectorPolygon]
        found = recognised_layers()
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Plots"), polygons))
        self.addParameter(preset_layer(QgsProcessingParameterVectorLayer(
            self.BASIC_FARMLAND, tr("Basic farmland"), polygons), found.get("basic_farmland")))
        self.addParameter(preset_layer(QgsProcessingParameterVectorLayer(
            self.RED_LINE, tr("Ecological red line"), polygons), found.get("red_line")))
        self.addParameter(preset_layer(QgsProcessingParameterMapLayer(
            self.SLOPE, tr("Slope (polygons with a slope field, or a DEM raster)"), optional=True,
            types=[QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeRaster]), found.get("slope")))
        self.addParameter(preset_field(QgsProcessingParameterString(
            self.SLOPE_FIELD, tr("Slope field (degrees)"), defaultValue="slope_deg", optional=True),
            found.get("slope"), "slope_deg"))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_SLOPE, tr("Maximum slope for new farmland (°)"),
                                                       QgsProcessingParameterNumber.Type.Double, 25.0, minValue=0,
                                                       maxValue=90))
        self.addParameter(QgsProcessingParameterMultipleLayers(self.OTHER_LAYERS, tr("Other constraint layers"),
                                                               QgsProcessing.SourceType.TypeVectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.OTHER_SEVERITY, tr("Severity of the other layers"),
                                                     list(SEVERITIES), defaultValue=1))
        self.addParameter(preset_layer(QgsProcessingParameterVectorLayer(
            self.LAND_SURVEY, tr("Land survey (class before)"), polygons, optional=True), found.get("land_survey")))
        self.addParameter(preset_field(QgsProcessingParameterString(
            self.SURVEY_CLASS_FIELD, tr("Land-survey class field"), defaultValue="dlbm", optional=True),
            found.get("land_survey"), "class_code"))
        self.addParameter(preset_layer(QgsProcessingParameterVectorLayer(
            self.DEVELOPMENT_BOUNDARY, tr("Urban development boundary CZKFBJ (optional: new farmland inside it)"),
            polygons, optional=True), found.get("development_boundary")))
        self.add_rule_profile_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Checked plots"),
                                                            QgsProcessing.SourceType.TypeVectorPolygon))
        for status in (constraints.STATUS_OK, constraints.STATUS_WARNING, constraints.STATUS_BLOCKING,
                       constraints.STATUS_NOT_CHECKED):
            self.addOutput(QgsProcessingOutputNumber(f"{status.upper()}_COUNT", tr("Plots: {}", status)))

    def _constraint_set(self, parameters, context):
        basic_farmland = self.parameterAsVectorLayer(parameters, self.BASIC_FARMLAND, context)
        red_line = self.parameterAsVectorLayer(parameters, self.RED_LINE, context)
        slope = self.parameterAsLayer(parameters, self.SLOPE, context)
        slope_field = self.parameterAsString(parameters, self.SLOPE_FIELD, context) or "slope_deg"
        if isinstance(slope, QgsVectorLayer):
            slope_field = field_of(slope, slope_field, "slope_deg")
        max_slope = self.parameterAsDouble(parameters, self.MAX_SLOPE, context)
        severity = SEVERITIES[self.parameterAsEnum(parameters, self.OTHER_SEVERITY, context)]
        others = self.parameterAsLayerList(parameters, self.OTHER_LAYERS, context) or []
        survey = self.parameterAsVectorLayer(parameters, self.LAND_SURVEY, context)
        survey_field = field_of(survey, self.parameterAsString(parameters, self.SURVEY_CLASS_FIELD, context) or "dlbm",
                                "class_code")
        extra = [(layer, severity) for layer in others]
        boundary = self.parameterAsVectorLayer(parameters, self.DEVELOPMENT_BOUNDARY, context)
        if boundary is not None:
            profile = self.rule_profile(parameters, context)
            extra.append((boundary, profile.check_severity("development_boundary"),
                          load_schema().checks.applies_to.get("development_boundary") or ("new_farmland",)))
        return constraints.ConstraintSet.from_layers(
            basic_farmland=basic_farmland, red_line=red_line, slope=slope, slope_field=slope_field,
            extra=extra, land_survey=survey, survey_class_field=survey_field, max_slope_deg=max_slope)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        # an invalid plot is reported (blocking, with its location), never dropped or fatal
        context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        source = self.source(parameters, self.INPUT, context)
        profile = self.rule_profile(parameters, context)
        mapping = PlotFields()
        missing = [name for name in (mapping.project_code, mapping.class_before, mapping.class_after)
                   if source.fields().indexOf(name) < 0]
        if missing:
            raise QgsProcessingException(tr("The plot layer lacks the fields {}", ", ".join(missing)))
        fields = QgsFields(source.fields())
        for name, kind in OUTPUT_FIELDS:
            if fields.indexOf(name) >= 0:
                raise QgsProcessingException(tr("The plot layer already has a field '{}'; rename it first", name))
            fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.multiType(source.wkbType()), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        constraint_set = self._constraint_set(parameters, context)
        engine = constraints.ConstraintEngine(constraint_set, profile, project=context.project(),
                                              transform_context=context.transformContext())
        try:
            for entry in constraint_set.layers:
                feedback.pushInfo(tr("{}: {} ({})", constraints.role_label(entry.role), entry.name, entry.severity))
            results = engine.check_plots(source, feedback=feedback)
        finally:
            engine.close()
        if feedback.isCanceled():
            return {self.OUTPUT: sink_id}
        by_fid, project_status = {}, {}
        for code, project in results.items():
            project_status[code] = project.status
            for plot in project.plots:
                by_fid[plot.plot_fid] = plot
        counts = dict.fromkeys((constraints.STATUS_OK, constraints.STATUS_WARNING, constraints.STATUS_BLOCKING,
                                constraints.STATUS_NOT_CHECKED), 0)
        for feature in source.getFeatures():
            if feedback.isCanceled():
                break
            check = by_fid.get(feature.id())
            if check is None:
                continue
            counts[check.status] = counts.get(check.status, 0) + 1
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(list(feature.attributes()) + [
                check.bf_overlap_m2, check.rl_overlap_m2, check.slope_overlap_m2, check.excluded_m2, check.status,
                check.message, project_status.get(check.project_code, "")])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        for code, project in results.items():
            if project.status != constraints.STATUS_OK:
                feedback.pushInfo(f"{code}: {constraints.status_label(project.status)}: "
                                  f"{project.messages[0] if project.messages else ''}")
        outputs = {self.OUTPUT: sink_id}
        outputs.update({f"{status.upper()}_COUNT": count for status, count in counts.items()})
        return outputs
