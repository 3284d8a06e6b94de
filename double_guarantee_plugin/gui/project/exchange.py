# SPDX-License-Identifier: GPL-2.0-or-later
"""What the project dock hands to the other parts of the plugin: coordinate TXT in and out, sheets, atlas.

Each part is imported when used, so a missing or broken part costs its button, not the dock.  A TXT
file dropped on the dock is imported into the selected project like one chosen with the button.
"""
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtWidgets import QFileDialog

from ...core import projects
from ...i18n import tr


def txt_drop_paths(mime_data):
    """The local coordinate TXT files of a drop (an empty list when there are none)."""
    try:
        from ..dialogs.coord_txt import is_coord_txt_drop
    except ImportError:
        return []
    try:
        return list(is_coord_txt_drop(mime_data) or [])
    except Exception:  # noqa: BLE001 - a drop that cannot be read is no drop for us
        return []


class Exchange(QObject):
    def __init__(self, dock):
        super().__init__(dock)
        self.dock = dock
        self.atlas_dialog = None

    def import_txt(self, paths=None):
        code = self.dock.plot_editor.require_editable_project()
        try:
            from ..dialogs.coord_txt import import_txt_as_plots
        except ImportError:
            raise projects.ProjectError(tr("The coordinate TXT import is not installed")) from None
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self.dock, tr("Import coordinate TXT files"), "",
                                                    "TXT (*.txt *.TXT)")
            if not paths:
                return None
        plots = self.dock.database.plots_layer
        projects.ensure_editing(plots)
        result = import_txt_as_plots(self.dock.iface, plots, code, list(paths))
        self.dock.database.record([plots])
        return result

    def export_txt(self, path=None, **options):
        code = self.dock.require_project()
        try:
            from ..dialogs.coord_txt import export_project_txt
        except ImportError:
            raise projects.ProjectError(tr("The coordinate TXT export is not installed")) from None
        if path is None:   # template, zone prefix, one file or per parcel (issue 15)
            from ..dialogs.coord_txt_export import ask_export_options
            path, chosen = ask_export_options(self.dock, code)
            if not path:
                return None
            options = dict(chosen, **options)
        return export_project_txt(self.dock.iface, self.dock.database.plots_layer, code, path, **options)

    def export_map(self, path=None):
        """The selected project's meeting map (the export asks for a file when ``path`` is None)."""
        code = self.dock.require_project()
        try:
            from ..dialogs.export_maps import export_project_map
        except ImportError:
            raise projects.ProjectError(tr("The meeting-map export is not installed")) from None
        plots = self.dock.database.plots_layer
        if path is None:
            return export_project_map(self.dock.iface, plots, code)
        return export_project_map(self.dock.iface, plots, code, path)

    def open_atlas(self):
        """The atlas dialog over the open database's plots (one PDF per project or one combined PDF)."""
        self.dock.require_database()
        try:
            from ..dialogs.export_maps import open_atlas_dialog
        except ImportError:
            raise projects.ProjectError(tr("The meeting-map export is not installed")) from None
        self.atlas_dialog = open_atlas_dialog(self.dock.iface, self.dock.database.plots_layer)
        return self.atlas_dialog

    def accepts_drop(self, mime_data):
        return (self.dock.database.plots_layer is not None and bool(self.dock.selected_project())
                and bool(txt_drop_paths(mime_data)))

    def drop(self, mime_data):
        # only the dropped files that are coordinate TXT files: a stray other file must not fail the import
        paths = txt_drop_paths(mime_data)
        if paths:
            self.dock.guarded(self.import_txt, paths)
        return bool(paths)
