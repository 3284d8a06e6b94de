# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 14 on the desktop: real QGIS under Xvfb at 1366×768, in Chinese, with the plugin from the
``make package`` zip.  The user types a tampered ledger's path into the ledger dock and clicks
Open (xdotool: real X input events); the dock shows, in Chinese, which entry does not verify, and a
click on the disabled write-off button opens nothing.  The screenshot is kept for a person to look at.

The driver inside QGIS (``--code``) only reports where the widgets are and what they show; every
action comes from outside, as a user's would.
"""
import json
import os
import shutil
import subprocess
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
from tamper import rewrite_entry_2  # noqa: E402 (tests/ledger is on the path: conftest.py)

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "double_guarantee_plugin"
SCREEN = "1366x768x24"

DRIVER = textwrap.dedent(r'''
    """Runs inside QGIS: writes the ledger dock's widget positions, then what it shows, to JSON files."""
    import json, os
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QDockWidget
    from qgis.utils import iface
    OUT = os.environ["DG_DESKTOP_OUT"]

    def write(name, data):
        with open(os.path.join(OUT, name + ".tmp"), "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(os.path.join(OUT, name + ".tmp"), os.path.join(OUT, name))

    def centre(widget):
        point = widget.mapToGlobal(widget.rect().center())
        return [point.x(), point.y()]

    def dock():
        return iface.mainWindow().findChild(QDockWidget, "DoubleGuaranteeLedgerDock")

    def on_screen(widget):
        """The widget is shown and wholly inside the screen (a person can read it)."""
        rect = widget.rect()
        top_left, bottom_right = widget.mapToGlobal(rect.topLeft()), widget.mapToGlobal(rect.bottomRight())
        screen = QApplication.primaryScreen().geometry()
        return widget.isVisible() and screen.contains(top_left) and screen.contains(bottom_right)

    def state():
        d = dock()
        return {"status": d.status_label.text(), "warning": d.integrity_label.text(),
                "warning_on_screen": on_screen(d.integrity_label),
                "county": d.county_code(), "title": d.windowTitle(),
                "writeoff_enabled": d.writeoff_button.isEnabled(), "export_enabled": d.export_button.isEnabled(),
                "rows": d.journal_table.rowCount(), "ledger_open": d.ledger is not None,
                "modal": QApplication.activeModalWidget() is not None,
                "windows": [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]}

    def ready():
        d = dock()
        if d is None:
            QTimer.singleShot(500, ready)
            return
        # no window manager under Xvfb: the window takes the laptop screen itself
        iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())
        for other in iface.mainWindow().findChildren(QDockWidget):
            if other is not d and other.objectName().startswith("DoubleGuarantee"):
                other.hide()
        d.show()
        d.raise_()
        QTimer.singleShot(1500, report_positions)

    def report_positions():
        d = dock()
        write("positions.json", {"target": centre(d.target_combo.lineEdit()), "open": centre(d.open_button),
                                 "state": state()})
        QTimer.singleShot(300, poll)

    def poll():
        d = dock()
        # answered once the clicks before them have had their effect: X delivers input in order, so a
        # state seen after the last input means every input before it was handled
        if os.path.exists(os.path.join(OUT, "positions.request")) and d.ledger is not None:
            write("positions2.json", {"county": centre(d.county_combo), "writeoff": centre(d.writeoff_button)})
            os.remove(os.path.join(OUT, "positions.request"))
        request = os.path.join(OUT, "screenshot.request")
        if os.path.exists(request) and d.county_code() == open(request, encoding="utf-8").read():
            QApplication.primaryScreen().grabWindow(0).save(os.path.join(OUT, "screen.png"))
            write("state.json", state())
            os.remove(request)
        if os.path.exists(os.path.join(OUT, "quit.request")):
            os._exit(0)   # QGIS teardown from a script is not what is tested
        QTimer.singleShot(200, poll)

    QTimer.singleShot(1000, ready)
''')


def _start_xvfb():
    """Xvfb picks a free display itself (-displayfd) and writes its number once it accepts clients:
    no guessing from /tmp, whose sockets another X server (another test, a chroot's host) may not show."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_end,))
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()             # empty when Xvfb ended without a display
    assert number and xvfb.poll() is None, "Xvfb did not start"
    return xvfb, f":{number}"


def _wait_for(path, process, seconds):
    deadline = time.time() + seconds
    while not path.exists():
        log = path.parent.parent / "qgis.log"
        if process.poll() is not None:
            raise AssertionError(f"QGIS ended early (rc {process.returncode}): {log.read_text()[-3000:]}")
        if time.time() > deadline:
            raise AssertionError(f"QGIS did not write {path.name} within {seconds} s: {log.read_text()[-3000:]}")
        time.sleep(0.2)
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def package_zip(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    completed = subprocess.run(["make", "-s", "package"], cwd=ROOT, env=dict(os.environ, DG_DIST_DIR=str(dist)),
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return next(dist.glob(f"{PLUGIN}-*.zip"))


def tampered_ledger(path):
    """Three entries; the second rewritten with the file's triggers dropped, as any SQLite client can."""
    from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger
    ledger = open_ledger(str(path))
    ledger.deposit(DepositRequest("320999", "P1", "东湖村", Amounts(100, 80000, 10), "2024-01-01"))
    ledger.deposit(DepositRequest("320999", "P2", "西湖村", Amounts(50, 40000, 5), "2024-01-02"))
    ledger.write_off("320999", "JS-1", "产业园区", Amounts(10, 8000, 0), "2024-02-01")
    ledger.close()
    rewrite_entry_2(path)


@pytest.mark.slow
def test_a_tampered_ledger_opened_in_real_qgis_names_the_entry_and_refuses_write_offs(package_zip, tmp_path):
    if shutil.which("xdotool") is None or shutil.which("qgis") is None:
        pytest.fail("xdotool and qgis are needed (scripts/setup.sh installs them)")
    profile = tmp_path / "profiles" / "default"
    (profile / "python" / "plugins").mkdir(parents=True)
    with zipfile.ZipFile(package_zip) as archive:
        archive.extractall(profile / "python" / "plugins")
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[locale]\noverrideFlag=true\nuserLocale=zh_CN\n[PythonPlugins]\ndouble_guarantee_plugin=true\n"
        "[qgis]\ncheckVersion=false\nshowTips=false\n", encoding="utf-8")
    ledger_path = tmp_path / "tampered_ledger.gpkg"   # xdotool types no CJK reliably
    tampered_ledger(ledger_path)
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "driver.py").write_text(DRIVER, encoding="utf-8")

    xvfb, display = _start_xvfb()
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "XAUTHORITY")}
    env.update(DISPLAY=display, DG_DESKTOP_OUT=str(out), PYTHONDONTWRITEBYTECODE="1")
    qgis = None
    log = open(tmp_path / "qgis.log", "w", encoding="utf-8")
    try:
        qgis = subprocess.Popen(["qgis", "--nologo", "--noversioncheck", "--profiles-path", str(tmp_path),
                                 "--profile", "default", "--code", str(tmp_path / "driver.py")],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        positions = _wait_for(out / "positions.json", qgis, 180)
        assert not positions["state"]["ledger_open"]

        def xdotool(*args):
            subprocess.run(["xdotool", *map(str, args)], env=env, check=True, timeout=30)
        # the user clicks into the ledger field, types the path, clicks Open
        xdotool("mousemove", *positions["target"], "click", "--repeat", 3, 1)
        xdotool("key", "ctrl+a")
        xdotool("type", "--delay", 5, str(ledger_path))
        xdotool("mousemove", *positions["open"], "click", 1)
        (out / "positions.request").write_text("", encoding="utf-8")
        positions = _wait_for(out / "positions2.json", qgis, 60)     # the ledger is open
        # tries the write-off button (a dialog opened by it would be modal and swallow what follows)
        xdotool("mousemove", *positions["writeoff"], "click", 1)
        # picks the demo county from the county list (keyboard search in the open list)
        xdotool("mousemove", *positions["county"], "click", 1)
        time.sleep(0.5)                                               # the list pops up (an animation)
        xdotool("type", "--delay", 50, "320999")
        xdotool("key", "Return")
        (out / "screenshot.request").write_text("320999", encoding="utf-8")
        state = _wait_for(out / "state.json", qgis, 60)
    finally:
        (out / "quit.request").write_text("", encoding="utf-8")
        if qgis is not None:
            try:
                qgis.wait(timeout=30)
            except subprocess.TimeoutExpired:
                qgis.kill()
        xvfb.terminate()
        xvfb.wait(timeout=30)
        log.close()
    shots = ROOT / "bench" / "out"
    shots.mkdir(parents=True, exist_ok=True)
    shutil.copy(out / "screen.png", shots / "ledger_tampered_zh.png")   # for a person to look at

    assert state["ledger_open"] and state["county"] == "320999" and state["rows"] == 3, state
    assert "指标储备库" in state["title"]
    warning = state["warning"]
    assert "tampered_ledger.gpkg 自流水 2 起未通过校验：流水 2：哈希值" in warning and "拒绝核销" in warning, warning
    assert state["warning_on_screen"], "the message naming the entry is not on the screen"
    assert state["status"] == warning
    assert not state["writeoff_enabled"] and state["export_enabled"]
    assert not state["modal"], state["windows"]        # the click on the disabled button opened nothing
