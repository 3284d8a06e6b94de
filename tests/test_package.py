# SPDX-License-Identifier: GPL-2.0-or-later
"""The release zip from ``make package`` installs into a fresh QGIS profile and works there.

The zip is built into a scratch folder, unzipped into ``<tmp>/profiles/default/python/plugins/``
and loaded by a separate Python process that starts QGIS with that profile (as QGIS's
``--profiles-path`` would), so nothing of the checkout is on its path: the plugin must run from
the zip's files alone, with its resources, translations and Processing algorithms.
"""
import json
import os
import shutil
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


# -- publishing (issue 18): qgis-plugin-ci, the plugin repository's checks and scans ------------------
def _scripts_module(name):
    import importlib
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "scripts"))


def test_zip_passes_the_plugin_repositorys_checks(package_zip):
    checks = _scripts_module("plugin_repo_checks")
    problems, metadata = checks.check_zip(package_zip, version=_version())
    assert problems == []
    with zipfile.ZipFile(package_zip) as archive:
        names = set(archive.namelist())
        assert archive.read(f"{PLUGIN}/LICENSE") == (ROOT / "LICENSE").read_bytes()
        help_pages = {n for n in names if n.startswith(f"{PLUGIN}/resources/help/") and n.endswith(".html")}
    # the changelog comes from CHANGELOG.md through qgis-plugin-ci
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{_version()}]" in changelog
    assert metadata["changelog"].lstrip().startswith(f"Version {_version()}:")
    first_item = changelog.split(f"## [{_version()}]", 1)[1].split("\n- ", 1)[1].split("\n")[0]
    assert first_item in metadata["changelog"]
    # what users need to decide
    assert metadata["qgisMinimumVersion"] == "3.22" and metadata["qgisMaximumVersion"].startswith("4.")
    for words in ("QGIS 3.22 to 4.x", "Simplified Chinese and English", "GeoPackage", "PostGIS", "3.22 至 4.x"):
        assert words in metadata["about"], words
    # the manual, in both languages, with every page a dock opens
    from double_guarantee_plugin.gui.help import DOCK_PAGES, MANUAL_LANGUAGES
    for language in MANUAL_LANGUAGES:
        for page in set(DOCK_PAGES.values()) | {"index"}:
            assert f"{PLUGIN}/resources/help/{language}/{page}.html" in help_pages
    # the zip stays far below the repository's 25 MB
    assert package_zip.stat().st_size < 15_000_000


def test_zip_scans_clean_as_the_plugin_repository_scans_it(package_zip, tmp_path):
    """bandit -ll and detect-secrets --all-files on the unpacked zip, as QGIS-Django's security scanner runs them."""
    with zipfile.ZipFile(package_zip) as archive:
        archive.extractall(tmp_path)
    tools = Path(sys.executable).parent
    bandit = subprocess.run([str(tools / "bandit"), "-r", str(tmp_path), "-f", "json", "-ll", "--quiet"],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(bandit.stdout)
    assert report["results"] == [], [(r["filename"], r["line_number"], r["test_id"]) for r in report["results"]]
    secrets = subprocess.run([str(tools / "detect-secrets"), "scan", "--all-files", "."], cwd=tmp_path,
                             capture_output=True, text=True, timeout=300)
    assert json.loads(secrets.stdout)["results"] == {}


def _tree_copy(target):
    """The working tree as git lists it, committed into a new repository (what a fresh clone holds)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")     # make setup has run: nothing to install
    identity = ["-c", "user.name=test", "-c", "user.email=test@localhost", "-c", "commit.gpgsign=false"]
    for command in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-q", "-m", "fresh clone"]):
        subprocess.run(["git", *command], cwd=target, check=True, capture_output=True)


def _make_package(folder, *args, offline=True):
    env = {k: v for k, v in os.environ.items() if k not in ("DG_DIST_DIR", "MAKEFLAGS", "MAKELEVEL")}
    command = ["make", "-s", "package", *args]
    if offline and shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        command = ["unshare", "-n", *command]          # no network at all: proves make package is offline
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=600)


def test_make_package_in_a_fresh_clone_and_with_uncommitted_changes(tmp_path):
    clone = tmp_path / "clone"
    _tree_copy(clone)
    zip_path = clone / "dist" / f"{PLUGIN}-{_version()}.zip"

    fresh = _make_package(clone)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert "unchanged since commit" in fresh.stdout and zip_path.is_file()
    with zipfile.ZipFile(zip_path) as archive:
        fresh_names = set(archive.namelist())
    assert f"{PLUGIN}/i18n/double_guarantee_zh_CN.qm" in fresh_names      # built in the clone by make
    assert f"{PLUGIN}/resources/help/zh_CN/index.html" in fresh_names

    # an edited tracked file and a new file, not committed: both packaged, and said so
    plugin_py = clone / PLUGIN / "plugin.py"
    plugin_py.write_text(plugin_py.read_text(encoding="utf-8") + "\n# uncommitted edit\n", encoding="utf-8")
    (clone / PLUGIN / "core" / "new_module.py").write_text("# SPDX-License-Identifier: GPL-2.0-or-later\n",
                                                           encoding="utf-8")
    dirty = _make_package(clone)
    assert dirty.returncode == 0, dirty.stdout + dirty.stderr
    assert "WITH 2 uncommitted change(s)" in dirty.stdout, dirty.stdout
    with zipfile.ZipFile(zip_path) as archive:
        assert b"# uncommitted edit" in archive.read(f"{PLUGIN}/plugin.py")
        assert f"{PLUGIN}/core/new_module.py" in archive.namelist()

    # REF=HEAD packages the commit alone
    committed = _make_package(clone, "REF=HEAD")
    assert committed.returncode == 0, committed.stdout + committed.stderr
    assert "from commit" in committed.stdout
    with zipfile.ZipFile(zip_path) as archive:
        assert b"# uncommitted edit" not in archive.read(f"{PLUGIN}/plugin.py")
        assert f"{PLUGIN}/core/new_module.py" not in archive.namelist()
        assert set(archive.namelist()) == fresh_names
    # the working tree is as the user left it (qgis-plugin-ci ran in a scratch repository)
    assert "# uncommitted edit" in plugin_py.read_text(encoding="utf-8")
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True).stdout
    assert sorted(line[3:] for line in status.splitlines()) == sorted(
        [f"{PLUGIN}/core/new_module.py", f"{PLUGIN}/plugin.py"]), status


def test_a_zip_that_fails_the_checks_is_not_left_in_dist(tmp_path):
    clone = tmp_path / "clone"
    _tree_copy(clone)
    metadata = clone / "metadata.txt"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace("\nemail=", "\nmail="), encoding="utf-8")
    failed = _make_package(clone)
    assert failed.returncode != 0
    assert "metadata.txt lacks email=" in failed.stderr, failed.stderr
    assert not (clone / "dist" / f"{PLUGIN}-{_version()}.zip").exists()
