# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:computecredits``: per-plot and per-project credits of a plot layer."""
from collections import Counter

from qgis.core import (QgsFeature, QgsFeatureRequest, QgsFeatureSink, QgsField, QgsFields, QgsProcessing,
                       QgsProcessingException, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from ...core.layer_credits import PlotFields, compute_layer_credits
from ...core.units import mu_to_ha
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm
from ..standard_defaults import field_of, preset_field, preset_layer, recognised_layers

# parameter, PlotFields attribute; left empty, a field parameter means the default name
FIELD_PARAMETERS = [
    ("PROJECT_CODE_FIELD", "project_code"),
    ("PLOT_CODE_FIELD", "plot_code"),
    ("CLASS_BEFORE_FIELD", "class_before"),
    ("CLASS_AFTER_FIELD", "class_after"),
    ("GRADE_SYSTEM_FIELD", "grade_system"),
    ("GRADE_BEFORE_FIELD", "grade_before"),
    ("GRADE_AFTER_FIELD", "grade_after"),
]
PLOT_OUTPUT_FIELDS = [("area_m2", QVariant.Double), ("area_mu", QVariant.Double), ("plot_kind", QVariant.String),
                      ("credit_area_mu", QVariant.Double), ("credit_capacity_kg", QVariant.Double),
                      ("credit_paddy_mu", QVariant.Double), ("reason", QVariant.String),
                      # the grade system the plot was credited under, and whether the plot stated it
                      # ('plot') or the rule profile's default applied ('profile_default')
                      ("grade_system_used", QVariant.String), ("grade_system_source", QVariant.String),
                      # issue 15: gross (area_m2), 田坎 and net side by side; credits are on the net area
                      ("tiankan_m2", QVariant.Double), ("net_area_m2", QVariant.Double),
                      ("net_area_mu", QVariant.Double), ("tiankan_kcxs", QVariant.Double),
                      ("tiankan_source", QVariant.String),
                      ("credit_grade_before", QVariant.Double), ("credit_grade_after", QVariant.Int),
                      ("grade_before_source", QVariant.String)]
PROJECT_OUTPUT_FIELDS = [("project_code", QVariant.String), ("plot_count", QVariant.Int),
                         ("refused_count", QVariant.Int), ("area_mu", QVariant.Double),
                         ("area_ha", QVariant.Double), ("tiankan_mu", QVariant.Double),
                         ("net_area_mu", QVariant.Double), ("new_farmland_mu", QVariant.Double),
                         ("upgrading_mu", QVariant.Double), ("credit_area_mu", QVariant.Double),
                         ("credit_capacity_kg", QVariant.Double), ("credit_paddy_mu", QVariant.Double),
                         ("grade_before_mean", QVariant.Double), ("grade_after_mean", QVariant.Double),
                         ("grade_uplift", QVariant.Double)]


def _fields(spec):
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


class ComputeCreditsAlgorithm(DoubleGuaranteeAlgorithm):
    GROUP_ID = "credits"
    INPUT, RULE_PROFILE, OUTPUT, PROJECT_OUTPUT = "INPUT", "RULE_PROFILE", "OUTPUT", "PROJECT_OUTPUT"
    BASIC_FARMLAND, RED_LINE, SLOPE, SLOPE_FIELD = "BASIC_FARMLAND", "RED_LINE", "SLOPE", "SLOPE_FIELD"
    LAND_SURVEY = "LAND_SURVEY"

    def name(self):
        return "computecredits"

    def displayName(self):  # noqa: N802
        return tr("Compute supplementary-farmland credits")

    def shortHelpString(self):  # noqa: N802
        return tr("Classifies each plot as new farmland, upgrading or not creditable and computes its area, "
                  "grain-capacity and paddy credits from its ellipsoidal area on CGCS2000 and the rule "
                  "profile's yield table. Plots with bad input get a reason and zero credit. grade_system_used names "
                  "the grade system each plot was credited under and grade_system_source whether the plot stated it "
                  "(plot) or the profile's default applied (profile_default). "

                  "PROJECT_OUTPUT has one row per project code with the sums and the area-weighted grade uplift. "
                  "Credits are on the net area: the gross area less 田坎 (tiankan_m2; KCXS of the plot, of the "
                  "land-survey parcels under a plot that was cultivated land, or of the rule profile's county "
                  "table by 耕地类型 × 耕地坡度级别 for new land). An empty grade before of a cultivated plot "
                  "defaults to the area-weighted grade of the survey or basic-farmland parcels under it "
                  "(grade_before_source). The dialog starts with the constraint layers recognised in the project.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Plots"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_rule_profile_parameter()
        defaults = PlotFields()
        for parameter, attribute in FIELD_PARAMETERS:
            self.addParameter(QgsProcessingParameterField(
                parameter, tr("Field: {}", attribute), defaultValue=getattr(defaults, attribute),
                parentLayerParameterName=self.INPUT, optional=True))
        # optional constraints: with them, credits exclude basic farmland and zero blocked plots
        # exactly as the project dock and the meeting sheets do
        found = recognised_layers()
        for name, label, role in ((self.BASIC_FARMLAND, tr("Basic farmland (optional: exclusions)"), "basic_farmland"),
                                  (self.RED_LINE, tr("Ecological red line (optional: blocking)"), "red_line"),
                                  (self.SLOPE, tr("Slope polygons (optional: blocking above 25°)"), "slope"),
                                  (self.LAND_SURVEY, tr("Land survey DLTB (optional: 田坎 KCXS, grade before, class "
                                                        "before)"), "land_survey")):
            self.addParameter(preset_layer(QgsProcessingParameterVectorLayer(
                name, label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True), found.get(role)))
        self.addParameter(preset_field(QgsProcessingParameterField(
            self.SLOPE_FIELD, tr("Slope field (degrees)"), defaultValue="slope_deg",
            parentLayerParameterName=self.SLOPE, optional=True), found.get("slope"), "slope_deg"))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Plots with credits"),
                                                            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.PROJECT_OUTPUT, tr("Project credits"),
                                                            QgsProcessing.SourceType.TypeVector))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        # invalid plots are reported per plot with a reason, never dropped or fatal
        context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        source = self.source(parameters, self.INPUT, context)
        profile = self.rule_profile(parameters, context)
        mapping = PlotFields()
        for parameter, attribute in FIELD_PARAMETERS:
            chosen = self.parameterAsFields(parameters, parameter, context)
            if chosen:
                setattr(mapping, attribute, chosen[0])
        missing = mapping.missing_in(source.fields())
        if missing:
            raise QgsProcessingException(tr("The input layer lacks the fields {} (set the field parameters to "
                                             "the names your layer uses)", ", ".join(missing)))
        if not source.sourceCrs().isValid():
            raise QgsProcessingException(tr("The input layer has no valid CRS: ellipsoidal areas cannot be computed"))

        plot_fields = QgsFields(source.fields())
        for name, kind in PLOT_OUTPUT_FIELDS:
            if plot_fields.indexOf(name) >= 0:
                raise QgsProcessingException(tr("The input layer already has a field '{}'; rename it first", name))
            plot_fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, plot_fields,
                                             QgsWkbTypes.multiType(source.wkbType()), source.sourceCrs())
        project_sink, project_sink_id = self.parameterAsSink(parameters, self.PROJECT_OUTPUT, context,
                                                             _fields(PROJECT_OUTPUT_FIELDS), QgsWkbTypes.Type.NoGeometry)
        if sink is None or project_sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        feedback.pushInfo(tr("Rule profile: {} ({})", profile.id, profile.name_zh))
        plot_checks = self._plot_checks(parameters, context, source, profile, mapping, feedback)
        plot_credits, project_credits = compute_layer_credits(source, profile, mapping, feedback=feedback,
                                                              plot_checks=plot_checks)
        by_fid = dict(plot_credits)
        for feature in source.getFeatures():
            if feedback.isCanceled():
                break
            credit = by_fid.get(feature.id())
            if credit is None:
                continue
            out = QgsFeature(plot_fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(list(feature.attributes()) + [
                credit.area_m2, credit.area_mu, credit.plot_kind, credit.credit_area_mu,
                credit.credit_capacity_kg, credit.credit_paddy_mu, credit.reason, credit.grade_system_used or None,
                _grade_system_source(credit), credit.tiankan_m2,
                credit.net_area_m2, credit.net_area_mu, credit.tiankan_coefficient, credit.tiankan_source,
                None if credit.grade_before is None else float(credit.grade_before),
                credit.grade_after, credit.grade_before_source])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)

        for project in project_credits:
            row = QgsFeature(_fields(PROJECT_OUTPUT_FIELDS))
            row.setAttributes([None if project.project_code is None else str(project.project_code),
                               project.plot_count, project.refused_count, project.area_mu, mu_to_ha(project.area_mu),
                               project.tiankan_mu, project.net_area_mu, project.new_farmland_mu,
                               project.upgrading_mu, project.credit_area_mu,
                               project.credit_capacity_kg, project.credit_paddy_mu, project.grade_before_mean,
                               project.grade_after_mean, project.grade_uplift])
            project_sink.addFeature(row, QgsFeatureSink.Flag.FastInsert)

        refused = [credit for _fid, credit in plot_credits if credit.refused]
        if refused:
            feedback.reportError(tr("{} of {} plots were refused and got zero credit:", len(refused),
                                    len(plot_credits)), False)
            for reason, count in Counter(_reason_kind(c.reason) for c in refused).most_common():
                feedback.reportError(f"  {count} × {reason}", False)
            for credit in refused[:50]:
                feedback.pushInfo(f"  {credit.project_code} / {credit.plot_code}: {credit.reason}")
        else:
            feedback.pushInfo(tr("All {} plots were computed; none refused.", len(plot_credits)))
        return {self.OUTPUT: sink_id, self.PROJECT_OUTPUT: project_sink_id,
                "PLOT_COUNT": len(plot_credits), "REFUSED_COUNT": len(refused)}

    def _plot_checks(self, parameters, context, source, profile, mapping, feedback):
        """Constraint results per plot fid when constraint layers are given, else None."""
        layers = {name: self.parameterAsVectorLayer(parameters, name, context)
                  for name in (self.BASIC_FARMLAND, self.RED_LINE, self.SLOPE, self.LAND_SURVEY)}
        if not any(layers.values()):
            return None
        from ...core.constraints import ConstraintEngine, ConstraintSet
        slope_field = field_of(layers[self.SLOPE], (self.parameterAsFields(parameters, self.SLOPE_FIELD, context)
                                                    or ["slope_deg"])[0], "slope_deg")
        survey = layers[self.LAND_SURVEY]
        constraint_set = ConstraintSet.from_layers(basic_farmland=layers[self.BASIC_FARMLAND],
                                                   red_line=layers[self.RED_LINE], slope=layers[self.SLOPE],
                                                   slope_field=slope_field, land_survey=survey,
                                                   survey_class_field=field_of(survey, "dlbm", "class_code"))
        feedback.pushInfo(tr("Checking constraints before computing credits"))
        project_checks = ConstraintEngine(constraint_set, profile).check_plots(source, fields=mapping)
        return {plot.plot_fid: plot for check in project_checks.values() for plot in check.plots}


def _grade_system_source(credit):
    if not credit.grade_system_used:
        return None
    return "profile_default" if credit.grade_system_default else "plot"


def _reason_kind(reason):
    """The kind of a refusal reason without the plot-specific details (for the summary log)."""
    for marker in (" at (", " '", " ("):
        if marker in reason:
            reason = reason.split(marker)[0]
    return reason
