"""The release zip from ``make package`` installs into a fresh QGIS profile and works there.

The zip is built into a scratch folder, unzipped into ``<tmp>/profiles/default/python/plugins/``
and loaded by a separate Python process that starts QGIS with that profile (as QGIS's
``--profiles-path`` would), so nothing of the checkout is on its path: the plugin must run from
the zip's files alone, with its resources, translations and Processing algorithms.
"""
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = "double_guarantee_plugin"
# a string of the plugin with a Chinese translation in i18n/zh_CN/core.json
KNOWN_SOURCE = "Double Guarantee: supplementary farmland and reserves"
KNOWN_CHINESE = "双保：补充耕地与指标储备"

LOADER = textwrap.dedent(r'''
    """Runs in a fresh process: start QGIS on the profile, load the plugin, report as JSON."""
    import json, os, sys, traceback
    profile, result_path = sys.argv[1], sys.argv[2]
    report = {"errors": []}
    try:
        from qgis.core import QgsApplication
        from qgis.gui import QgsMapCanvas
        from qgis.PyQt.QtCore import QCoreApplication, QSettings
        from qgis.PyQt.QtWidgets import QMainWindow, QMenu, QToolBar
        sys.path.append("/usr/share/qgis/python/plugins")
        # what QGIS's main() does before it creates the application: settings live in the profile
        QCoreApplication.setOrganizationName(QgsApplication.QGIS_ORGANIZATION_NAME)
        QCoreApplication.setOrganizationDomain(QgsApplication.QGIS_ORGANIZATION_DOMAIN)
        QCoreApplication.setApplicationName(QgsApplication.QGIS_APPLICATION_NAME)
        QSettings.setDefaultFormat(QSettings.IniFormat)
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, profile)
        QgsApplication.setPrefixPath("/usr", True)
        # the profile comes from QGIS_CUSTOM_CONFIG_PATH (the folder holding profiles/, as QGIS's
        # --profiles-path gives it): QGIS 3.40's Python QgsApplication ignores a profile folder argument
        app = QgsApplication([], True)
        app.initQgis()
        settings_dir = QgsApplication.qgisSettingsDirPath()
        report["settings_dir"] = settings_dir
        report["user_locale"] = QSettings().value("locale/userLocale", "")
        report["settings_file"] = QSettings().fileName()
        plugins_dir = os.path.join(settings_dir, "python", "plugins")
        sys.path.insert(0, plugins_dir)

        from processing.core.Processing import Processing
        Processing.initialize()

        from qgis.gui import QgsMessageBar

        class ProfileInterface:
            """The part of QgisInterface the plugin uses, on a real main window."""
            def __init__(self):
                self.window = QMainWindow()
                self.canvas = QgsMapCanvas(self.window)
                self.window.setCentralWidget(self.canvas)
                self.bar = QgsMessageBar(self.window)
                self.menus = {}
            def mainWindow(self):
                return self.window
            def mapCanvas(self):
                return self.canvas
            def messageBar(self):
                return self.bar
            def activeLayer(self):
                return None
            def addPluginToMenu(self, name, action):
                if name not in self.menus:
                    self.menus[name] = QMenu(name, self.window)
                    self.window.menuBar().addMenu(self.menus[name])
                self.menus[name].addAction(action)
            def removePluginMenu(self, name, action):
                if name in self.menus:
                    self.menus[name].removeAction(action)
            def addToolBar(self, name):
                toolbar = QToolBar(name, self.window)
                self.window.addToolBar(toolbar)
                return toolbar
            def addDockWidget(self, area, dock):
                self.window.addDockWidget(area, dock)
            def removeDockWidget(self, dock):
                self.window.removeDockWidget(dock)

        import qgis.utils
        qgis.utils.iface = ProfileInterface()
        qgis.utils.plugin_paths = [plugins_dir]
        qgis.utils.updateAvailablePlugins()
        report["available"] = sorted(qgis.utils.available_plugins)
        report["loaded"] = qgis.utils.loadPlugin("double_guarantee_plugin")
        report["started"] = report["loaded"] and qgis.utils.startPlugin("double_guarantee_plugin")
        module = sys.modules.get("double_guarantee_plugin")
        report["module_file"] = getattr(module, "__file__", None)
        provider = QgsApplication.processingRegistry().providerById("doubleguarantee")
        report["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else None
        from double_guarantee_plugin.i18n import tr
        from double_guarantee_plugin.core import paths
        report["translated"] = tr(%(known)r)
        report["resources_dir"] = paths.resources_dir()
        report["menus"] = sorted(qgis.utils.iface.menus)
        report["docks"] = ([dock.objectName() for dock in qgis.utils.plugins["double_guarantee_plugin"].docks]
                           if report["started"] else [])
        report["unloaded"] = qgis.utils.unloadPlugin("double_guarantee_plugin")
        report["provider_after_unload"] = (
            QgsApplication.processingRegistry().providerById("doubleguarantee") is not None)
    except Exception:
        report["errors"].append(traceback.format_exc())
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False)
    os._exit(0)  # QGIS teardown from a script can crash; the report is written
''') % {"known": KNOWN_SOURCE}


def _version():
    for line in (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    raise AssertionError("metadata.txt has no version= line")


@pytest.fixture(scope="module")
def package_zip(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    env = dict(os.environ, DG_DIST_DIR=str(dist))
    completed = subprocess.run(["make", "-s", "package"], cwd=ROOT, env=env, capture_output=True,
                               text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    path = dist / f"{PLUGIN}-{_version()}.zip"
    assert path.is_file(), f"make package did not write {path}: {completed.stdout}"
    return path


def test_zip_layout_is_what_the_plugin_repository_expects(package_zip):
    with zipfile.ZipFile(package_zip) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        metadata = archive.read(f"{PLUGIN}/metadata.txt").decode("utf-8")
    assert all(name.startswith(f"{PLUGIN}/") for name in names), names
    for required in ("__init__.py", "plugin.py", "metadata.txt", "i18n/double_guarantee_zh_CN.qm",
                     "resources/icons/icon.svg", "resources/data/land_classes.json",
                     "processing/provider.py", "core/paths.py"):
        assert f"{PLUGIN}/{required}" in names, f"{required} missing from the zip"
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
    assert not any("/resources/screenshots/" in n for n in names)
    assert not any(n.endswith(".ts") for n in names), "sources of translations are not shipped"
    assert f"version={_version()}" in metadata
    # QGIS 4 (Qt6) offers the plugin only with these two
    assert "\nqgisMaximumVersion=4.99\n" in metadata and "\nsupportsQt6=True\n" in metadata
    # what the QGIS plugin repository refuses a zip without
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                "repository", "changelog"):
        assert f"\n{key}=" in "\n" + metadata, f"metadata.txt lacks {key}="
    assert not any(part in n for n in names for part in ("/tests/", "/scripts/", "/.ci/", "/.git/", "demo_data"))
    # every checked-in data file of the package is shipped
    for source in (ROOT / PLUGIN).rglob("*.py"):
        relative = source.relative_to(ROOT / PLUGIN).as_posix()
        tracked = subprocess.run(["git", "ls-files", "--error-unmatch", f"{PLUGIN}/{relative}"],
                                 cwd=ROOT, capture_output=True).returncode == 0
        if tracked:
            assert f"{PLUGIN}/{relative}" in names, f"{relative} is tracked but not in the zip"


def test_zip_installs_into_a_fresh_profile_and_loads_in_chinese(package_zip, tmp_path):
    profile = tmp_path / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(package_zip) as archive:
        archive.extractall(plugins)
    # the profile's own settings ask for Chinese, as the QGIS options dialog would write them
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[locale]\noverrideFlag=true\nuserLocale=zh_CN\n", encoding="utf-8")
    script = tmp_path / "load_plugin.py"
    script.write_text(LOADER, encoding="utf-8")
    result_path = tmp_path / "result.json"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(tmp_path)   # <tmp>/profiles/default is the profile
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    completed = subprocess.run([sys.executable, str(script), str(profile), str(result_path)],
                               cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240)
    assert result_path.exists(), f"the loader crashed (rc {completed.returncode}): {completed.stderr[-3000:]}"
    report = json.loads(result_path.read_text(encoding="utf-8"))
    assert not report["errors"], report["errors"][0]

    assert Path(report["settings_dir"]).resolve() == profile.resolve()
    assert Path(report["settings_file"]).resolve() == (profile / "QGIS" / "QGIS3.ini").resolve()
    assert report["user_locale"] == "zh_CN"
    assert PLUGIN in report["available"]
    assert report["loaded"] and report["started"], completed.stderr[-3000:]
    # imported from the unzipped copy, not from the checkout
    assert Path(report["module_file"]).resolve().is_relative_to(plugins.resolve()), report["module_file"]
    assert Path(report["resources_dir"]).resolve() == (plugins / PLUGIN / "resources").resolve()
    assert report["translated"] == KNOWN_CHINESE
    assert report["algorithms"], "the doubleguarantee provider lists no algorithms"
    assert "doubleguarantee:computecredits" in report["algorithms"], report["algorithms"]
    # every algorithm module of the checkout made it into the zip
    from double_guarantee_plugin.processing.provider import algorithm_classes
    expected = {f"doubleguarantee:{cls().name()}" for cls in algorithm_classes()}
    assert expected <= set(report["algorithms"]), expected - set(report["algorithms"])
    assert "&Double Guarantee 双保" in report["menus"]
    assert "DoubleGuaranteeReviewDock" in report["docks"], report["docks"]
    assert report["unloaded"] is True
    assert report["provider_after_unload"] is False
