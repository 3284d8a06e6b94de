# SPDX-License-Identifier: GPL-2.0-or-later
"""Credits of the plots of a QGIS polygon layer: ellipsoidal areas, geometry checks, formulas.

The bridge between QGIS features and the pure-Python ``core.credits``: it reads the fields named
by a ``PlotFields`` map, measures each plot on the CGCS2000 ellipsoid, refuses invalid geometries
with their location, and applies constraint results (``plot_checks``: fid → PlotCheck) when given.
"""
from dataclasses import dataclass

from qgis.core import Qgis, QgsFeatureRequest, QgsGeometry

from . import tables
from .area import EllipsoidalArea
from .credits import PlotInput, compute_plot_credit, summarize_by_project


@dataclass
class PlotFields:
    project_code: str = "project_code"
    plot_code: str = "plot_code"
    class_before: str = "class_before"
    class_after: str = "class_after"
    grade_system: str = "grade_system"
    grade_before: str = "grade_before"
    grade_after: str = "grade_after"
    # optional (issue 15): both grade systems explicitly, the plot's own KCXS, GDLX and GDPDJB
    use_grade_before: str = "use_grade_before"
    use_grade_after: str = "use_grade_after"
    quality_level_before: str = "quality_level_before"
    quality_level_after: str = "quality_level_after"
    tiankan_coefficient: str = "tiankan_coefficient"
    farmland_type: str = "farmland_type"
    slope_level: str = "slope_level"

    def missing_in(self, fields):
        """Names of mapped fields the layer lacks (grade_system, plot_code and the fields of issue 15
        are optional)."""
        names = set(fields.names())
        required = [self.project_code, self.class_before, self.class_after, self.grade_before, self.grade_after]
        return [name for name in required if name and name not in names]


def geometry_problem(geometry):
    """'' for a usable polygon, else a readable description with the location of the first error."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return "empty geometry"
    error = geometry_error(geometry)
    return f"invalid geometry: {error}" if error else ""


def geometry_error(geometry):
    """'' when GEOS finds ``geometry`` valid, else its first error with the location."""
    errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)
    if not errors:
        return ""
    first = errors[0]
    where = f" at ({first.where().x():.3f}, {first.where().y():.3f})" if first.hasWhere() else ""
    return f"{first.what()}{where}"


def _value(feature, name):
    if not name or feature.fields().indexOf(name) < 0:
        return None
    value = feature[name]
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def plot_input(feature, fields, measure, plot_check=None):
    """The PlotInput of one feature (the area is ellipsoidal m² on CGCS2000)."""
    geometry = feature.geometry()
    problem = geometry_problem(geometry)
    area = 0.0 if problem == "empty geometry" else measure.area_m2(geometry)
    plot_code = _value(feature, fields.plot_code)
    return PlotInput(
        class_before=_value(feature, fields.class_before), class_after=_value(feature, fields.class_after),
        grade_before=_value(feature, fields.grade_before), grade_after=_value(feature, fields.grade_after),
        area_m2=area, grade_system=_value(feature, fields.grade_system),
        plot_code=str(plot_code) if plot_code is not None else f"fid {feature.id()}",
        project_code=_value(feature, fields.project_code),
        excluded_m2=plot_check.excluded_m2 if plot_check else 0.0,
        blocking_reason=plot_check.blocking_reason if plot_check else "",
        geometry_problem=problem,
        use_grade_before=_value(feature, fields.use_grade_before),
        use_grade_after=_value(feature, fields.use_grade_after),
        quality_level_before=_value(feature, fields.quality_level_before),
        quality_level_after=_value(feature, fields.quality_level_after),
        tiankan_coefficient=_value(feature, fields.tiankan_coefficient),
        farmland_type=_value(feature, fields.farmland_type), slope_level=_value(feature, fields.slope_level),
        # the survey under the plot, found by the constraint check (standard_layers.plot_rules)
        survey=getattr(plot_check, "survey", None))


def compute_layer_credits(layer, profile=None, fields=None, request=None, plot_checks=None, feedback=None,
                          funding_by_project=None):
    """Credits of every plot (``[(fid, PlotCredit)]``) and per project (``[ProjectCredit]``)."""
    profile = profile or tables.load_rule_profile()
    fields = fields or PlotFields()
    measure = EllipsoidalArea(layer.sourceCrs())  # a layer or a Processing feature source
    plot_checks = plot_checks or {}
    total = max(layer.featureCount(), 1)
    results = []
    for index, feature in enumerate(layer.getFeatures(request or QgsFeatureRequest())):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * index / total)
        plot = plot_input(feature, fields, measure, plot_checks.get(feature.id()))
        results.append((feature.id(), compute_plot_credit(plot, profile)))
    projects = summarize_by_project([credit for _fid, credit in results], profile, funding_by_project)
    return results, projects
