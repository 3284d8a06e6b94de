# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 16 on the desktop: real QGIS under Xvfb at 1366×768, in Chinese, with the plugin from the
``make package`` zip.  The user types a ledger's path into the ledger dock, clicks Open, picks 石桥县 from
the county list, clicks the 进出平衡 tab, then the province-year tab (xdotool: real X input events).  The
pages show, in Chinese and within the screen, the county's 进出平衡 by year and the province-year figures
of the two counties from the ledger's own account.  The screenshots are kept for a person to look at.

The driver inside QGIS (``--code``) only reports where the widgets are and what they show.
"""
import shutil
import textwrap
import time

import pytest

from desktop_qgis import desktop_qgis
from test_ledger_desktop import ROOT, _wait_for, package_zip  # noqa: F401 (fixture)
from test_province_year import SHIQIAO, fill_ledger

DRIVER = textwrap.dedent(r'''
    """Runs inside QGIS: writes the ledger dock's widget positions, then what its pages show, to JSON files."""
    import json, os
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QTableWidgetItem
    from qgis.utils import iface
    OUT = os.environ["DG_DESKTOP_OUT"]

    def write(name, data):
        with open(os.path.join(OUT, name + ".tmp"), "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(os.path.join(OUT, name + ".tmp"), os.path.join(OUT, name))

    def dock():
        return iface.mainWindow().findChild(QDockWidget, "DoubleGuaranteeLedgerDock")

    def centre(widget, rect=None):
        point = widget.mapToGlobal((rect or widget.rect()).center())
        return [point.x(), point.y()]

    def on_screen(widget):
        rect = widget.rect()
        screen = QApplication.primaryScreen().geometry()
        return widget.isVisible() and screen.contains(widget.mapToGlobal(rect.topLeft())) and \
            screen.contains(widget.mapToGlobal(rect.bottomRight()))

    def table(widget):
        return [[widget.item(r, c).text() if widget.item(r, c) else "" for c in range(widget.columnCount())]
                for r in range(widget.rowCount())]

    def state():
        d = dock()
        page = d.pages.currentWidget()
        return {"page": page.objectName(), "tab": d.pages.tabText(d.pages.currentIndex()), "county": d.county_code(),
                "in_out": table(d.in_out_page.table), "in_out_summary": d.in_out_page.summary.text(),
                "province": table(d.province_page.table), "verdict": d.province_page.verdict.text(),
                "year": d.province_page.year_spin.value(),
                "headers": [(d.province_page.table.horizontalHeaderItem(c) or QTableWidgetItem()).text()
                            for c in range(d.province_page.table.columnCount())],
                "page_on_screen": on_screen(getattr(page, "table", page)),   # the dock scrolls: its table in view
                "verdict_on_screen": on_screen(d.province_page.verdict),
                "modal": QApplication.activeModalWidget() is not None,
                "window": iface.mainWindow().geometry().getRect(),
                "screen": QApplication.primaryScreen().geometry().getRect()}

    def ready():
        d = dock()
        if d is None:
            QTimer.singleShot(500, ready)
            return
        # the plugin's other docks closed first: stacked in one column they would not fit a laptop's height
        for other in iface.mainWindow().findChildren(QDockWidget):
            if other is not d and other.objectName().startswith("DoubleGuarantee"):
                other.hide()
        d.show()
        d.raise_()
        # no window manager under Xvfb: the window takes the laptop screen itself
        iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())
        QTimer.singleShot(1500, report_positions)

    def report_positions():
        d = dock()
        write("positions.json", {"target": centre(d.target_combo.lineEdit()), "open": centre(d.open_button)})
        QTimer.singleShot(300, poll)

    def poll():
        d = dock()
        if os.path.exists(os.path.join(OUT, "positions.request")) and d.ledger is not None:
            bar = d.pages.tabBar()
            write("positions2.json", {"county": centre(d.county_combo), "in_out_tab": centre(bar, bar.tabRect(1)),
                                      "province_tab": centre(bar, bar.tabRect(2))})
        if os.path.exists(os.path.join(OUT, "year.request")) and d.pages.currentWidget() is d.province_page:
            write("positions3.json", {"year": centre(d.province_page.year_spin)})
            os.remove(os.path.join(OUT, "year.request"))
            os.remove(os.path.join(OUT, "positions.request"))
        screen = QApplication.primaryScreen().availableGeometry()
        if not screen.contains(iface.mainWindow().geometry()):
            # QGIS's window grows by itself under Xvfb (no window manager keeps it on the screen): pulled
            # back, as a window manager would, before anything is looked at
            iface.mainWindow().setGeometry(screen)
            QTimer.singleShot(300, poll)
            return
        for name in ("inOutPage", "provinceYearPage"):
            request = os.path.join(OUT, name + ".request")
            if os.path.exists(request):   # what the dock shows while the test waits (named when it times out)
                write("waiting.json", state())
            if os.path.exists(request) and d.pages.currentWidget().objectName() == name \
                    and d.county_code() == open(request, encoding="utf-8").read():
                QApplication.primaryScreen().grabWindow(0).save(os.path.join(OUT, name + ".png"))
                write(name + ".json", state())
                os.remove(request)
        if os.path.exists(os.path.join(OUT, "quit.request")):
            os._exit(0)
        QTimer.singleShot(200, poll)

    QTimer.singleShot(1000, ready)
''')


def _wait(out, name, qgis):
    try:
        return _wait_for(out / name, qgis, 60)
    except AssertionError as exc:
        waiting = out / "waiting.json"
        raise AssertionError(f"{exc}\nthe dock showed: {waiting.read_text(encoding='utf-8') if waiting.exists() else '—'}")


@pytest.mark.slow
def test_the_in_out_and_province_year_pages_in_real_qgis(package_zip, tmp_path):  # noqa: F811
    if shutil.which("xdotool") is None or shutil.which("qgis") is None:
        pytest.fail("xdotool and qgis are needed (scripts/setup.sh installs them)")
    ledger_path = tmp_path / "province_ledger.gpkg"
    fill_ledger(str(ledger_path))
    with desktop_qgis(package_zip, tmp_path, DRIVER) as session:
        out, qgis, xdotool = session.out, session.qgis, session.xdotool
        positions = _wait_for(out / "positions.json", qgis, 180)
        xdotool("mousemove", *positions["target"], "click", "--repeat", 3, 1)
        xdotool("key", "ctrl+a")
        xdotool("type", "--delay", 5, str(ledger_path))
        xdotool("mousemove", *positions["open"], "click", 1)
        (out / "positions.request").write_text("", encoding="utf-8")
        positions = _wait_for(out / "positions2.json", qgis, 60)
        xdotool("mousemove", *positions["county"], "click", 1)
        time.sleep(0.5)                                               # the list pops up (an animation)
        xdotool("type", "--delay", 50, SHIQIAO)
        xdotool("key", "Return")
        xdotool("mousemove", *positions["in_out_tab"], "click", 1)
        (out / "inOutPage.request").write_text(SHIQIAO, encoding="utf-8")
        in_out = _wait(out, "inOutPage.json", qgis)
        xdotool("mousemove", *positions["province_tab"], "click", 1)
        (out / "year.request").write_text("", encoding="utf-8")
        year = _wait_for(out / "positions3.json", qgis, 60)["year"]
        xdotool("mousemove", *year, "click", 1)                      # year N: 2025, typed
        xdotool("key", "ctrl+a")
        xdotool("type", "--delay", 50, "2025")
        xdotool("key", "Tab")
        (out / "provinceYearPage.request").write_text(SHIQIAO, encoding="utf-8")
        province = _wait(out, "provinceYearPage.json", qgis)
    shots = ROOT / "bench" / "out"
    shots.mkdir(parents=True, exist_ok=True)
    for name in ("inOutPage", "provinceYearPage"):
        shutil.copy(out / f"{name}.png", shots / f"ledger_{name}_zh.png")   # for a person to look at

    assert in_out["tab"] == "进出平衡" and in_out["county"] == SHIQIAO and in_out["page_on_screen"], in_out
    assert in_out["in_out"][0] == ["2025", "10.0000", "4.0000", "3.0000", "+6.0000", "是"], in_out["in_out"]
    assert in_out["in_out"][1][:5] == ["2024", "99.0000", "0.0000", "0.0000", "+99.0000"]
    assert "各年均已平衡" in in_out["in_out_summary"]
    assert province["tab"] == "省级年度平衡（以补定占）" and province["year"] == 2025, province
    assert province["headers"][1] == "2025 年稳定入库（亩）"
    rows = province["province"]
    assert [row[0] for row in rows] == ["320981 云溪县", "320982 石桥县", "示范省 全省合计"]
    assert rows[2][1:] == ["140.0000", "50.0000", "6.0000", "146.0000", "115.0000", "31.0000"]
    assert province["verdict"].startswith("平衡：2025 年净增加（146.0000 亩）") and province["verdict_on_screen"]
    assert not province["modal"]
