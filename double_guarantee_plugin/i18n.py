# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin's one translation function and the loading of its Qt translation files.

Every user-facing string goes through ``tr()`` with the fixed context ``DoubleGuarantee``.
``make transup`` runs pylupdate5 over the package and folds every message into that context.
"""
import os

from qgis.PyQt.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .core.paths import i18n_dir

CONTEXT = "DoubleGuarantee"
_translators = []


def tr(text, *args):
    """Translate ``text`` in the plugin's context; ``args`` fill ``{}`` placeholders."""
    translated = QCoreApplication.translate(CONTEXT, text)
    return translated.format(*args) if args else translated


def user_locale():
    """QGIS's locale (``locale/userLocale``), falling back to the system's."""
    settings = QSettings()
    if settings.value("locale/overrideFlag", False, type=bool) or settings.value("locale/userLocale", ""):
        value = settings.value("locale/userLocale", "") or QLocale.system().name()
    else:
        value = QLocale.system().name()
    return str(value)


# Simplified Chinese as QGIS and the systems spell it: QGIS 3.22+ stores ``zh-Hans`` for 简体中文,
# Qt and glibc say ``zh_CN``; Traditional Chinese (zh-Hant, zh_TW, zh_HK, zh_MO) is another language
_SIMPLIFIED_CHINESE_REGIONS = ("", "cn", "sg", "hans", "hans_cn", "hans_sg", "my")


def normalize_locale(locale):
    """The plugin's name for a locale: ``zh_CN`` for every spelling of Simplified Chinese, else
    ``language_REGION`` with ``_`` (``en-US`` → ``en_US``, ``de`` → ``de``)."""
    text = str(locale or "").strip().replace("-", "_").split(".")[0].split("@")[0]
    language, _, rest = text.partition("_")
    language = language.lower()
    if language == "zh" and rest.lower() in _SIMPLIFIED_CHINESE_REGIONS:
        return "zh_CN"
    return f"{language}_{rest}" if rest else language


def chinese_ui():
    """True when the plugin speaks Chinese (any spelling of QGIS's locale for it)."""
    return normalize_locale(user_locale()).split("_")[0] == "zh"


def translation_file(locale=None):
    """The .qm file for ``locale``: first the normalized full name (zh_CN), then the language alone;
    Traditional Chinese falls back to the Simplified file (closer to its readers than English)."""
    locale = normalize_locale(locale or user_locale())
    try:
        folder = i18n_dir()
    except FileNotFoundError:
        return None
    language = locale.split("_")[0]
    for name in (locale, language, "zh_CN" if language == "zh" else ""):
        path = os.path.join(folder, f"double_guarantee_{name}.qm")
        if name and os.path.exists(path):
            return path
    return None


def _qt_translations_folder():
    """Qt's translations folder.  No spelling works on both Qt 5 (``location(TranslationsPath)``) and Qt 6
    (``path(LibraryPath.TranslationsPath)``), so the names are looked up on the class at run time."""
    info = QLibraryInfo
    if hasattr(info, "path"):                                        # Qt 6
        return info.path(info.LibraryPath.TranslationsPath)
    return info.location(info.TranslationsPath)


def _qt_translator(locale):
    """Qt's own words (OK, Cancel, Yes…) in Simplified Chinese when QGIS did not load them: QGIS 3.22 asks
    for ``qt_zh-Hans``, Qt ships ``qt_zh_CN`` (Debian: qttranslations5-l10n).  None when not needed."""
    qt_cancel = "Cancel"    # Qt's own word in Qt's context (a variable: pylupdate must not take it for ours)
    if normalize_locale(locale) != "zh_CN" or QCoreApplication.translate("QPlatformTheme", qt_cancel) != qt_cancel:
        return None
    translator = QTranslator()
    return translator if translator.load("qt_zh_CN", _qt_translations_folder()) else None


def setup_translation(locale=None):
    """Install the translator for ``locale``; returns the file loaded or None."""
    remove_translation()
    locale = locale or user_locale()
    path = translation_file(locale)
    if not path:
        return None
    translator = QTranslator()
    if translator.load(path):
        QCoreApplication.installTranslator(translator)
        _translators.append(translator)
        qt_words = _qt_translator(locale)
        if qt_words is not None:
            QCoreApplication.installTranslator(qt_words)
            _translators.append(qt_words)
        return path
    return None


def remove_translation():
    while _translators:
        QCoreApplication.removeTranslator(_translators.pop())
