# SPDX-License-Identifier: GPL-2.0-or-later
"""The lock of accepted projects against edits made with QGIS's own tools (vertex tool, attribute table, …).

The dock's own buttons refuse to edit a locked project before anything changes.  QGIS's tools do
not ask the plugin, so this guard watches the edit commands of both layers: when a finished command
touched a plot or the row of a locked project (已验收, 已报备, 入库), it is undone at once and the
user is told to reopen the project first.  The acceptance and reopening flows pause the guard while
they change a project's status themselves.
"""
import contextlib

from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QObject, QTimer

from ...core.acceptance import is_locked
from ...i18n import tr


class LockGuard(QObject):
    def __init__(self, on_refused, parent=None):
        super().__init__(parent)
        self.on_refused = on_refused          # (text) -> None
        self.plots_layer = self.projects_layer = None
        self.locked_codes = set()
        self.locked_fids = {}                 # layer id -> {fid: project code} of locked rows and plots
        self._touched = {}                    # layer id -> {fid: code before the edit or None}
        self._paused = 0
        self._connections = []

    def attach(self, plots_layer, projects_layer):
        self.detach()
        self.plots_layer, self.projects_layer = plots_layer, projects_layer
        for layer in (plots_layer, projects_layer):
            for signal, slot in ((layer.editCommandStarted, lambda *_a, lyr=layer: self._started(lyr)),
                                 (layer.editCommandEnded, lambda lyr=layer: self._ended(lyr)),
                                 (layer.featureAdded, lambda fid, lyr=layer: self._touch(lyr, fid)),
                                 (layer.featureDeleted, lambda fid, lyr=layer: self._touch(lyr, fid)),
                                 (layer.geometryChanged, lambda fid, *_a, lyr=layer: self._touch(lyr, fid)),
                                 (layer.attributeValueChanged, lambda fid, *_a, lyr=layer: self._touch(lyr, fid))):
                signal.connect(slot)
                self._connections.append((signal, slot))
        self.refresh()

    def detach(self):
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._connections = []
        self.plots_layer = self.projects_layer = None
        self.locked_codes, self.locked_fids, self._touched = set(), {}, {}

    def refresh(self):
        """Re-read which projects are locked and which plots they own (after the list changed)."""
        if self.projects_layer is None:
            return
        rows = {f.id(): str(f["project_code"]) for f in self.projects_layer.getFeatures()
                if is_locked(f["status"])}
        self.locked_codes = set(rows.values())
        self.locked_fids = {self.projects_layer.id(): rows, self.plots_layer.id(): {}}
        if self.locked_codes:
            from qgis.core import QgsExpression
            codes = ", ".join(QgsExpression.quotedValue(code) for code in sorted(self.locked_codes))
            request = QgsFeatureRequest().setFilterExpression(f'"project_code" IN ({codes})')
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(["project_code"],
                                                                                      self.plots_layer.fields())
            self.locked_fids[self.plots_layer.id()] = {f.id(): str(f["project_code"])
                                                       for f in self.plots_layer.getFeatures(request)}

    @contextlib.contextmanager
    def paused(self):
        self._paused += 1
        try:
            yield
        finally:
            self._paused -= 1
            self.refresh()

    # -- watching --------------------------------------------------------------------------------
    def _started(self, layer):
        self._touched[layer.id()] = {}

    def _touch(self, layer, fid):
        touched = self._touched.get(layer.id())
        if touched is None or self._paused or fid in touched:
            return
        touched[fid] = self.locked_fids.get(layer.id(), {}).get(fid)   # locked before this edit?

    def _codes_after(self, layer, fid):
        """The locked project a row or plot belongs to after the edit (a new plot of a locked project,
        a row given a locked status), as a set."""
        feature = layer.getFeature(fid)
        if not feature.isValid():
            return set()
        code = str(feature["project_code"])
        if layer is self.projects_layer:
            return {code} if is_locked(feature["status"]) else set()
        return {code} & self.locked_codes

    def _ended(self, layer):
        touched = self._touched.pop(layer.id(), None)
        if not touched or self._paused:
            return
        hit = set()
        for fid, before in touched.items():
            if before is not None:
                hit.add(before)
            hit |= self._codes_after(layer, fid)
        if hit:
            # undo after the command has fully ended: QGIS is still inside its own code here
            QTimer.singleShot(0, lambda: self._undo(layer, sorted(hit)))

    def _undo(self, layer, codes):
        try:
            layer.undoStack().undo()
        except RuntimeError:
            return
        self.on_refused(tr("Project {} is accepted and locked: the edit was undone. Reopen it (with a reason) "
                           "before changing its plots or fields", ", ".join(codes)))
