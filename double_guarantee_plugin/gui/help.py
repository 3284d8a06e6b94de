# SPDX-License-Identifier: GPL-2.0-or-later
"""The user manual shipped inside the plugin (``resources/help/``, built by ``make docs``), opened locally.

The manual is a set of HTML pages per language (``zh_CN``, ``en``); the plugin opens the page of the
language its interface is in with the system's browser through ``QDesktopServices`` (a ``file:``
URL: nothing is fetched from the network).  Each dock opens its own chapter.
"""
import os

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from ..core.paths import resource_path
from ..i18n import tr, translation_file

MANUAL_LANGUAGES = ("zh_CN", "en")
CONTENTS = "index"
# the chapter each dock opens (object name → page); docs/manual/manual.json lists the same pages
DOCK_PAGES = {"DoubleGuaranteeProjectDock": "projects", "DoubleGuaranteeCheckDock": "checks",
              "DoubleGuaranteeLedgerDock": "ledger", "DoubleGuaranteeReviewDock": "field_review"}


def manual_language():
    """The manual's language: Chinese when the interface is (its translation loaded), English otherwise."""
    return "zh_CN" if translation_file() else "en"


def page_path(page=CONTENTS, language=None):
    """The HTML file of ``page`` in ``language`` (the interface's by default); it may not exist."""
    return resource_path("help", language or manual_language(), f"{page}.html")


def page_url(page=CONTENTS, language=None):
    """A ``file:`` URL of the page, or None when the manual is not there (a checkout without ``make docs``)."""
    path = page_path(page, language)
    if not os.path.isfile(path):
        return None
    return QUrl.fromLocalFile(os.path.abspath(path))


def open_help(page=CONTENTS, message_bar=None):
    """Open ``page`` of the manual in the browser; say so in ``message_bar`` when it cannot be opened."""
    url = page_url(page)
    if url is None:
        _tell(message_bar, tr("The user manual is not installed with the plugin: {} is missing.",
                              page_path(page)))
        return False
    if not QDesktopServices.openUrl(url):
        _tell(message_bar, tr("No program opened the user manual; open {} in a web browser.", url.toLocalFile()))
        return False
    return True


def _tell(message_bar, text):
    if message_bar is not None:
        from qgis.core import Qgis
        message_bar.pushMessage(tr("Help"), text, Qgis.MessageLevel.Warning, 10)
