# SPDX-License-Identifier: GPL-2.0-or-later
"""The basemap dialog: choose 天地图 (with one's own key) or the county's XYZ/WMS service once, and add
it to the map; the meeting sheets use the same setting (core.basemap)."""
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                                 QVBoxLayout)

from ...core.basemap import (KIND_NONE, KIND_TIANDITU, KIND_WMS, KIND_XYZ, BasemapError, BasemapSettings,
                             basemap_layers)
from ...i18n import tr


class BasemapDialog(QDialog):
    """Edits ``BasemapSettings``; ``settings()`` returns what the form says."""

    def __init__(self, parent=None, settings=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Basemap"))
        self.setMinimumWidth(460)
        settings = settings or BasemapSettings.load()
        self._loaded = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("basemapKind")
        for kind, label in ((KIND_NONE, tr("None")), (KIND_TIANDITU, tr("Tianditu (天地图)")),
                            (KIND_XYZ, tr("XYZ tile service")), (KIND_WMS, tr("WMS service"))):
            self.kind.addItem(label, kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(settings.kind)))
        self.key = QLineEdit(settings.tianditu_key)
        self.key.setObjectName("tiandituKey")
        self.key.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.key.setPlaceholderText(tr("your own 天地图 key (tk)"))
        self.style = QComboBox()
        self.style.addItem(tr("Imagery"), "imagery")
        self.style.addItem(tr("Vector"), "vector")
        self.style.setCurrentIndex(max(0, self.style.findData(settings.tianditu_style)))
        self.url = QLineEdit(settings.url)
        self.url.setObjectName("basemapUrl")
        self.url.setPlaceholderText("https://…/{z}/{x}/{y}.png")
        self.wms_layers = QLineEdit(settings.wms_layers)
        self.on_sheets = QCheckBox(tr("Draw it under the plots of the meeting sheets"))
        self.on_sheets.setChecked(settings.use_on_sheets)
        form.addRow(tr("Service"), self.kind)
        form.addRow(tr("Tianditu key"), self.key)
        form.addRow(tr("Tianditu map"), self.style)
        form.addRow(tr("URL"), self.url)
        form.addRow(tr("WMS layers"), self.wms_layers)
        form.addRow("", self.on_sheets)
        layout.addLayout(form)
        note = QLabel(tr("Nothing is requested from a service until it is configured; the key stays in this "
                         "computer's QGIS settings."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self, *_args):
        kind = self.kind.currentData()
        self.key.setEnabled(kind == KIND_TIANDITU)
        self.style.setEnabled(kind == KIND_TIANDITU)
        self.url.setEnabled(kind in (KIND_XYZ, KIND_WMS))
        self.wms_layers.setEnabled(kind == KIND_WMS)

    def settings(self):
        settings = BasemapSettings(**self._loaded.__dict__)
        settings.kind = self.kind.currentData()
        settings.tianditu_key = self.key.text().strip()
        settings.tianditu_style = self.style.currentData()
        settings.url = self.url.text().strip()
        settings.wms_layers = self.wms_layers.text().strip()
        settings.use_on_sheets = self.on_sheets.isChecked()
        return settings


def add_basemap_to_project(settings, project=None):
    """Add the basemap's layers at the bottom of the layer tree (labels above tiles); returns them."""
    project = project or QgsProject.instance()
    layers = basemap_layers(settings)
    root = project.layerTreeRoot()
    for layer in layers:                      # bottom first: each next one goes just above the last
        project.addMapLayer(layer, False)
        root.insertLayer(len(root.children()) - (layers.index(layer)), layer)
    return layers


def configure_and_add_basemap(iface, dialog=None, execute=True):
    """The toolbar action: the dialog, then the settings saved and the basemap added (a message on errors)."""
    dialog = dialog or BasemapDialog(iface.mainWindow() if iface is not None else None)
    if execute and dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    settings = dialog.settings()
    settings.save()
    if settings.kind == KIND_NONE:
        return []
    try:
        return add_basemap_to_project(settings)
    except BasemapError as exc:
        if iface is not None and hasattr(iface, "messageBar"):
            iface.messageBar().pushMessage(tr("Basemap"), _explain(exc), Qgis.MessageLevel.Warning, 8)
        return None


def _explain(exc):
    text = str(exc)
    return tr("Enter your own 天地图 key first; nothing was requested") if "key" in text else text
