# SPDX-License-Identifier: GPL-2.0-or-later
"""The CJK font of meeting maps: configurable, checked against the installed fonts (QFontDatabase).

A sheet in Chinese printed with a Latin-only font shows empty boxes, so a missing or non-CJK font
is refused with a message that names it, instead of producing a sheet nobody can read.
"""
from qgis.core import QgsSettings
from qgis.PyQt.QtGui import QFontDatabase

from . import ReportError

SETTINGS_KEY = "DoubleGuarantee/reports/font_family"
DEFAULT_FAMILY = "Noto Sans CJK SC"
# tried in order when the user configured nothing: Debian, Windows, macOS, other Linux
FALLBACK_FAMILIES = (DEFAULT_FAMILY, "Source Han Sans SC", "Microsoft YaHei", "SimHei", "SimSun",
                     "PingFang SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Serif CJK SC")


class ReportFontError(ReportError):
    """No usable font with Chinese coverage."""


def configured_family():
    """The family set in the QGIS settings ('' when none)."""
    return str(QgsSettings().value(SETTINGS_KEY, "") or "").strip()


def set_configured_family(family):
    QgsSettings().setValue(SETTINGS_KEY, family or "")


def has_chinese(family, database=None):
    database = database or QFontDatabase()
    if family not in database.families():
        return False
    systems = database.writingSystems(family)
    return QFontDatabase.WritingSystem.SimplifiedChinese in systems or QFontDatabase.WritingSystem.TraditionalChinese in systems


def resolve_font_family(family=None):
    """The font family to use: ``family`` if given, else the configured one, else the first CJK fallback.

    Raises ReportFontError naming the family when the chosen one is not installed or lacks Chinese.
    """
    from ...i18n import tr
    database = QFontDatabase()
    chosen = (family or "").strip() or configured_family()
    if chosen:
        if chosen not in database.families():
            raise ReportFontError(tr("The map font '{}' is not installed: install it (on Debian: "
                                     "fonts-noto-cjk) or choose another font with Chinese characters.", chosen))
        if not has_chinese(chosen, database):
            raise ReportFontError(tr("The map font '{}' has no Chinese characters: the sheet would show "
                                     "empty boxes. Choose a CJK font such as Noto Sans CJK SC.", chosen))
        return chosen
    for candidate in FALLBACK_FAMILIES:
        if has_chinese(candidate, database):
            return candidate
    raise ReportFontError(tr("No font with Chinese characters is installed (tried {}): install "
                             "fonts-noto-cjk or set the map font.", ", ".join(FALLBACK_FAMILIES)))
