# SPDX-License-Identifier: GPL-2.0-or-later
"""The constraint engine: plots checked against a constraint set, one live or whole layers at once.

domain.md §5.  A ``ConstraintSet`` names the constraint layers (saved in the QGIS project and
shareable as a JSON file); a ``ConstraintEngine`` checks plots against it, one plot live
(``check_geometry``) or whole layers (``check_plots``), and returns ``PlotCheck`` and
``ProjectCheck`` results: ellipsoidal overlap areas on CGCS2000 (m² and 亩), shares, the ids of
the conflicting features, a status and a readable message.  A constraint layer that is missing,
unreadable, empty or without a CRS gives ``not_checked``, which never counts as ``ok``.

The engine is put together from ``LayerResolution`` (layers and their indexes), ``PlotFindings``
(one plot's findings) and ``ProjectFindings`` (a project's verdict).  ``check_plots`` reads the
plots, builds the indexes meanwhile (a thread: the database reads release the GIL), measures all
plots' areas and overlaps together (``batch_check``: numpy, only the features near the plots read),
then writes the findings plot by plot; ``check_geometry`` measures one plot with its prepared
GEOS geometry and QGIS's ellipsoidal measure (as do the few plots a batch leaves to GEOS).
Overlap geometries of a batch are built only when read (the dock flashes a few).
"""
import math
import threading

from qgis.core import QgsCoordinateReferenceSystem, QgsExpression, QgsFeatureRequest, QgsProject

from . import rules as constraint_rules
from .batch_check import measure_plots
from .constraint_set import ConstraintSet
from .findings import PlotFindings
from .layer_resolution import LayerResolution, crs_is_defined
from .measure import PlotMeasure
from .plots import _positions, _values, classify_plot
from .project_check import ProjectFindings
from .results import PlotCheck
from .status import STATUS_NOT_CHECKED
from .. import tables
from ..layer_credits import PlotFields
from ...i18n import tr


def default_workers():
    """Threads for the per-plot findings of a batch (GEOS and Python: the GIL).  Two threads
    measured no faster than one on the 2-core bench machine, the Python between the GEOS calls
    holding the GIL; so one is the default.  Set ``engine.workers = 2`` to try more on a larger
    machine."""
    return 1


class ConstraintEngine(LayerResolution, PlotFindings, ProjectFindings):
    """Checks plots against a constraint set; caches per-layer indexes (see ``registry``)."""

    def __init__(self, constraint_set, profile=None, project=None, transform_context=None):
        if constraint_set is None:
            constraint_set = ConstraintSet()
        self.constraint_set = constraint_set
        self.profile = profile or tables.load_rule_profile()
        self.project = project or QgsProject.instance()
        self.transform_context = transform_context or self.project.transformContext()
        self.rules = constraint_rules.defaults()
        self.workers = default_workers()
        self._snapshots = {}    # layer id -> LayerSource taken on the main thread for a worker thread
        self._opened = {}       # source -> layer opened by the engine (not in the project)
        self._steep = {}        # (raster id, threshold) -> memory layer of steep areas
        self._trusted = {}      # CRS -> whether the batch's area model agreed with QgsDistanceArea

    def check_geometry(self, geometry, crs, plot_kind, plot_code="", project_code="", class_before=None,
                       plot_fid=-1, feedback=None):
        """Check one plot geometry (in ``crs``) of ``plot_kind``: the live check while drawing."""
        if isinstance(crs, str):
            crs = QgsCoordinateReferenceSystem(crs)
        if not crs_is_defined(crs):
            message = tr("the plot layer has no coordinate reference system: nothing can be checked")
            return PlotCheck(plot_fid, plot_code, project_code, plot_kind, STATUS_NOT_CHECKED, message, [],
                             messages=[message])
        measure = PlotMeasure(crs, self.transform_context)
        if threading.current_thread() is threading.main_thread():
            self._snapshots = {}     # left over from a canceled task: read the live layers instead
        prepared = self.prepare(crs, feedback)
        check = self._check_one(prepared, geometry, measure, plot_kind, plot_fid, plot_code, project_code,
                                class_before)
        from ..standard_layers import plot_rules   # issue 15: named features, GDPDJB slope, unstable farmland
        return plot_rules.apply_to_plot(self, check, crs)

    # --- whole layers ---------------------------------------------------------------------------

    def check_plots(self, plots_layer, project_codes=None, feedback=None, fields=None, request=None,
                    project_types=None):
        """Check every plot (or those of ``project_codes``): ``{project_code: ProjectCheck}``.

        ``plots_layer``: a QgsVectorLayer or any feature source (a thread-safe snapshot).
        ``project_types``: optional ``{project_code: project_type}``; the consolidation rules then
        apply only to the types listed in ``constraint_rules.json`` (else to every project).
        """
        fields = fields or PlotFields()
        crs = plots_layer.sourceCrs() if hasattr(plots_layer, "sourceCrs") else plots_layer.crs()
        request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
        if project_codes is not None:
            codes = [str(code) for code in project_codes]
            if not codes:
                return {}
            expression = " OR ".join(QgsExpression.createFieldEqualityExpression(fields.project_code, code)
                                     for code in codes)
            request.combineFilterExpression(expression)
        if not crs_is_defined(crs):
            return self._all_not_checked(plots_layer, request, fields,
                                         tr("the plot layer has no coordinate reference system"))
        measure = PlotMeasure(crs, self.transform_context)
        # the index build (one long C++ call that releases the GIL) runs while the plots are read
        # and prepared here; layers are read through snapshots when this is the main thread
        if threading.current_thread() is threading.main_thread():
            self.snapshot_layers()
        resolved_entries = [self.resolve(entry) for entry in self.constraint_set.layers]
        holder = {}

        def build():
            try:
                holder["prepared"] = self.prepare(crs, feedback, resolved_entries)
            except Exception as exc:  # noqa: BLE001 - raised again below, in the caller's thread
                holder["error"] = exc

        builder = threading.Thread(target=build, name="constraint-index-build")
        builder.start()
        items = []
        try:
            positions = None
            for feature in plots_layer.getFeatures(request):
                if feedback is not None and feedback.isCanceled():
                    break
                if positions is None:
                    positions = _positions(feature.fields(), fields)
                values = _values(feature, fields, positions)
                kind = classify_plot(values["class_before"], values["class_after"])
                geometry = feature.geometry()
                items.append((feature.id(), geometry, values, kind, self._prepare_plot(geometry, validate=False)))
        finally:
            builder.join()
        if "error" in holder:
            raise holder["error"]
        prepared = holder["prepared"]
        if feedback is not None and feedback.isCanceled():
            return {}
        checks = self._check_items(prepared, items, crs, max(1, len(items)), feedback)
        if checks is None:
            return {}
        by_project = {}
        for (_fid, _geometry, values, _kind, _plot), check in zip(items, checks):
            by_project.setdefault(values["project_code"], []).append((check, values["class_before"]))
        results = {}
        for code, items in by_project.items():
            results[code] = self._project_check(code, items, prepared, measure, project_types)
        from ..standard_layers import plot_rules   # issue 15: named features, GDPDJB slope, unstable farmland
        plot_rules.apply_to_results(self, results, plots_layer, fields)
        if feedback is not None:
            feedback.setProgress(100.0)
        return results

    def _check_items(self, prepared, items, crs, total, feedback):
        """PlotChecks of ``items`` in order: the plots' areas and overlaps measured for all plots
        together (``batch_check.measure_plots``), then each plot's findings on ``self.workers`` threads
        (GEOS releases the GIL); None when canceled."""
        measure = PlotMeasure(crs, self.transform_context)
        found = measure_plots(prepared, [item[4] for item in items], crs, measure, feedback, self._trusted)
        if found is None:
            return None
        areas, measured, unproven = found
        numbered = []
        for number, (item, area, extra) in enumerate(zip(items, areas, measured)):
            if number in unproven:        # not shown valid in numpy: GEOS decides (and repairs), QGIS measures
                numbered.append(item[:4] + (self._prepare_plot(item[1], measure), {}))
            else:
                numbered.append(item[:4] + (item[4][:2] + (area,) + item[4][3:], extra))

        def run(chunk, progress):
            measure = PlotMeasure(crs, self.transform_context)   # a transform is not shared across threads
            found = []
            for fid, geometry, values, kind, plot, extra in chunk:
                if feedback is not None and feedback.isCanceled():
                    return None
                found.append(self._check_one(prepared, geometry, measure, kind, fid,
                                             values["plot_code"] or f"fid {fid}", values["project_code"],
                                             values["class_before"], plot, extra))
                if progress:
                    progress()
            return found

        done = [0]

        def progress():
            done[0] += 1
            if feedback is not None and done[0] % 32 == 0:
                feedback.setProgress(50.0 + 50.0 * done[0] / total)

        items = numbered
        workers = max(1, min(int(self.workers or 1), len(items) // 64 or 1))
        if workers == 1:
            return run(items, progress)
        from concurrent.futures import ThreadPoolExecutor
        size = max(1, math.ceil(len(items) / (workers * 4)))
        chunks = [items[start:start + size] for start in range(0, len(items), size)]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(lambda chunk: run(chunk, progress), chunks))
        if any(part is None for part in parts):
            return None
        return [check for part in parts for check in part]
