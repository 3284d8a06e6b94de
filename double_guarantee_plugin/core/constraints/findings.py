# SPDX-License-Identifier: GPL-2.0-or-later
"""What a check finds for one plot: its usable geometry, and per constraint layer an overlap, a status and a message.

``PlotFindings`` is the part of ``ConstraintEngine`` that turns a plot and the measured (or GEOS-
measured) overlaps into ``LayerCheck`` s and a ``PlotCheck``: the severity and the plot kind give
the status, the role the consequence (credit excluded, blocking, slope), the land survey its own
comparison of classes.
"""
import functools

from qgis.core import QgsGeometry

from .measure import _fmt_area, _mu
from .plots import _kind_label
from .results import LayerCheck, PlotCheck
from .shapes import repaired
from .status import (ROLE_BASIC_FARMLAND, ROLE_LAND_SURVEY, ROLE_RED_LINE, ROLE_SLOPE, SEVERITY_BLOCKING,
                     SEVERITY_INFO, SEVERITY_WARNING, STATUS_BLOCKING, STATUS_NOT_CHECKED, STATUS_OK,
                     STATUS_WARNING, status_rank, worst_status)
from .. import tables
from ..credits import NEW_FARMLAND
from ...i18n import tr


class _LazyEngine:
    """The prepared GEOS engine of a plot, made on first use: a batch measures most plots without it."""
    __slots__ = ("_geometry", "_engine")

    def __init__(self, geometry):
        self._geometry = geometry
        self._engine = None

    def __getattr__(self, name):
        engine = self._engine
        if engine is None:
            engine = QgsGeometry.createGeometryEngine(self._geometry.constGet())
            engine.prepareGeometry()
            self._engine = engine
        return getattr(engine, name)


def _lazy_overlap(index, plot_geometry, rectangle, accept):
    """The overlap geometry of a plot with a layer, as ``overlap_planar`` builds it."""
    engine = QgsGeometry.createGeometryEngine(plot_geometry.constGet())
    engine.prepareGeometry()
    return index.overlap_planar(engine, rectangle, accept)[2]


# ----------------------------------------------------------------------------------------------
# the engine


class PlotFindings:
    """The per-plot findings of ``ConstraintEngine`` (see the module docstring)."""

    # --- one plot -----------------------------------------------------------------------------

    @staticmethod
    def _prepare_plot(geometry, measure=None, validate=True):
        """``(usable geometry or None, problem, area_m2, prepared engine, bbox)`` of one plot; without
        ``measure`` the area is left at 0 (a batch measures all plots' areas together), without
        ``validate`` the geometry is taken as it is (a batch tests it, and prepares again the few it
        cannot show valid)."""
        problem = ""
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return None, tr("the plot has no geometry"), 0.0, None, None
        if not validate:
            return geometry, "", 0.0, _LazyEngine(geometry), geometry.boundingBox()
        usable, error = repaired(geometry)
        if error:
            problem = tr("the plot geometry is invalid: {} (repaired for the check)", error)
        if usable is None:
            return None, problem or tr("the plot has no usable geometry"), 0.0, None, None
        engine = _LazyEngine(usable)
        area_m2 = measure.area_m2(usable) if measure is not None else 0.0
        return usable, problem, area_m2, engine, usable.boundingBox()

    def _check_one(self, prepared, geometry, measure, plot_kind, plot_fid=-1, plot_code="", project_code="",
                   class_before=None, plot=None, measured=None):
        """``measured``: ``{position in prepared: (hits, overlap m²)}`` from a batch."""
        plot_messages = []        # (status, message)
        usable, problem, area_m2, engine, rectangle = plot or self._prepare_plot(geometry, measure)
        if usable is None:
            check = PlotCheck(plot_fid, plot_code, project_code, plot_kind, STATUS_BLOCKING,
                              problem or tr("the plot has no usable geometry"), [],
                              blocking_reason=problem or tr("the plot has no usable geometry"))
            check.messages = [check.message]
            check.layers = [LayerCheck(r.entry.role, r.entry.name, STATUS_NOT_CHECKED, check.message,
                                       severity=r.entry.severity) for r, _i in prepared]
            return check
        if problem:
            plot_messages.append((STATUS_BLOCKING, problem))
        if area_m2 < self.profile.min_mapping_area_m2:
            plot_messages.append((STATUS_WARNING, tr(
                "the plot is {:.1f} m², below the minimum mapping area of {:.0f} m²", area_m2,
                self.profile.min_mapping_area_m2)))

        layer_checks = []
        for position, (resolved, index) in enumerate(prepared):
            layer_checks.append(self._layer_check(resolved, index, engine, rectangle, measure, area_m2, plot_kind,
                                                  class_before,
                                                  measured.get(position) if measured else None, usable))
        check = PlotCheck(plot_fid, plot_code, project_code, plot_kind, STATUS_OK, "", layer_checks,
                          area_m2=area_m2, geometry=usable)
        for layer_check in layer_checks:
            if layer_check.overlap_m2:
                if layer_check.role == ROLE_BASIC_FARMLAND:
                    check.bf_overlap_m2 += layer_check.overlap_m2
                elif layer_check.role == ROLE_RED_LINE:
                    check.rl_overlap_m2 += layer_check.overlap_m2
                elif layer_check.role == ROLE_SLOPE:
                    check.slope_overlap_m2 += layer_check.overlap_m2
        for (resolved, _index), layer_check in zip(prepared, layer_checks):
            entry = resolved.entry
            if (entry.excludes_credit and plot_kind == NEW_FARMLAND and plot_kind in entry.applies_to
                    and layer_check.overlap_m2):
                check.excluded_m2 += layer_check.overlap_m2
        check.excluded_m2 = min(check.excluded_m2, area_m2)
        findings = plot_messages + [(c.status, f"{c.name}: {c.message}") for c in layer_checks]
        findings.sort(key=lambda item: status_rank(item[0]))
        check.status = worst_status([status for status, _m in findings] or [STATUS_OK])
        if not prepared and check.status == STATUS_OK:
            # no constraint layer at all: the plot itself passed, but nothing was checked against it
            check.status = STATUS_NOT_CHECKED
            findings.insert(0, (STATUS_NOT_CHECKED, tr("no constraint layer is configured")))
        check.messages = [message for status, message in findings if status != STATUS_OK] or \
            [message for _status, message in findings][:1]
        check.message = "; ".join(check.messages) if check.messages else tr("no conflict")
        blocking = [message for status, message in findings if status == STATUS_BLOCKING]
        check.blocking_reason = "; ".join(blocking)
        return check

    def _layer_check(self, resolved, index, engine, rectangle, measure, plot_area_m2, plot_kind, class_before,
                     measured=None, plot_geometry=None):
        entry = resolved.entry
        base = LayerCheck(entry.role, entry.name, STATUS_NOT_CHECKED, "", severity=entry.severity)
        if resolved.problem or index is None:
            base.message = tr("not checked: {}", resolved.problem or tr("no index"))
            return base
        if entry.role == ROLE_LAND_SURVEY:
            return self._survey_check(resolved, index, engine, rectangle, measure, plot_area_m2, plot_kind,
                                      class_before, base)
        if measured is not None:
            fids, area = measured               # a batch measured it; the geometry is built if asked for
            overlap = functools.partial(_lazy_overlap, index, plot_geometry, rectangle, resolved.accept) \
                if fids else None
        else:
            fids, _planar_m2, overlap, area = index.overlap(engine, rectangle, resolved.accept, measure)
        if overlap is None:
            area = 0.0
        applies = plot_kind in entry.applies_to
        if area <= self.rules.min_overlap_m2:
            base.status = STATUS_OK
            base.overlap_m2, base.overlap_mu, base.share = 0.0, 0.0, 0.0
            base.message = tr("no overlap")
        else:
            base.overlap_m2, base.overlap_mu = area, _mu(area)
            base.share = area / plot_area_m2 if plot_area_m2 else None
            base.feature_ids = sorted(fids)
            if callable(overlap):
                base.set_geometry_source(overlap)
            else:
                base.geometry = overlap
            where = tr("{} ({:.1f}% of the plot) overlaps {} feature(s)", _fmt_area(area), 100 * (base.share or 0),
                       len(fids))
            if not applies:
                base.status = STATUS_OK
                base.message = tr("{}: allowed for a {} plot", where, _kind_label(plot_kind))
            elif entry.severity == SEVERITY_INFO:
                base.status = STATUS_OK
                base.message = where
            else:
                base.status = STATUS_BLOCKING if entry.severity == SEVERITY_BLOCKING else STATUS_WARNING
                base.message = f"{where}: {self._consequence(entry, plot_kind)}"
        repairs = [fid for fid in fids if fid in index.repairs] if fids else []
        if repairs:
            base.message += "; " + tr("invalid feature geometries repaired for the check: {}",
                                      ", ".join(f"fid {fid} ({index.repairs[fid]})" for fid in repairs[:5]))
        return base

    def _consequence(self, entry, plot_kind):
        if entry.role == ROLE_BASIC_FARMLAND and entry.excludes_credit and plot_kind == NEW_FARMLAND:
            return tr("already cultivated land, excluded from the new-farmland credit")
        if entry.role == ROLE_RED_LINE:
            return tr("new farmland may not be created inside the ecological red line")
        if entry.role == ROLE_SLOPE:
            return tr("slope above {:g}°", entry.max_slope_deg)
        if entry.severity == SEVERITY_BLOCKING:
            return tr("not allowed")
        return tr("to be reviewed")

    def _survey_check(self, resolved, index, engine, rectangle, measure, plot_area_m2, plot_kind, class_before,
                      base):
        entry = resolved.entry
        groups = index.overlap_by_value(engine, rectangle)
        areas = {}
        fids_by_code = {}
        for value, (fids, geometry) in groups.items():
            code = str(value).strip() if value is not None else ""
            areas[code] = areas.get(code, 0.0) + (measure.area_m2(geometry) if geometry is not None else 0.0)
            fids_by_code.setdefault(code, []).extend(fids)
        covered = sum(areas.values())
        if covered <= self.rules.min_overlap_m2:
            base.status = STATUS_WARNING
            base.message = tr("the land survey does not cover the plot")
            return base
        cultivated = {code: area for code, area in areas.items() if tables.is_cultivated(code)}
        cultivated_m2 = sum(cultivated.values())
        share = cultivated_m2 / plot_area_m2 if plot_area_m2 else 0.0
        base.overlap_m2, base.overlap_mu, base.share = cultivated_m2, _mu(cultivated_m2), share
        dominant = max(areas, key=areas.get)
        dominant_share = areas[dominant] / plot_area_m2 if plot_area_m2 else 0.0
        claimed = str(class_before).strip() if class_before not in (None, "") else ""
        if (plot_kind == NEW_FARMLAND and plot_kind in entry.applies_to
                and share > self.rules.survey_cultivated_share_max):
            base.status = STATUS_BLOCKING if entry.severity == SEVERITY_BLOCKING else (
                STATUS_WARNING if entry.severity == SEVERITY_WARNING else STATUS_OK)
            base.feature_ids = sorted(fid for code in cultivated for fid in fids_by_code[code])
            base.message = tr("the land survey shows cultivated land ({}) on {} ({:.1f}%) of a plot claimed as new "
                              "farmland", ", ".join(sorted(cultivated)), _fmt_area(cultivated_m2), 100 * share)
        elif claimed and dominant != claimed:
            base.status = STATUS_WARNING
            base.feature_ids = sorted(fids_by_code[dominant])
            base.message = tr("class before is {} but the land survey shows {} on {:.1f}% of the plot", claimed,
                              dominant, 100 * dominant_share)
        else:
            base.status = STATUS_OK
            base.message = tr("the land survey agrees ({} on {:.1f}% of the plot)", dominant, 100 * dominant_share)
        return base
