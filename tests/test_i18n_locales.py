# SPDX-License-Identifier: GPL-2.0-or-later
"""Every spelling of Simplified Chinese that QGIS or a system stores loads the plugin's Chinese UI."""
import pytest
from qgis.PyQt.QtCore import QCoreApplication, QSettings

from double_guarantee_plugin import i18n


@pytest.mark.parametrize("spelling", ["zh-Hans", "zh_Hans", "zh-CN", "zh_CN", "zh", "zh-hans", "zh_CN.UTF-8",
                                      "zh-Hans-CN", "zh_SG"])
def test_simplified_chinese_spellings_give_zh_cn(spelling):
    assert i18n.normalize_locale(spelling) == "zh_CN"
    path = i18n.translation_file(spelling)
    assert path is not None and path.endswith("double_guarantee_zh_CN.qm")


@pytest.mark.parametrize("spelling, expected", [("en_US", "en_US"), ("en-US", "en_US"), ("de", "de"),
                                                ("zh-Hant", "zh_Hant"), ("zh_TW", "zh_TW"), ("", "")])
def test_other_locales_keep_their_name(spelling, expected):
    assert i18n.normalize_locale(spelling) == expected


def test_english_has_no_translation_file():
    assert i18n.translation_file("en_US") is None
    assert i18n.translation_file("en") is None


@pytest.mark.parametrize("stored", ["zh-Hans", "zh_Hans", "zh-CN", "zh_CN", "zh"])
def test_the_locale_qgis_stores_translates_the_plugin(qgis_app, stored):
    """QGIS's options write ``locale/userLocale`` (``zh-Hans`` for 简体中文 on 3.22) with the override flag."""
    settings = QSettings()
    old = {key: settings.value(key) for key in ("locale/userLocale", "locale/overrideFlag")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", stored)
    try:
        loaded = i18n.setup_translation()
        assert loaded and loaded.endswith("double_guarantee_zh_CN.qm")
        assert QCoreApplication.translate(i18n.CONTEXT, "Save") == "保存"
        assert i18n.tr("New project") != "New project"
    finally:
        i18n.remove_translation()
        for key, value in old.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
    assert i18n.tr("Save") == "Save"


def test_qt_words_follow_when_qgis_did_not_load_them(qgis_app):
    """QGIS 3.22 looks for qt_zh-Hans, which Qt does not ship: OK and Cancel stayed English in a Chinese QGIS."""
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"   # what QGIS left
    try:
        assert i18n.setup_translation("zh-Hans")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        i18n.remove_translation()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    i18n.setup_translation("en_US")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
