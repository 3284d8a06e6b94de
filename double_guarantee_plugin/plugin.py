# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin object QGIS loads: it only wires actions, docks and the Processing provider.

``initGui()`` builds everything and ``unload()`` removes exactly what ``initGui()`` added, so the
plugin can be loaded and unloaded any number of times in one QGIS session.
"""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAction

from .gui.components.dock_help import add_help
from .gui.components.dock_look import ACTION_ICONS, dress_dock, icon
from .i18n import remove_translation, setup_translation, tr

MENU_NAME = "&Double Guarantee 双保"
TOOLBAR_NAME = "DoubleGuaranteeToolbar"


class DoubleGuaranteePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.actions = []
        self.docks = []
        self.toolbar = None
        self.provider = None
        self.help_menu_action = None     # the manual's entry in QGIS's Help ▸ Plugins menu
        setup_translation()

    # -- Processing -------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS's name)
        from .processing.provider import DoubleGuaranteeProvider
        self.provider = DoubleGuaranteeProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI --------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(tr("Double Guarantee"))
        self.toolbar.setObjectName(TOOLBAR_NAME)
        self._add_action(icon(ACTION_ICONS["new_database"]), tr("New project database…"), self.new_project_database)
        self._add_action(icon(ACTION_ICONS["open_database"]), tr("Open project database…"), self.open_project_database)
        self._add_action(icon(ACTION_ICONS["basemap"]), tr("Basemap…"), self.basemap)
        self._add_help_actions()
        for dock in self._create_docks():
            if not dock.objectName().startswith("DoubleGuarantee"):
                # QGIS saves dock positions by object name; one prefix keeps ours apart
                dock.setObjectName(f"DoubleGuarantee{dock.objectName() or type(dock).__name__}")
            dress_dock(dock)       # one title pattern and a distinct icon per dock
            add_help(dock, self.iface.messageBar())   # 帮助 in the title bar, F1: the dock's chapter
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.docks.append(dock)
            toggle = dock.toggleViewAction()
            self.iface.addPluginToMenu(MENU_NAME, toggle)
            self.toolbar.addAction(toggle)
            self.actions.append(toggle)
        self._arrange_docks()

    def _arrange_docks(self):
        """On a first start the docks go into tabs behind the project dock (gui.components.dock_layout),
        once QGIS has restored its window: at start-up it applies its default arrangement after loading
        the plugins and says so with ``initializationCompleted``; a plugin installed later goes at once."""
        from qgis.PyQt.QtCore import QTimer
        from .gui.components import dock_layout
        from .gui.dialogs.project_db import DOCK_OBJECT_NAME
        from .gui.docks.project_dock import DOCK_WIDTH
        window = self.iface.mainWindow()
        primary = next((dock for dock in self.docks if dock.objectName() == DOCK_OBJECT_NAME), None)
        if primary is None or not hasattr(window, "tabifyDockWidget"):
            return
        first = dock_layout.prepare(self.docks, primary)
        self._window_keeper = dock_layout.WindowKeeper(window)

        def arrange(docks=list(self.docks)):
            if first and docks == self.docks:      # not unloaded meanwhile
                dock_layout.arrange(window, docks, primary, DOCK_WIDTH)
        completed = getattr(self.iface, "initializationCompleted", None)
        if completed is not None and not window.isVisible():
            completed.connect(arrange)
            self._on_completed = (completed, arrange)
        else:
            QTimer.singleShot(0, arrange)

    def _create_docks(self):
        """Docks the plugin owns; each module under ``gui`` supplies one."""
        from .gui import docks
        return docks.create_docks(self.iface)

    def _add_help_actions(self):
        """帮助 in the plugin's menu, and the manual in QGIS's Help ▸ Plugins menu (where QGIS puts plugins' help)."""
        help_icon = QgsApplication.getThemeIcon("/mActionHelpContents.svg")
        action = QAction(help_icon, tr("Help"), self.iface.mainWindow())
        action.setObjectName("DoubleGuaranteeHelp")
        action.triggered.connect(self.open_help)
        self.iface.addPluginToMenu(MENU_NAME, action)
        self.actions.append(action)
        help_menu = getattr(self.iface, "pluginHelpMenu", None)
        if help_menu is not None and help_menu() is not None:
            self.help_menu_action = QAction(help_icon, tr("Double Guarantee user manual"), self.iface.mainWindow())
            self.help_menu_action.triggered.connect(self.open_help)
            help_menu().addAction(self.help_menu_action)

    def _add_action(self, icon, text, callback):
        action = QAction(icon, text, self.iface.mainWindow())
        action.triggered.connect(callback)
        self.iface.addPluginToMenu(MENU_NAME, action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def unload(self):
        keeper, self._window_keeper = getattr(self, "_window_keeper", None), None
        if keeper is not None:
            keeper.remove()
        completed, arrange = getattr(self, "_on_completed", (None, None))
        if completed is not None:
            try:
                completed.disconnect(arrange)
            except (TypeError, RuntimeError):
                pass
        for action in self.actions:
            self.iface.removePluginMenu(MENU_NAME, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
        self.actions = []
        if self.help_menu_action is not None:
            self.iface.pluginHelpMenu().removeAction(self.help_menu_action)
            self.help_menu_action = None
        for dock in self.docks:
            if hasattr(dock, "cleanup"):
                dock.cleanup()
            self.iface.removeDockWidget(dock)
            dock.setParent(None)
            dock.deleteLater()
        self.docks = []
        if self.toolbar is not None:
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        from .core.project_profile import release_project_profile
        release_project_profile()
        remove_translation()

    # -- actions ----------------------------------------------------------------------------
    def new_project_database(self):
        from .gui.dialogs.project_db import new_project_database
        new_project_database(self.iface)

    def open_project_database(self):
        from .gui.dialogs.project_db import open_project_database
        open_project_database(self.iface)

    def open_help(self):
        from .gui.help import open_help
        open_help(message_bar=self.iface.messageBar())

    def basemap(self):
        from .gui.dialogs.basemap import configure_and_add_basemap
        configure_and_add_basemap(self.iface)
