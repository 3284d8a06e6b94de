# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 16 on the desktop: a write-off calculated from a construction footprint, in real QGIS under Xvfb
at 1366×768, in Chinese, with the plugin from the ``make package`` zip.

The QGIS project holds the hand-worked layers of test_writeoff_calculator (DLTB, 永久基本农田, 用地范围)
from a GeoPackage.  With real X input events (xdotool) the user types the ledger's path into the ledger
dock and opens it, clicks 核销…, in the write-off dialog 从用地范围图层…; the calculator starts with the
land survey and the basic farmland recognised and the footprint as the remaining layer; the user ticks the
default grade, clicks 计算, takes the figures, types the construction project's code, 电子监管号 and
案卷编号 and clicks OK.  The ledger file, read back after QGIS has quit, holds the write-off with the
hand-worked figures (net 17.7075 亩, 14,042.7 kg, paddy 7.5 亩) and its links.  Screenshots of both
dialogs are kept in bench/out for a person to look at.

The driver inside QGIS (``--code``) only loads the layers, answers where a widget is and reports what
the dialogs show.
"""
import shutil
import sys
import textwrap
import time
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ledger"))
from desktop_qgis import desktop_qgis  # noqa: E402
from test_ledger_desktop import ROOT, package_zip  # noqa: E402,F401 (fixture)
from test_writeoff_calculator import basic_farmland, footprint, ledger_path, survey  # noqa: E402,F401 (fixtures)

COUNTY = "320999"      # the county of the ledger_path fixture's deposit
DRIVER = textwrap.dedent(r'''
    """Runs inside QGIS: loads the layers, then answers ``<n>.where`` requests (a dialog's object name and an
    attribute path: where is that widget on the screen) and ``<n>.shot`` requests (a screenshot and what the
    active dialog shows) until ``quit.request``."""
    import json, os
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QDockWidget, QLabel
    from qgis.utils import iface
    OUT = os.environ["DG_DESKTOP_OUT"]
    LAYERS = os.environ["DG_DESKTOP_LAYERS"]

    def write(name, data):
        with open(os.path.join(OUT, name + ".tmp"), "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(os.path.join(OUT, name + ".tmp"), os.path.join(OUT, name))

    def dock():
        return iface.mainWindow().findChild(QDockWidget, "DoubleGuaranteeLedgerDock")

    def widget_of(owner, path):
        """``owner``'s widget at the attribute path ``a.b``; ``ok`` is the OK button of its button box."""
        widget = owner
        for part in path.split("."):
            if part == "ok":
                widget = widget.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            elif part == "line_edit":
                widget = widget.lineEdit()
            else:
                widget = getattr(widget, part)
        return widget

    def owner_of(name):
        """The dock, or the active modal dialog when it is the one named (None while another is on top)."""
        if name == "dock":
            return dock()
        modal = QApplication.activeModalWidget()
        return modal if modal is not None and modal.objectName() == name else None

    def on_screen(widget):
        screen = QApplication.primaryScreen().geometry()
        return widget.isVisible() and screen.contains(widget.frameGeometry()) if widget.isWindow() else \
            screen.contains(widget.mapToGlobal(widget.rect().topLeft())) and \
            screen.contains(widget.mapToGlobal(widget.rect().bottomRight()))

    def texts(dialog):
        table = getattr(dialog, "table", None)
        return {"title": dialog.windowTitle(), "on_screen": on_screen(dialog),
                "labels": [label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text()],
                "rows": [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
                         for r in range(table.rowCount())] if table is not None else [],
                "combos": {name: (getattr(dialog, name).currentLayer().name()
                                  if getattr(dialog, name).currentLayer() else None)
                           for name in ("footprint_combo", "survey_combo", "protected_combo")
                           if hasattr(dialog, name)},
                "ok_enabled": dialog.findChild(QDialogButtonBox).button(
                    QDialogButtonBox.StandardButton.Ok).isEnabled()}

    def ready():
        d = dock()
        if d is None:
            QTimer.singleShot(500, ready)
            return
        for name in ("DLTB", "永久基本农田", "用地范围"):
            QgsProject.instance().addMapLayer(QgsVectorLayer(f"{LAYERS}|layername={name}", name, "ogr"))
        for other in iface.mainWindow().findChildren(QDockWidget):
            if other is not d and other.objectName().startswith("DoubleGuarantee"):
                other.hide()
        d.show()
        d.raise_()
        # no window manager under Xvfb: the window takes the laptop screen itself
        iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())
        write("ready.json", {})
        QTimer.singleShot(1500, poll)

    def poll():
        screen = QApplication.primaryScreen().availableGeometry()
        if not screen.contains(iface.mainWindow().geometry()):
            iface.mainWindow().setGeometry(screen)   # QGIS's window grows by itself under Xvfb
            QTimer.singleShot(300, poll)
            return
        for entry in sorted(os.listdir(OUT)):
            path = os.path.join(OUT, entry)
            if entry.endswith(".where"):
                name, attribute = open(path, encoding="utf-8").read().split(" ", 1)
                owner = owner_of(name)
                if owner is not None:
                    widget = widget_of(owner, attribute)
                    if widget.isVisible() and widget.isEnabled():
                        point = widget.mapToGlobal(widget.rect().center())
                        write(entry[:-6] + ".json", [point.x(), point.y()])
                        os.remove(path)
            elif entry.endswith(".shot"):
                owner = owner_of(open(path, encoding="utf-8").read())
                if owner is not None:
                    QApplication.primaryScreen().grabWindow(0).save(os.path.join(OUT, entry[:-5] + ".png"))
                    write(entry[:-5] + ".json", texts(owner))
                    os.remove(path)
        if os.path.exists(os.path.join(OUT, "idle.request")) and QApplication.activeModalWidget() is None:
            write("idle.json", {"journal_rows": dock().journal_table.rowCount(), "county": dock().county_code()})
            os.remove(os.path.join(OUT, "idle.request"))
        if os.path.exists(os.path.join(OUT, "quit.request")):
            os._exit(0)
        QTimer.singleShot(200, poll)

    QTimer.singleShot(1000, ready)
''')


def _save_layers(path, layers):
    for number, layer in enumerate(layers):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer.name()
        if number:
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
        assert error[0] == QgsVectorFileWriter.WriterError.NoError, error


@pytest.mark.slow
def test_a_write_off_from_a_footprint_in_real_qgis(package_zip, tmp_path, survey, basic_farmland,  # noqa: F811
                                                   footprint, ledger_path):  # noqa: F811
    from double_guarantee_plugin.core.ledger import Amounts, open_ledger
    if shutil.which("xdotool") is None or shutil.which("qgis") is None:
        pytest.fail("xdotool and qgis are needed (scripts/setup.sh installs them)")
    layers = tmp_path / "county_layers.gpkg"
    _save_layers(layers, [survey, basic_farmland, footprint])
    requests = iter(range(1, 1000))
    with desktop_qgis(package_zip, tmp_path, DRIVER, DG_DESKTOP_LAYERS=str(layers)) as session:
        out, xdotool = session.out, session.xdotool

        def where(owner, attribute):
            number = next(requests)
            (out / f"{number:03d}.where").write_text(f"{owner} {attribute}", encoding="utf-8")
            return session.wait_for(f"{number:03d}.json")

        def click(owner, attribute):
            xdotool("mousemove", *where(owner, attribute), "click", 1)

        def type_into(owner, attribute, text):
            click(owner, attribute)
            xdotool("key", "ctrl+a")
            xdotool("type", "--delay", 20, text)

        def shot(owner, name):
            (out / f"{name}.shot").write_text(owner, encoding="utf-8")
            return session.wait_for(f"{name}.json")

        session.wait_for("ready.json", 180)
        type_into("dock", "target_combo.line_edit", ledger_path)
        click("dock", "open_button")
        click("dock", "county_combo")                   # the county list: 320999 typed, as a user picks it
        time.sleep(0.5)                                  # the list pops up (an animation)
        xdotool("type", "--delay", 50, COUNTY)
        xdotool("key", "Return")
        click("dock", "writeoff_button")                 # a modal dialog: the driver's timer keeps answering
        click("writeOffDialog", "footprint_button")
        click("writeOffCalculatorDialog", "use_default_grade")
        click("writeOffCalculatorDialog", "calculate_button")
        calculator = shot("writeOffCalculatorDialog", "calculator")
        click("writeOffCalculatorDialog", "ok")
        type_into("writeOffDialog", "project_code", "JS2026-03")
        type_into("writeOffDialog", "rules.dzjgh", "3209992026000003")
        # ASCII only: xdotool drops characters it has to map onto a spare key (〔 lost one run in a few)
        type_into("writeOffDialog", "rules.ajbh", "SG2026-003")
        filled = shot("writeOffDialog", "writeoff")
        click("writeOffDialog", "ok")
        (out / "idle.request").write_text("", encoding="utf-8")
        idle = session.wait_for("idle.json")
    shots = ROOT / "bench" / "out"
    shots.mkdir(parents=True, exist_ok=True)
    for name in ("calculator", "writeoff"):
        shutil.copy(out / f"{name}.png", shots / f"ledger_{name}_zh.png")   # for a person to look at

    # the calculator started with the recognised county layers and the footprint, and shows the parcels
    assert calculator["combos"] == {"footprint_combo": "用地范围", "survey_combo": "DLTB",
                                    "protected_combo": "永久基本农田"}, calculator
    assert calculator["on_screen"] and calculator["ok_enabled"] and len(calculator["rows"]) == 3, calculator
    assert [row[:2] for row in calculator["rows"]] == [["A", "0103"], ["B", "0201K"], ["C", "0101"]]
    assert any("17.7075" in text for text in calculator["labels"]), calculator["labels"]
    assert filled["on_screen"] and filled["ok_enabled"], filled
    assert any("应缴耕地开垦费：735,975 元" in text for text in filled["labels"]), filled["labels"]
    assert filled["title"].startswith(f"从 {COUNTY} ") and idle == {"journal_rows": 2, "county": COUNTY}, idle
    ledger = open_ledger(ledger_path)
    try:
        entry = ledger.journal(kind="writeoff")[0]
    finally:
        ledger.close()
    assert entry.amounts == Amounts(17.7075, 14042.7, 7.5) and entry.project_code == "JS2026-03"
    assert entry.dzjgh == "3209992026000003" and entry.ajbh == "SG2026-003"
    assert "可调整 6.8325" in entry.note and entry.rule_profile == "national_2024"
