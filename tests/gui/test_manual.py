# SPDX-License-Identifier: GPL-2.0-or-later
"""The user manual: every page and picture exists, every interface name it uses exists in the plugin,
``make docs`` builds it, and the 帮助 actions open the right page in the right language.

Names written ``[[…]]`` in the manual must be the text of a button, menu entry, tab, group, label or
title of the loaded plugin's docks, menu or toolbar (in Chinese for the Chinese manual, in English for
the English one); names written ``{{…}}`` must be strings of the plugin's dialogs (sources of
``i18n/double_guarantee_zh_CN.ts`` in English, their translations in Chinese).  Opening pages goes
through Qt's real ``QDesktopServices``, with a URL handler for ``file:`` that records instead of
starting a browser.
"""
import json
import re
import struct
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject, Qt, QUrl, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabWidget

ROOT = Path(__file__).resolve().parents[2]
MANUAL = ROOT / "docs" / "manual"
sys.path.insert(0, str(ROOT / "scripts"))
import build_docs  # noqa: E402

SPEC = build_docs.load_manual()
LANGUAGE_LOCALES = {"zh_CN": "zh_CN", "en": "en_US"}
_KEEP = []


# -- sources and build -------------------------------------------------------------------------
def test_every_page_and_picture_exists():
    assert build_docs.problems() == []
    for language in SPEC["languages"]:
        pages = sorted(path.stem for path in (MANUAL / language).glob("*.md"))
        assert pages == sorted(SPEC["pages"]), f"{language}: pages not listed in manual.json or missing"
        shown = set()
        for page in SPEC["pages"]:
            shown |= set(build_docs.image_refs(build_docs.page_source(language, page)))
        files = {f"images/{path.name}" for path in (MANUAL / language / "images").glob("*") if path.is_file()}
        assert files == shown, f"{language}: pictures no page shows {files - shown}, missing {shown - files}"
    # the chapters the issue asks for, in both languages, with the same pictures
    assert SPEC["pages"][1:] == ["getting_started", "projects", "checks", "ledger", "coord_txt", "meeting_maps",
                                 "field_review"]
    for page in SPEC["pages"]:
        pictures = [build_docs.image_refs(build_docs.page_source(language, page)) for language in SPEC["languages"]]
        assert all(p == pictures[0] for p in pictures), f"{page}: the languages show different pictures"


def _png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_pictures_are_the_desktop_tests_screenshots():
    """Each picture is listed in screenshots.json with the desktop-test step that takes it (make
    manual-screenshots copies them from a run of the real QGIS at 1366×768)."""
    manifest = json.loads((MANUAL / "screenshots.json").read_text(encoding="utf-8"))
    for language in SPEC["languages"]:
        for path in sorted((MANUAL / language / "images").glob("*.png")):
            assert path.name in manifest["pictures"], f"{path.name} does not come from the desktop test"
            width, height = _png_size(path)
            source = manifest["pictures"][path.name]
            if source.get("kind", "screen") == "screen":
                assert (width, height) == (1366, 768), f"{language}/{path.name} is {width}×{height}"
            else:
                assert width >= 600 and height >= 400, f"{language}/{path.name} is {width}×{height}"


def test_make_docs_builds_every_page_with_its_pictures_and_links(tmp_path):
    out = tmp_path / "help"
    count = build_docs.build(out)
    assert count == len(SPEC["pages"]) * len(SPEC["languages"])
    assert (out / "index.html").is_file() and (out / "style.css").is_file()
    for language in SPEC["languages"]:
        for page in SPEC["pages"]:
            html = (out / language / f"{page}.html").read_text(encoding="utf-8")
            assert "[[" not in html and "{{" not in html, f"{language}/{page}: unconverted interface name"
            for target in re.findall(r'(?:src|href)="([^"#:]+)(?:#[^"]*)?"', html):
                assert (out / language / target).resolve().is_file(), f"{language}/{page}.html: {target} is missing"
            # no address outside the manual: it is read without network
            remote = [url for url in re.findall(r'(?:src|href)="([a-z]+://[^"]+)"', html)
                      if not url.startswith("https://keepachangelog.com")]
            assert remote == [], f"{language}/{page}.html refers to {remote}"
        chinese = (out / "zh_CN" / "index.html").read_text(encoding="utf-8")
        assert 'lang="zh-Hans"' in chinese and "用户手册" in chinese


# -- interface names -------------------------------------------------------------------------
def _without_accelerator(text):
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip("：:")


def ui_texts(plugin, iface):
    """What the plugin shows on its menu, toolbar and docks (titles, buttons, their menus, tabs, labels)."""
    from double_guarantee_plugin.plugin import MENU_NAME
    texts = {action.text() for action in iface.plugin_menus[MENU_NAME].actions()}
    texts |= {action.text() for action in plugin.toolbar.actions()}
    for dock in plugin.docks:
        texts.add(dock.windowTitle())
        for widget in dock.findChildren(QAbstractButton):
            texts.add(widget.text())
            menu = widget.menu() if hasattr(widget, "menu") else None
            if menu is not None:
                texts |= {action.text() for action in menu.actions()}
        texts |= {box.title() for box in dock.findChildren(QGroupBox)}
        for tabs in dock.findChildren(QTabWidget):
            texts |= {tabs.tabText(index) for index in range(tabs.count())}
        texts |= {label.text() for label in dock.findChildren(QLabel) if "<" not in label.text()}
        for menu in dock.findChildren(QMenu):
            texts |= {action.text() for action in menu.actions()}
    return {_without_accelerator(text) for text in texts if text}


def catalogue(language):
    """The plugin's strings: English sources, or their Chinese translations."""
    tree = ElementTree.parse(ROOT / "i18n" / "double_guarantee_zh_CN.ts")
    strings = set()
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        strings.add(source if language == "en" else (message.findtext("translation") or ""))
    return {_without_accelerator(text) for text in strings if text}


@pytest.fixture()
def plugin_in(iface, qgis_processing):
    """``plugin_in(language)``: the plugin loaded as QGIS loads it, with QGIS's locale for ``language``."""
    from qgis.PyQt.QtCore import QCoreApplication, QSettings
    import double_guarantee_plugin
    from double_guarantee_plugin.processing.provider import PROVIDER_ID
    registry = QgsApplication.processingRegistry()
    session_provider = registry.providerById(PROVIDER_ID)
    if session_provider is not None:
        registry.removeProvider(session_provider)
    settings = QSettings()
    old = (settings.value("locale/userLocale"), settings.value("locale/overrideFlag"))
    loaded = []

    def load(language):
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", LANGUAGE_LOCALES[language])
        plugin = double_guarantee_plugin.classFactory(iface)
        plugin.initGui()
        loaded.append(plugin)
        return plugin

    load.loaded = loaded
    yield load
    for plugin in loaded:
        plugin.unload()
    QCoreApplication.sendPostedEvents(None, 0)
    for key, value in zip(("locale/userLocale", "locale/overrideFlag"), old):
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
    if session_provider is not None:
        from double_guarantee_plugin.processing.provider import DoubleGuaranteeProvider
        _KEEP.append(DoubleGuaranteeProvider())
        registry.addProvider(_KEEP[-1])


@pytest.mark.parametrize("language", SPEC["languages"])
def test_every_interface_name_in_the_manual_exists_in_the_plugin(language, plugin_in, iface):
    plugin = plugin_in(language)
    shown = ui_texts(plugin, iface)
    if language == "zh_CN":
        assert "帮助" in shown and "双保 · 项目" in shown, "the plugin did not load in Chinese"
    strings = catalogue(language)
    missing = []
    for page in SPEC["pages"]:
        text = build_docs.page_source(language, page)
        missing += [f"{page}.md: [[{name}]]" for name in build_docs.ui_names(text) if name not in shown]
        missing += [f"{page}.md: {{{{{name}}}}}" for name in build_docs.dialog_names(text) if name not in strings]
    assert missing == [], f"names in the {language} manual that the plugin does not show: {missing}"


# -- the help actions --------------------------------------------------------------------------
class UrlCatcher(QObject):
    """Qt's handler for ``file:`` URLs while the test runs: QDesktopServices.openUrl lands here."""

    def __init__(self):
        super().__init__()
        self.urls = []

    @pyqtSlot(QUrl)
    def open(self, url):
        self.urls.append(url)


@pytest.fixture()
def opened_urls():
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture()
def built_manual():
    """The manual where the plugin looks for it (resources/help, as make docs builds it)."""
    if not (build_docs.OUT / "index.html").exists():
        build_docs.build()
    return build_docs.OUT


@pytest.mark.parametrize("language", SPEC["languages"])
def test_help_opens_the_manual_in_the_interfaces_language(language, plugin_in, iface, opened_urls, built_manual):
    from qgis.PyQt.QtTest import QTest
    from double_guarantee_plugin.gui.help import DOCK_PAGES
    from double_guarantee_plugin.plugin import MENU_NAME
    help_menu = QMenu("Help ▸ Plugins", iface.mainWindow())
    iface.pluginHelpMenu = lambda: help_menu            # QGIS's Help ▸ Plugins menu
    try:
        plugin = plugin_in(language)
        expected_text = "帮助" if language == "zh_CN" else "Help"
        menu_help = [a for a in iface.plugin_menus[MENU_NAME].actions() if a.text() == expected_text]
        assert len(menu_help) == 1, [a.text() for a in iface.plugin_menus[MENU_NAME].actions()]
        menu_help[0].trigger()
        assert [url.toLocalFile() for url in opened_urls] == [str(built_manual / language / "index.html")]
        assert [a.text() for a in help_menu.actions()] == [
            "双保 用户手册" if language == "zh_CN" else "Double Guarantee user manual"]
        help_menu.actions()[0].trigger()
        assert opened_urls[-1].toLocalFile() == str(built_manual / language / "index.html")

        assert set(DOCK_PAGES.values()) <= set(SPEC["pages"])
        assert {dock.objectName() for dock in plugin.docks} == set(DOCK_PAGES)
        iface.mainWindow().show()
        for dock in plugin.docks:
            dock.show()
            QgsApplication.processEvents()
            button = dock.titleBarWidget().findChild(QAbstractButton, "DoubleGuaranteeHelpButton")
            assert button is not None and button.isVisible(), dock.objectName()
            assert button.text() == expected_text
            del opened_urls[:]
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            page = built_manual / language / f"{DOCK_PAGES[dock.objectName()]}.html"
            assert [url.toLocalFile() for url in opened_urls] == [str(page)], dock.objectName()
            assert page.is_file()
            # the title bar still shows the dock's own title
            assert dock.titleBarWidget().title_label.text() == dock.windowTitle()
        plugin.unload()
        plugin_in.loaded.remove(plugin)
        assert help_menu.actions() == [], "unload left the manual in QGIS's Help menu"
    finally:
        del iface.pluginHelpMenu


def test_f1_in_a_dock_opens_its_chapter(plugin_in, iface, opened_urls, built_manual):
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication, QLineEdit
    plugin = plugin_in("zh_CN")
    dock = next(d for d in plugin.docks if d.objectName() == "DoubleGuaranteeCheckDock")
    dock.setFloating(True)
    dock.show()
    dock.activateWindow()
    QApplication.setActiveWindow(dock)
    field = dock.findChild(QLineEdit) or dock.widget()
    field.setFocus()
    QgsApplication.processEvents()
    QTest.keyClick(field, Qt.Key.Key_F1)
    QgsApplication.processEvents()
    dock.setFloating(False)
    assert [url.toLocalFile() for url in opened_urls] == [str(built_manual / "zh_CN" / "checks.html")]


def test_a_missing_manual_is_said_in_the_message_bar(qgis_app, opened_urls, iface):
    from double_guarantee_plugin.gui import help as manual
    bar = iface.messageBar()
    told = []
    original = bar.pushMessage
    bar.pushMessage = lambda title, text, *args, **kwargs: told.append((title, text))
    try:
        assert manual.open_help("no_such_page", bar) is False
    finally:
        bar.pushMessage = original
    assert opened_urls == []
    assert told and "no_such_page.html" in told[0][1]
