# SPDX-License-Identifier: GPL-2.0-or-later
"""Project rows of the project dock: new (with the projects layer's own form), rename, delete, status,
workflow, zoom.

The status menu sets a status directly, as the 2017 flow allows; it is the door to the acceptance flows:
已验收 is an acceptance (``acceptance``), leaving 已验收 or 已报备 is a reopening; 已报备 only follows
已验收.  A project under a step-by-step workflow (national_2024) moves only in the workflow dialog, whose
deposit step (入库) is the same acceptance.  Each change is one undo step.
"""
from qgis.core import QgsCoordinateTransform, QgsProject
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtWidgets import QInputDialog, QMessageBox

from ...core import projects
from ...core.acceptance import is_locked, project_profile
from ...core.workflow import workflow_of
from ...i18n import tr


def _is_null(value):
    return hasattr(value, "isNull") and value.isNull()


class ProjectActions(QObject):
    def __init__(self, dock):
        super().__init__(dock)
        self.dock = dock

    @property
    def layer(self):
        return self.dock.database.projects_layer

    def status_of(self, code):
        feature = projects.find_project(self.layer, code) if self.dock.database.is_open() else None
        return feature["status"] if feature is not None else None

    def next_code(self):
        codes = set(self.dock.project_codes())
        index = len(codes) + 1
        while f"XM{index:03d}" in codes:
            index += 1
        return f"XM{index:03d}"

    def new_project(self, attributes=None):
        """Add a project; without ``attributes`` the projects layer's own form asks for them."""
        self.dock.require_database()
        layer = self.layer
        if attributes is None:
            # the form edits only a layer in edit mode: without it every field is read-only and 确定 grey
            projects.ensure_editing(layer)
            feature = projects.new_feature(layer, None, {"project_code": self.next_code(), "status": "planned"})
            edited = self.dock.form_opener(self.dock.iface, layer, feature)
            if edited is None:
                return None
            attributes = {name: edited[name] for name in edited.fields().names() if name != "fid"}
            attributes = {k: v for k, v in attributes.items() if v is not None and not _is_null(v)}
        projects.add_project(layer, attributes)
        self.dock.database.record([layer])
        self.dock.refresh_project_list()
        self.dock.select_project(attributes["project_code"], zoom=False)
        return attributes["project_code"]

    def rename_project(self, new_name=None):
        code = self.dock.plot_editor.require_editable_project()
        if new_name is None:
            current = projects.find_project(self.layer, code)
            new_name, ok = QInputDialog.getText(self.dock, tr("Rename project"), tr("New name of {}", code),
                                                text=str(current["project_name"] or ""))
            if not ok:
                return None
        projects.rename_project(self.layer, code, new_name)
        self.dock.database.record([self.layer])
        self.dock.refresh_project_list()
        return new_name

    def delete_project(self, confirm=True):
        code = self.dock.plot_editor.require_editable_project()
        if confirm:
            answer = QMessageBox.question(
                self.dock, tr("Delete project"),
                tr("Delete project {} and all its plots? You can undo this until you save.", code))
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        database = self.dock.database
        count = projects.delete_project(self.layer, database.plots_layer, code)
        database.record([database.plots_layer, self.layer])
        self.dock.live.project_credits.pop(code, None)
        self.dock.refresh_project_list()
        self.dock.panel.show_nothing()
        self.dock.message(tr("Project {} deleted with {} plots (undo to restore; save to make it final)", code, count))
        return count

    def set_status(self, status):
        """Change the selected project's status directly (the 2017 flow): its deposit state is the acceptance,
        leaving a locked state the reopening.  A project under a step-by-step workflow is refused (Workflow…)."""
        code = self.dock.require_project()
        current = self.status_of(code)
        profile = project_profile(projects.feature_dict(projects.find_project(self.layer, code)))
        workflow = workflow_of(profile)
        if workflow.sequential:
            raise projects.ProjectError(tr("Project {} follows the workflow of {}: move it a step at a time with "
                                           "Workflow…, which records the date and who took each step", code,
                                           profile.id))
        if workflow.state(status) is None:
            raise projects.ProjectError(tr("Project {}: '{}' is not a state of the workflow of {} ({})", code, status,
                                           profile.id, " → ".join(state.name_zh for state in workflow.states)))
        if workflow.is_deposit_state(status):
            return self.dock.accept_project(code)
        if is_locked(current) and not is_locked(status):
            return self.dock.reopen_project(code, status=status)
        if is_locked(status) and not is_locked(current):
            raise projects.ProjectError(tr("Project {}: accept it first (验收), then it can be filed", code))
        with self.dock.lock_guard.paused():    # 已验收 → 已报备: both locked, the plugin's own change
            projects.update_project(self.layer, code, {"status": status}, tr("status of {}", code))
        self.dock.database.record([self.layer])
        self.dock.refresh_project_list()
        return status

    def open_workflow(self):
        """The workflow dialog of the selected project.  Its deposit step is the dock's acceptance and a step
        out of a locked state its reopening (``acceptance.workflow_step``); the others are written at once."""
        code = self.dock.require_project()
        if self.layer.isEditable() and self.layer.isModified():
            raise projects.ProjectError(tr("Save or discard the edits of the projects first: a workflow step is "
                                           "written to the database at once"))
        from ..dialogs.workflow import WorkflowDialog
        acceptance = self.dock.acceptance
        dialog = WorkflowDialog(acceptance.store(), code, self.dock.database.plots_layer, self.dock,
                                take_step=acceptance.workflow_step)
        dialog.stepTaken.connect(lambda _step: self.dock.projects_changed_outside())
        dialog.profileChanged.connect(lambda _profile: self.dock.projects_changed_outside())
        dialog.exec()
        return dialog

    def zoom_to_project(self, code):
        """Centre the canvas on the project's plots (with a margin)."""
        plots = self.dock.database.plots_layer
        extent = projects.project_extent(plots, code)
        if extent is None:
            return False
        canvas = self.dock.iface.mapCanvas()
        destination = canvas.mapSettings().destinationCrs()
        if destination.isValid() and destination != plots.crs():
            extent = QgsCoordinateTransform(plots.crs(), destination, QgsProject.instance()).transformBoundingBox(extent)
        elif not destination.isValid():
            canvas.setDestinationCrs(plots.crs())
        extent.scale(1.2)
        canvas.setExtent(extent)
        canvas.refresh()
        return True
