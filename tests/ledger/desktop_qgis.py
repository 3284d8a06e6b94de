# SPDX-License-Identifier: GPL-2.0-or-later
"""Real QGIS for the desktop tests of issue 16: the plugin from the ``make package`` zip in a fresh profile
(Chinese), QGIS on its own Xvfb screen of a laptop's size, a driver script run inside it (``--code``).

``with desktop_qgis(package_zip, tmp_path, DRIVER, DG_X="…") as session:`` starts both; the driver writes
its answers into ``session.out`` (``DG_DESKTOP_OUT``); ``session.xdotool(…)`` sends real X input events;
``session.wait_for(name)`` waits for an answer file.  On leaving, ``quit.request`` asks the driver to end
QGIS, which is killed only if it does not, and the X server is stopped.
"""
import contextlib
import os
import subprocess
import zipfile

from test_ledger_desktop import _start_xvfb, _wait_for

PROFILE_INI = ("[locale]\noverrideFlag=true\nuserLocale=zh_CN\n[PythonPlugins]\ndouble_guarantee_plugin=true\n"
               "[qgis]\ncheckVersion=false\nshowTips=false\n")


class Session:
    def __init__(self, out, env):
        self.out, self.env, self.qgis = out, env, None

    def xdotool(self, *args):
        subprocess.run(["xdotool", *map(str, args)], env=self.env, check=True, timeout=30)

    def wait_for(self, name, seconds=60):
        return _wait_for(self.out / name, self.qgis, seconds)


@contextlib.contextmanager
def desktop_qgis(package_zip, tmp_path, driver, **driver_env):
    profile = tmp_path / "profiles" / "default"
    (profile / "python" / "plugins").mkdir(parents=True)
    with zipfile.ZipFile(package_zip) as archive:
        archive.extractall(profile / "python" / "plugins")
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text(PROFILE_INI, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "driver.py").write_text(driver, encoding="utf-8")
    xvfb, display = _start_xvfb()                              # Xvfb picks a free display itself
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "XAUTHORITY")}
    env.update(DISPLAY=display, DG_DESKTOP_OUT=str(out), PYTHONDONTWRITEBYTECODE="1", **driver_env)
    session = Session(out, env)
    log = open(tmp_path / "qgis.log", "w", encoding="utf-8")   # _wait_for quotes it when QGIS fails
    try:
        session.qgis = subprocess.Popen(["qgis", "--nologo", "--noversioncheck", "--profiles-path", str(tmp_path),
                                         "--profile", "default", "--code", str(tmp_path / "driver.py")],
                                        env=env, stdout=log, stderr=subprocess.STDOUT)
        yield session
    finally:
        (out / "quit.request").write_text("", encoding="utf-8")
        if session.qgis is not None:
            try:
                session.qgis.wait(timeout=30)
            except subprocess.TimeoutExpired:
                session.qgis.kill()
                session.qgis.wait(timeout=30)
        xvfb.terminate()
        xvfb.wait(timeout=30)
        log.close()
