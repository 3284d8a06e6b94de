# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin's one translation function and the loading of its Qt translation files.

Every user-facing string goes through ``tr()`` with the fixed context ``DoubleGuarantee``.
``make transup`` runs pylupdate5 over the package and folds every message into that context.
"""
import os

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

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


def translation_file(locale=None):
    """The .qm file for ``locale``: first the full name (zh_CN), then the language (zh)."""
    locale = locale or user_locale()
    try:
        folder = i18n_dir()
    except FileNotFoundError:
        return None
    for name in (locale, locale.split("_")[0]):
        path = os.path.join(folder, f"double_guarantee_{name}.qm")
        if os.path.exists(path):
            return path
    if locale.split("_")[0] == "zh":
        path = os.path.join(folder, "double_guarantee_zh_CN.qm")
        if os.path.exists(path):
            return path
    return None


def setup_translation(locale=None):
    """Install the translator for ``locale``; returns the file loaded or None."""
    remove_translation()
    path = translation_file(locale)
    if not path:
        return None
    translator = QTranslator()
    if translator.load(path):
        QCoreApplication.installTranslator(translator)
        _translators.append(translator)
        return path
    return None


def remove_translation():
    while _translators:
        QCoreApplication.removeTranslator(_translators.pop())
