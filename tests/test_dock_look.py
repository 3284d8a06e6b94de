# SPDX-License-Identifier: GPL-2.0-or-later
"""Each toolbar button has its own icon and the docks' titles follow one pattern (plugin loaded as QGIS loads it)."""
from qgis.core import QgsApplication

import double_guarantee_plugin
from double_guarantee_plugin.processing.provider import PROVIDER_ID

_KEEP = []


def _pixels(icon):
    image = icon.pixmap(32, 32).toImage()
    assert not image.isNull()
    return bytes(image.constBits().asarray(image.sizeInBytes()))


def test_every_toolbar_button_has_its_own_icon_and_docks_share_one_title_pattern(iface, qgis_processing):
    from qgis.PyQt.QtCore import QCoreApplication
    registry = QgsApplication.processingRegistry()
    session_provider = registry.providerById(PROVIDER_ID)
    if session_provider is not None:
        registry.removeProvider(session_provider)
    plugin = double_guarantee_plugin.classFactory(iface)
    plugin.initGui()
    try:
        actions = plugin.toolbar.actions()
        assert len(actions) >= 6
        images = [_pixels(action.icon()) for action in actions]
        assert len(set(images)) == len(images), [action.text() for action in actions]
        blank = bytes(len(images[0]))
        assert blank not in images
        titles = [dock.windowTitle() for dock in plugin.docks]
        assert sorted(titles) == sorted(["Double Guarantee · Projects", "Double Guarantee · Constraint checks",
                                         "Double Guarantee · Reserve ledger", "Double Guarantee · Field review"])
        for dock in plugin.docks:
            assert dock.toggleViewAction().text() == dock.windowTitle()
            assert _pixels(dock.windowIcon()) == _pixels(dock.toggleViewAction().icon())
    finally:
        plugin.unload()
        QCoreApplication.sendPostedEvents(None, 0)
        if session_provider is not None:
            from double_guarantee_plugin.processing.provider import DoubleGuaranteeProvider
            _KEEP.append(DoubleGuaranteeProvider())
            registry.addProvider(_KEEP[-1])


def test_titles_in_chinese(qgis_app):
    from double_guarantee_plugin import i18n
    assert i18n.setup_translation("zh_CN")
    from double_guarantee_plugin.gui.components.dock_look import dock_titles
    assert sorted(dock_titles().values()) == sorted(["双保 · 项目", "双保 · 约束检查", "双保 · 指标储备库",
                                                     "双保 · 外业核查"])
    i18n.remove_translation()
