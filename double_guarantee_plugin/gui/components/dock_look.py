# SPDX-License-Identifier: GPL-2.0-or-later
"""One table of the docks' titles and icons, and the icons of the plugin's actions.

The titles share one pattern (双保 · what the dock is for) so they read alike in the window's dock
tabs and the plugin menu; each dock and action has its own icon (``resources/icons``) so the toolbar
buttons can be told apart.
"""
from qgis.PyQt.QtGui import QIcon

from ...core.paths import resource_path
from ...i18n import tr


def dock_titles():
    """Dock object name → translated title (a function: the words follow the language loaded now)."""
    return {"DoubleGuaranteeProjectDock": tr("Double Guarantee · Projects"),
            "DoubleGuaranteeCheckDock": tr("Double Guarantee · Constraint checks"),
            "DoubleGuaranteeLedgerDock": tr("Double Guarantee · Reserve ledger"),
            "DoubleGuaranteeReviewDock": tr("Double Guarantee · Field review")}


DOCK_ICONS = {"DoubleGuaranteeProjectDock": "projects.svg", "DoubleGuaranteeCheckDock": "checks.svg",
              "DoubleGuaranteeLedgerDock": "ledger.svg", "DoubleGuaranteeReviewDock": "review.svg"}
ACTION_ICONS = {"new_database": "new_database.svg", "open_database": "open_database.svg",
                "basemap": "basemap.svg"}
PLUGIN_ICON = "icon.svg"


def icon(file_name):
    return QIcon(resource_path("icons", file_name))


def dock_title(object_name, fallback=""):
    return dock_titles().get(object_name, fallback)


def dock_icon(object_name):
    return icon(DOCK_ICONS.get(object_name, PLUGIN_ICON))


def dress_dock(dock):
    """Give ``dock`` its title and icon from the tables (its object name picks them)."""
    name = dock.objectName()
    dock.setWindowTitle(dock_title(name, dock.windowTitle()))
    dock.setWindowIcon(dock_icon(name))
    toggle = dock.toggleViewAction()
    toggle.setIcon(dock_icon(name))
    toggle.setText(dock.windowTitle())
    return dock
