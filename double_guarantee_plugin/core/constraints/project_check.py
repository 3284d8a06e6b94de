# SPDX-License-Identifier: GPL-2.0-or-later
"""A project's verdict: its plots' findings, each layer's overlap counted once, and the project-level rules.

``ProjectFindings`` is the part of ``ConstraintEngine`` that gathers the ``PlotCheck`` s of a
project into a ``ProjectCheck`` (overlaps of plots that overlap each other merged before they are
measured, the consolidation and reclamation rules of the profile, ``rules``), and the all-
``not_checked`` answer when the plots have no CRS.
"""
from . import rules as constraint_rules
from .measure import _fmt_area, _mu
from .plots import _values, classify_plot
from .results import LayerCheck, PlotCheck, ProjectCheck
from .shapes import merge_overlapping
from .status import STATUS_BLOCKING, STATUS_NOT_CHECKED, STATUS_OK, STATUS_WARNING, status_rank, worst_status
from ...i18n import tr


class ProjectFindings:
    """The per-project verdict of ``ConstraintEngine`` (see the module docstring)."""

    def _all_not_checked(self, plots_layer, request, fields, reason):
        results = {}
        for feature in plots_layer.getFeatures(request):
            values = _values(feature, fields)
            kind = classify_plot(values["class_before"], values["class_after"])
            check = PlotCheck(feature.id(), values["plot_code"], values["project_code"], kind, STATUS_NOT_CHECKED,
                              reason, [], messages=[reason])
            project = results.setdefault(values["project_code"], ProjectCheck(values["project_code"],
                                                                              STATUS_NOT_CHECKED, [reason], [], []))
            project.plots.append(check)
        return results

    def _project_check(self, code, items, prepared, measure, project_types):
        plots = [check for check, _before in items]
        befores = [before for _check, before in items]
        project = ProjectCheck(code, STATUS_OK, [], plots, [])
        project.area_m2 = sum(check.area_m2 for check in plots)
        plots_overlap = _any_interior_overlap([check.geometry for check in plots])
        for position, (resolved, _index) in enumerate(prepared):
            entry = resolved.entry
            layer_checks = [check.layers[position] for check in plots if position < len(check.layers)]
            aggregate = LayerCheck(entry.role, entry.name, STATUS_NOT_CHECKED, "", severity=entry.severity)
            if resolved.problem:
                aggregate.message = tr("not checked: {}", resolved.problem)
            else:
                pieces = [check.geometry for check in layer_checks if check.overlap_m2] if plots_overlap else []
                pieces = [piece for piece in pieces if piece is not None]
                statuses = [check.status for check in layer_checks]
                aggregate.status = worst_status(statuses)
                if len(pieces) > 1:
                    # plots of this project overlap each other: their overlaps must count once
                    area = measure.area_m2(merge_overlapping(pieces))
                else:
                    area = sum(check.overlap_m2 or 0.0 for check in layer_checks)
                aggregate.overlap_m2, aggregate.overlap_mu = area, _mu(area)
                aggregate.share = area / project.area_m2 if project.area_m2 else None
                aggregate.feature_ids = sorted({fid for check in layer_checks for fid in check.feature_ids})
                conflicting = sum(1 for check in layer_checks if check.status in (STATUS_WARNING, STATUS_BLOCKING))
                if area > 0 or conflicting:
                    aggregate.message = tr("{} of {} plot(s) affected; {} ({:.1f}% of the project)", conflicting,
                                           len(layer_checks), _fmt_area(area), 100 * (aggregate.share or 0))
                else:
                    aggregate.message = tr("no overlap")
                if aggregate.status == STATUS_NOT_CHECKED and not aggregate.message:
                    aggregate.message = tr("not checked")
            project.layers.append(aggregate)
        geometries = [check.geometry for check in plots]
        applies_rules = project_types is None or project_types.get(code) in self.rules.consolidation_project_types
        if applies_rules:
            project.rules = constraint_rules.consolidation_checks(
                self.profile, [check.area_m2 for check in plots], geometries, befores, tr)
        findings = []
        for check in plots:
            for message in check.messages:
                if check.status != STATUS_OK:
                    findings.append((check.status, f"{check.plot_code}: {message}"))
        for rule in project.rules:
            findings.append((rule.status, rule.message))
        findings.sort(key=lambda item: status_rank(item[0]))
        project.status = worst_status([check.status for check in plots] + [rule.status for rule in project.rules])
        project.messages = [message for _status, message in findings]
        if not project.messages:
            project.messages = [tr("no conflict with the constraint layers")]
        return project


def _any_interior_overlap(geometries):
    """True when two of ``geometries`` share area (plots that only share an edge do not)."""
    usable = [(g, g.boundingBox()) for g in geometries if g is not None and not g.isEmpty()]
    for i, (first, first_box) in enumerate(usable):
        for second, second_box in usable[i + 1:]:
            if first_box.intersects(second_box) and first.intersects(second) and not first.touches(second):
                return True
    return False
