# SPDX-License-Identifier: GPL-2.0-or-later
"""Change-survey confirmation: is a deposited plot 耕地 in a later annual change survey (变更调查)?

Under national_2024 new farmland counts only once a newer annual survey shows it as 耕地
(policy-2024.md §2.8, unconfirmed, so every number here is profile data, ``change_survey``):

    share = area(plot ∩ survey features of year Y with class ∈ cultivated_classes) / area(plot)

where Y is the newest survey year the rule accepts (``SJNF ≥`` the acceptance year by default) among
the survey features under the plot; the plot is confirmed when ``share ≥ share_min`` (0.95; compared at 10⁻⁶).
Areas are ellipsoidal on CGCS2000 (core.area), measured in the survey layer's CRS after the plot is
transformed into it; survey features that overlap each other count once (their intersections with
the plot are merged before measuring).  A plot without a newer survey is not confirmed, and says why.
"""
from dataclasses import dataclass

from qgis.core import (QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsProject, QgsWkbTypes)

from ..i18n import tr
from .area import EllipsoidalArea


class ChangeSurveyError(ValueError):
    """A survey layer or project that cannot be checked; the message names the layer, field or feature."""


@dataclass(frozen=True)
class PlotConfirmation:
    project_code: str
    plot_code: str
    survey_layer: str
    survey_year: int          # the survey year used (None when none was found under the plot)
    acceptance_year: int
    share: float              # 0–1 of the plot's area shown as 耕地 in that survey
    share_min: float
    confirmed: bool
    message: str = ""


def _year(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return int(number) if number == int(number) else None


def check_survey_layer(layer, rule):
    """The survey layer's field indexes ``(year, class)``; ChangeSurveyError naming what is missing."""
    if layer is None or not layer.isValid():
        raise ChangeSurveyError(tr("the change-survey layer cannot be read"))
    if layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise ChangeSurveyError(tr("the change-survey layer '{}' is not a polygon layer", layer.name()))
    if not layer.crs().isValid():
        raise ChangeSurveyError(tr("the change-survey layer '{}' has no coordinate reference system", layer.name()))
    indexes = []
    for name in (rule.year_field, rule.class_field):
        index = layer.fields().lookupField(name)
        if index < 0:
            raise ChangeSurveyError(tr("the change-survey layer '{}' has no field '{}'", layer.name(), name))
        indexes.append(index)
    return tuple(indexes)


def confirm_plot(geometry, plot_crs, survey_layer, acceptance_year, rule, project_code="", plot_code="",
                 measure=None):
    """The PlotConfirmation of one plot geometry (in ``plot_crs``) against ``survey_layer``."""
    year_index, class_index = check_survey_layer(survey_layer, rule)
    name = survey_layer.name()

    def result(year, share, message):
        share = min(max(share, 0.0), 1.0)
        # a share equal to the threshold reaches it: compared to 10⁻⁶, coarser than the rounding noise of the areas
        reached = year is not None and round(share, 6) >= rule.share_min
        return PlotConfirmation(str(project_code), str(plot_code), name, year, int(acceptance_year), share,
                                rule.share_min, reached, message)

    if geometry is None or geometry.isEmpty():
        return result(None, 0.0, tr("the plot has no geometry"))
    plot = QgsGeometry(geometry)
    if plot_crs != survey_layer.crs():
        plot.transform(QgsCoordinateTransform(plot_crs, survey_layer.crs(), QgsProject.instance()))
    if not plot.isGeosValid():
        plot = plot.makeValid()
    measure = measure or EllipsoidalArea(survey_layer.crs())
    plot_m2 = measure.area_m2(plot)
    if plot_m2 <= 0:
        return result(None, 0.0, tr("the plot has no area"))
    request = QgsFeatureRequest().setFilterRect(plot.boundingBox()).setSubsetOfAttributes([year_index, class_index])
    parts_by_year, years_seen = {}, set()
    for feature in survey_layer.getFeatures(request):
        shape = feature.geometry()
        if shape is None or shape.isEmpty() or not shape.intersects(plot):
            continue
        year = _year(feature.attribute(year_index))
        if year is None:
            raise ChangeSurveyError(tr("feature {} of the change-survey layer '{}' has no year in '{}' ({})",
                                       feature.id(), name, rule.year_field, feature.attribute(year_index)))
        years_seen.add(year)
        code = str(feature.attribute(class_index) or "").strip()
        if code in rule.cultivated_classes:
            if not shape.isGeosValid():
                shape = shape.makeValid()
            part = shape.intersection(plot)
            if not part.isEmpty():
                parts_by_year.setdefault(year, []).append(part)
    usable = sorted(year for year in years_seen if rule.year_counts(year, acceptance_year))
    if not usable:
        if not years_seen:
            return result(None, 0.0, tr("no feature of the change survey lies under the plot"))
        return result(None, 0.0, tr("the change survey under the plot is of {}; a survey of {} or later is needed",
                                    max(years_seen), acceptance_year if rule.year_rule != "after_acceptance_year"
                                    else acceptance_year + 1))
    year = usable[-1]
    parts = parts_by_year.get(year, [])
    cultivated = QgsGeometry.unaryUnion(parts) if len(parts) > 1 else (parts[0] if parts else None)
    share = measure.area_m2(cultivated) / plot_m2 if cultivated is not None else 0.0
    return result(year, share, tr("{:.1f}% of the plot is cultivated land in the {} change survey (at least {:.0f}% "
                                  "needed)", 100 * share, year, 100 * rule.share_min))


def confirm_plots(plots, plot_crs, survey_layer, acceptance_year, rule, feedback=None):
    """``plots``: ``[(project_code, plot_code, QgsGeometry)]``; returns ``[PlotConfirmation]``."""
    check_survey_layer(survey_layer, rule)
    measure = EllipsoidalArea(survey_layer.crs())
    results = []
    for index, (project_code, plot_code, geometry) in enumerate(plots):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * index / max(len(plots), 1))
        results.append(confirm_plot(geometry, plot_crs, survey_layer, acceptance_year, rule, project_code,
                                    plot_code, measure))
    return results


def acceptance_year(steps, workflow):
    """The year of the project's latest step into the workflow's acceptance state, or None."""
    dates = [step.step_on for step in steps if step.to_state == workflow.acceptance_state]
    return int(dates[-1][:4]) if dates else None


def project_confirmed(results):
    """True when every plot of a project is confirmed (and there is at least one)."""
    return bool(results) and all(result.confirmed for result in results)
