# SPDX-License-Identifier: GPL-2.0-or-later
"""What the standard layers add to the constraint engine's results: named features, GDPDJB slope, unstable farmland.

``apply_to_results(engine, results, plots, fields)`` runs after ``ConstraintEngine.check_plots``
(and ``apply_to_plot`` after ``check_geometry``) on the engine's own results:

- every overlap with a recognised layer names its features by their standard ids
  (``YJJBNTTBBH=…``; ``HXMC=… ZRBHDFQ=… GKCS=…``; ``TBBH=… DLMC=…``), in the layer, plot and
  project messages;
- with no slope layer or DEM in the set, the slope level GDPDJB (the plot's own ``slope_level``,
  else the survey parcels under it) checks new farmland: level 5 (> 25°) blocking, level 4 a
  warning (both severities from the rule profile's ``standard_checks``);
- survey parcels with an unstable-farmland TBXHDM (河道/湖区/林区/牧区/沙荒/石漠化耕地) and
  basic farmland whose WDGD says not stable give a warning (configurable to blocking), with the code;
- each plot gets ``survey`` (``credits.PlotSurvey``): the KCXS, GDPDJB, GDLX and grades of the
  parcels under it, which ``core.credits`` uses for the 田坎 deduction and a defaulted grade before.

``prepare(engine)`` takes the layers' snapshots on the main thread (``snapshot_layers`` calls it).
Only the ids and standard fields are ever read; personal fields never are.
"""
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ...i18n import tr
from ..credits import NEW_FARMLAND, UPGRADING, PlotSurvey
from ..net_area import clean_farmland_type, clean_slope_level
from ..units import m2_to_mu
from .labels import feature_label, labels_text
from .parcels import REGISTRY
from .recognition import recognise_layer
from .schema import load_schema, normalise_code

STATUS_OK, STATUS_WARNING, STATUS_BLOCKING, STATUS_NOT_CHECKED = "ok", "warning", "blocking", "not_checked"
_RANK = {STATUS_BLOCKING: 0, STATUS_NOT_CHECKED: 1, STATUS_WARNING: 2, STATUS_OK: 3}
FINDING_SLOPE, FINDING_UNSTABLE = "slope_level", "unstable_farmland"
CONTEXT_ATTRIBUTE = "_standard_context"
# a finding below this overlap is no finding (the engine's min_overlap_m2 is the same order)
MIN_AREA_M2 = 0.01


def _worst(statuses):
    statuses = [status for status in statuses if status]
    return min(statuses, key=lambda status: _RANK.get(status, 1)) if statuses else STATUS_OK


def _status_of(severity):
    return {"blocking": STATUS_BLOCKING, "warning": STATUS_WARNING}.get(severity, STATUS_OK)


def _area_text(area_m2):
    return tr("{:.1f} m² ({:.2f} mu)", area_m2, m2_to_mu(area_m2))


class _Layer:
    """A constraint-set entry whose layer was recognised: its recognition and parcel index."""

    def __init__(self, position, entry, recognition, index):
        self.position = position
        self.entry = entry
        self.recognition = recognition
        self.index = index

    @property
    def reads_attributes(self):
        """True when the layer has fields the rules read (ids to name features by, WDGD): else no read at all."""
        keys = self.recognition.spec.id_fields + ("stable",)
        return any(self.recognition.field(key) for key in keys)

    def labels(self, fids):
        if not any(self.recognition.field(key) for key in self.recognition.spec.id_fields):
            return []
        found = self.index.attributes_of(sorted(fids))
        return [feature_label(self.recognition, found.get(fid, {}), fid) for fid in sorted(fids)]


class StandardContext:
    """The recognised standard layers of one engine's constraint set (built on the main thread)."""

    def __init__(self, engine):
        from ..constraints import ROLE_SLOPE
        self.profile = engine.profile
        self.layers = {}            # position in the constraint set -> _Layer
        self.survey = None          # the first land-survey _Layer
        self.basic_farmland = None  # the first basic-farmland _Layer
        self.has_slope = bool(engine.constraint_set.by_role(ROLE_SLOPE))
        for position, entry in enumerate(engine.constraint_set.layers):
            resolved = engine.resolve(entry)
            layer = resolved.layer
            if resolved.problem or not isinstance(layer, QgsVectorLayer):
                continue
            recognition = recognise_layer(layer)
            if recognition is None:
                continue
            item = _Layer(position, entry, recognition, REGISTRY.get(layer, recognition.fields))
            self.layers[position] = item
            if recognition.role == "land_survey" and self.survey is None:
                self.survey = item
            elif recognition.role == "basic_farmland" and self.basic_farmland is None:
                self.basic_farmland = item


def prepare(engine):
    """Recognise the engine's layers and take their snapshots (call on the main thread)."""
    context = StandardContext(engine)
    setattr(engine, CONTEXT_ATTRIBUTE, context)
    return context


def _context(engine):
    context = getattr(engine, CONTEXT_ATTRIBUTE, None)
    if context is None or context.profile is not engine.profile:
        context = prepare(engine)
    return context


PLOT_KEYS = ("slope_level", "farmland_type")


def _plot_values(plots, fids, fields):
    """``{fid: {key: value}}`` of the plot fields the checks read (the plot's own GDPDJB and GDLX)."""
    names = {key: getattr(fields, key, key) for key in PLOT_KEYS}
    present = {key: name for key, name in names.items() if plots.fields().indexOf(name) >= 0}
    if not present or not fids:
        return {}
    request = QgsFeatureRequest().setFilterFids(sorted(fids)).setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(list(present.values()), plots.fields())
    values = {}
    for feature in plots.getFeatures(request):
        row = {}
        for key, name in present.items():
            value = feature[name]
            row[key] = None if value is None or (hasattr(value, "isNull") and value.isNull()) else value
        values[feature.id()] = row
    return values


def apply_to_results(engine, results, plots, fields=None):
    """Add the standard layers' findings and names to ``results`` ({code: ProjectCheck}) in place."""
    from ..layer_credits import PlotFields
    context = _context(engine)
    if not results:
        return results
    crs = plots.sourceCrs() if hasattr(plots, "sourceCrs") else plots.crs()
    every_plot = [plot for project in results.values() for plot in project.plots]
    values = _plot_values(plots, [plot.plot_fid for plot in every_plot], fields or PlotFields())
    # one request per layer for the ids of every feature named, and the survey under every plot at once
    for position, item in context.layers.items():
        if item.reads_attributes:
            item.index.attributes_of(sorted({fid for plot in every_plot if position < len(plot.layers)
                                             for fid in plot.layers[position].feature_ids}))
    survey = {}
    if context.survey is not None:
        measured = [plot for plot in every_plot if plot.geometry is not None]
        survey = dict(zip((plot.plot_fid for plot in measured), context.survey.index.pieces_many(
            [plot.geometry for plot in measured], crs, engine.transform_context)))
    for project in results.values():
        renames = []
        added = []
        for plot in project.plots:
            plot_renames, findings = _apply(context, plot, values.get(plot.plot_fid, {}), crs, engine.transform_context,
                                            survey.get(plot.plot_fid))
            renames += [(plot.plot_code, old, new) for old, new in plot_renames]
            added += [(plot, finding) for finding in findings]
        _update_project(context, project, renames, added)
    return results


def apply_to_plot(engine, check, crs, values=None):
    """The same for one PlotCheck of ``check_geometry`` (the plot's own fields in ``values``)."""
    _apply(_context(engine), check, values or {}, crs, engine.transform_context)
    return check


# -- one plot ------------------------------------------------------------------------------------


def _apply(context, plot, values, crs, transform_context, survey_pieces=None):
    """Name the features of ``plot``'s overlaps, attach its survey, add its findings.

    Returns ``([(old message, new message)], [LayerCheck of each finding])``."""
    renames = []
    for position, item in context.layers.items():
        if position >= len(plot.layers):
            continue
        check = plot.layers[position]
        if not check.feature_ids:
            continue
        text = labels_text(item.labels(check.feature_ids))
        if not text:
            continue
        old = check.message
        check.message = tr("{}; features: {}", old, text)
        check.feature_labels = text
        renames.append((f"{check.name}: {old}", f"{check.name}: {check.message}"))
    _rename(plot, renames)
    if plot.geometry is None:
        return renames, []
    if survey_pieces is None:
        survey_pieces = context.survey.index.pieces(plot.geometry, crs, transform_context) if context.survey else []
    plot.survey = _plot_survey(context, plot, survey_pieces, crs, transform_context)
    findings = []
    if not context.has_slope:
        finding = _slope_finding(context, plot, values, survey_pieces)
        if finding is not None:
            findings.append(finding)
    finding = _unstable_finding(context, plot, survey_pieces)
    if finding is not None:
        findings.append(finding)
    for finding in findings:
        _add_finding(plot, finding)
    return renames, findings


def _rename(plot, renames):
    if not renames:
        return
    for old, new in renames:
        plot.messages = [message.replace(old, new) for message in plot.messages]
        plot.blocking_reason = plot.blocking_reason.replace(old, new)
    plot.message = "; ".join(plot.messages) if plot.messages else plot.message


def _dominant(pieces, key, clean):
    areas = {}
    for piece in pieces:
        value = clean(piece.get(key))
        if value is not None:
            areas[value] = areas.get(value, 0.0) + piece.area_m2
    return max(sorted(areas), key=areas.get) if areas else None


def _plot_survey(context, plot, survey_pieces, crs, transform_context):
    """The ``PlotSurvey`` of one plot: KCXS pieces, dominant GDPDJB/GDLX, grade pieces per system."""
    survey = PlotSurvey()
    if context.survey is not None:
        item = context.survey
        if item.recognition.field("tiankan_coefficient"):
            survey.tiankan_pieces = [(piece.area_m2, piece.get("tiankan_coefficient"),
                                      feature_label(item.recognition, piece.attributes, piece.fid))
                                     for piece in survey_pieces]
        survey.slope_level = _dominant(survey_pieces, "slope_level", clean_slope_level)
        survey.farmland_type = _dominant(survey_pieces, "farmland_type", clean_farmland_type)
        if item.recognition.field("use_grade"):
            source = f"{item.recognition.layer_name}.{item.recognition.field('use_grade')}"
            survey.grade_pieces["use_grade_15"] = ([(piece.area_m2, piece.get("use_grade"))
                                                    for piece in survey_pieces], source)
    bf = context.basic_farmland
    if bf is not None and plot.plot_kind == UPGRADING:
        # only a plot that was cultivated land may need a grade before; the basic farmland under it is
        # measured when credits ask for a system the survey has no grade of (survey.grade_pieces_for)
        geometry = plot.geometry
        for system, key in (("use_grade_15", "use_grade"), ("quality_level_10", "quality_level")):
            if system not in survey.grade_pieces and bf.recognition.field(key):
                survey.lazy_grade_pieces[system] = (
                    lambda key=key: ([(piece.area_m2, piece.get(key))
                                      for piece in bf.index.pieces(geometry, crs, transform_context)],
                                     f"{bf.recognition.layer_name}.{bf.recognition.field(key)}"))
    return survey


def _layer_check(role, name, status, message, area_m2=0.0, fids=(), severity=""):
    from ..constraints import LayerCheck, _mu
    check = LayerCheck(role, name, status, message, overlap_m2=area_m2, overlap_mu=_mu(area_m2),
                       feature_ids=sorted(fids), severity=severity)
    check.finding = True
    return check


def _slope_finding(context, plot, values, survey_pieces):
    """GDPDJB against new farmland when the set has no slope layer: level 5 blocking, level 4 a warning."""
    from ..constraints import ROLE_SLOPE
    settings = load_schema().checks
    applies = set(settings.applies_to.get("slope_level_5", ())) | set(settings.applies_to.get("slope_level_4", ()))
    if plot.plot_kind not in applies:
        return None
    own = clean_slope_level(values.get("slope_level"))
    by_level, fids_by_level = {}, {}
    if own is not None:
        by_level[own] = plot.area_m2
        where = tr("the plot's 耕地坡度级别")
    else:
        for piece in survey_pieces:
            level = clean_slope_level(piece.get("slope_level"))
            if level is not None:
                by_level[level] = by_level.get(level, 0.0) + piece.area_m2
                fids_by_level.setdefault(level, []).append(piece.fid)
        if not by_level:
            return None
        where = tr("the land survey's GDPDJB")
    name = tr("Slope level (GDPDJB)")
    for levels, key in ((settings.slope_level_blocking, "slope_level_5"),
                        (settings.slope_level_warning, "slope_level_4")):
        area = sum(by_level.get(level, 0.0) for level in levels)
        if plot.plot_kind not in settings.applies_to.get(key, ()) or area <= MIN_AREA_M2:
            continue
        severity = context.profile.check_severity(key)
        status = _status_of(severity)
        level_text = ", ".join(f"{level} ({settings.slope_levels.get(level, '')})" for level in levels
                               if level in by_level)
        found = [fid for level in levels for fid in fids_by_level.get(level, [])]
        message = tr("slope level {} from {} on {} ({:.1f}% of the plot)", level_text, where, _area_text(area),
                     100 * (area / plot.area_m2 if plot.area_m2 else 0.0))
        if found and context.survey is not None:
            message = tr("{}; features: {}", message, labels_text(context.survey.labels(found)))
        if status == STATUS_BLOCKING:
            message = tr("{}: new farmland above 25° is not allowed", message)
        elif status == STATUS_WARNING:
            message = tr("{}: to be reviewed", message)
        return _layer_check(ROLE_SLOPE, name, status, message, area, found, severity)
    return _layer_check(ROLE_SLOPE, name, STATUS_OK, tr("slope level {} from {}", ", ".join(sorted(by_level)), where))


def _unstable_finding(context, plot, survey_pieces):
    """Unstable farmland under the plot: TBXHDM refinements of the survey, WDGD of basic farmland."""
    from ..constraints import ROLE_EXTRA
    bf = context.basic_farmland
    survey_codes = context.survey is not None and context.survey.recognition.field("refinement_code")
    if not survey_codes and (bf is None or not bf.recognition.field("stable")):
        return None          # neither TBXHDM nor WDGD to look at
    settings = load_schema().checks
    if plot.plot_kind not in settings.applies_to.get("unstable_farmland", ()):
        return None
    parts, area, fids = [], 0.0, []
    if survey_codes:
        by_code = {}
        for piece in survey_pieces:
            code = normalise_code(piece.get("refinement_code"))
            if code in settings.unstable_refinements:
                by_code.setdefault(code, []).append(piece)
        for code, pieces in sorted(by_code.items()):
            covered = sum(piece.area_m2 for piece in pieces)
            area += covered
            fids += [piece.fid for piece in pieces]
            labels = labels_text([feature_label(context.survey.recognition, piece.attributes, piece.fid)
                                  for piece in pieces])
            parts.append(tr("{} {} on {} ({})", code, settings.unstable_refinements[code], _area_text(covered), labels))
    if bf is not None and bf.recognition.field("stable") and bf.position < len(plot.layers):
        overlapping = plot.layers[bf.position].feature_ids
        if overlapping:
            found = bf.index.attributes_of(overlapping)
            unstable = {}
            for fid, attributes in found.items():
                value = attributes.get("stable")
                if normalise_code(value) in settings.unstable_values:
                    unstable.setdefault(str(value).strip(), []).append(fid)
            for value, ids in sorted(unstable.items()):
                fids += ids
                parts.append(tr("basic farmland with {}={} (not stable): {}", bf.recognition.field("stable"), value,
                                labels_text(bf.labels(ids))))
    if not parts:
        return None
    severity = context.profile.check_severity("unstable_farmland")
    status = _status_of(severity)
    message = tr("unstable farmland: {}", "; ".join(parts))
    return _layer_check(ROLE_EXTRA, tr("Unstable farmland (TBXHDM, WDGD)"), status, message, area, fids, severity)


def _add_finding(plot, finding):
    """Fold one finding into the plot's status, messages and blocking reason."""
    from ..constraints import ROLE_SLOPE
    plot.layers.append(finding)
    if finding.role == ROLE_SLOPE and finding.overlap_m2:
        plot.slope_overlap_m2 += finding.overlap_m2
    if finding.status not in (STATUS_WARNING, STATUS_BLOCKING):
        return
    text = f"{finding.name}: {finding.message}"
    was_ok = plot.status == STATUS_OK
    plot.status = _worst([plot.status, finding.status])
    if was_ok:
        plot.messages = [text]
    elif finding.status == STATUS_BLOCKING:
        plot.messages = [text] + list(plot.messages)
    else:
        plot.messages = list(plot.messages) + [text]
    plot.message = "; ".join(plot.messages)
    if finding.status == STATUS_BLOCKING:
        plot.blocking_reason = "; ".join(part for part in (text, plot.blocking_reason) if part)


# -- one project ---------------------------------------------------------------------------------


def _update_project(context, project, renames, added):
    for code, old, new in renames:
        old_text, new_text = f"{code}: {old}", f"{code}: {new}"
        project.messages = [message.replace(old_text, new_text) for message in project.messages]
    for position, item in context.layers.items():
        if position >= len(project.layers):
            continue
        aggregate = project.layers[position]
        if aggregate.feature_ids and not getattr(aggregate, "feature_labels", ""):
            text = labels_text(item.labels(aggregate.feature_ids))
            if text:
                aggregate.message = tr("{}; features: {}", aggregate.message, text)
                aggregate.feature_labels = text
    if not added:
        return
    by_name = {}
    for plot, finding in added:
        by_name.setdefault((finding.role, finding.name), []).append((plot, finding))
    for (role, name), items in by_name.items():
        statuses = [finding.status for _plot, finding in items]
        area = sum(finding.overlap_m2 or 0.0 for _plot, finding in items)
        affected = [plot for plot, finding in items if finding.status in (STATUS_WARNING, STATUS_BLOCKING)]
        share = area / project.area_m2 if project.area_m2 else None
        if affected or area > 0:
            message = tr("{} of {} plot(s) affected; {} ({:.1f}% of the project)", len(affected),
                         len(project.plots), _area_text(area), 100 * (share or 0))
        else:
            message = tr("no overlap")
        aggregate = _layer_check(role, name, _worst(statuses), message, area,
                                 sorted({fid for _plot, finding in items for fid in finding.feature_ids}),
                                 items[0][1].severity)
        aggregate.share = share
        project.layers.append(aggregate)
    new_messages = [(finding.status, f"{plot.plot_code}: {finding.name}: {finding.message}")
                    for plot, finding in added if finding.status in (STATUS_WARNING, STATUS_BLOCKING)]
    if not new_messages:
        return
    blocking = [text for status, text in new_messages if status == STATUS_BLOCKING]
    warnings = [text for status, text in new_messages if status == STATUS_WARNING]
    if project.status == STATUS_OK:
        project.messages = blocking + warnings
    else:
        project.messages = blocking + list(project.messages) + warnings
    project.status = _worst([project.status] + [status for status, _text in new_messages])

