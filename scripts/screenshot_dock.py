# SPDX-License-Identifier: GPL-2.0-or-later
"""Render the project dock with a project database to a PNG, without QGIS's main window.

``python scripts/screenshot_dock.py [database.gpkg] [project_code] [out.png] [locale]`` (defaults: the
demo database, DG2024-07, demo_output/project_dock_zh_CN.png, zh_CN).  The demo step
``20_project_dock`` and the dock benchmark use ``HeadlessInterface`` and ``wait_idle`` from here.
"""
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for folder in (ROOT, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


class HeadlessInterface:
    """The QgisInterface methods the project dock calls, on a real main window and map canvas."""

    def __init__(self, width=1400, height=900):
        from qgis.gui import QgsMapCanvas
        from qgis.PyQt.QtWidgets import QMainWindow
        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.window.setCentralWidget(self.canvas)
        self.window.resize(width, height)
        self.messages = []

    def mainWindow(self):  # noqa: N802 (QGIS's names)
        return self.window

    def mapCanvas(self):  # noqa: N802
        return self.canvas

    def messageBar(self):  # noqa: N802
        return self

    def pushMessage(self, title, text, level=0, duration=-1):  # noqa: N802
        self.messages.append((title, text, level))

    def addDockWidget(self, area, dock):  # noqa: N802
        self.window.addDockWidget(area, dock)

    def close(self):
        """Stop the canvas's render jobs and close the window (before QGIS exits)."""
        from qgis.core import QgsApplication
        from qgis.PyQt.QtCore import QCoreApplication, QEvent
        self.canvas.stopRendering()
        self.canvas.waitWhileRendering()
        self.window.close()
        self.window.deleteLater()
        QgsApplication.processEvents()
        # a script runs no event loop, so the deferred delete must be asked for: otherwise the window,
        # its canvas and the dock died only when Python exited, after QGIS, in no fixed order (a
        # segmentation fault after `make demo` had printed everything)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def wait_idle(dock, timeout=120.0):
    """Spin the event loop until the dock has no debounce pending and no credit task running."""
    from qgis.core import QgsApplication
    started = time.perf_counter()
    while dock.busy():
        QgsApplication.processEvents()
        time.sleep(0.002)
        if time.perf_counter() - started > timeout:
            raise RuntimeError(f"the project dock was still busy after {timeout} s")
    QgsApplication.processEvents()
    return time.perf_counter() - started


def make_dock(iface, locale=None):
    """A project dock on ``iface``'s window, with the plugin's translation for ``locale`` loaded first."""
    from qgis.PyQt.QtCore import Qt
    from double_guarantee_plugin import i18n
    from double_guarantee_plugin.gui.docks.project_dock import create_dock
    if locale:
        i18n.setup_translation(locale)
    dock = create_dock(iface)
    iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    iface.window.show()
    return dock


def save_dock_image(dock, path, width=760, height=1000):
    """Grab the dock as it is drawn and save it; returns the QImage."""
    from qgis.core import QgsApplication
    floating = dock.isFloating()
    dock.setFloating(True)   # a fixed size, whatever the main window's dock area looks like
    dock.resize(width, height)
    QgsApplication.processEvents()
    image = dock.grab().toImage()
    dock.setFloating(floating)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise RuntimeError(f"{path}: the screenshot could not be written")
    return image


def main(argv=None):
    argv = list(argv if argv is not None else sys.argv[1:])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis_headless import start_qgis
    start_qgis()
    import generate_demo
    paths = generate_demo.ensure_demo_data(ROOT / "demo_data")
    database = argv[0] if len(argv) > 0 else str(paths["projects"])
    code = argv[1] if len(argv) > 1 else "DG2024-07"
    out = argv[2] if len(argv) > 2 else str(ROOT / "demo_output" / "project_dock_zh_CN.png")
    locale = argv[3] if len(argv) > 3 else "zh_CN"
    iface = HeadlessInterface()
    dock = make_dock(iface, locale)
    dock.open_database(database)
    wait_idle(dock)
    if not dock.select_project(code):
        raise SystemExit(f"{database}: no project {code}")
    wait_idle(dock)
    save_dock_image(dock, out)
    print(f"wrote {out}")
    dock.cleanup()
    iface.close()


if __name__ == "__main__":
    main()
