# SPDX-License-Identifier: GPL-2.0-or-later
"""Every dock's title bar carries a 帮助 (Help) button that opens the dock's chapter of the user manual.

The button sits in the title bar, beside the float and close buttons, so it costs no room in the
dock's contents (which scroll on a laptop screen) and stays in view; F1 inside the dock does the
same.  The title bar shows the dock's icon and title as Qt's own would; mouse presses it does not
use fall through to the dock, which drags and floats it as usual.
"""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QKeySequence
from qgis.PyQt.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QShortcut, QStyle, QToolButton, QWidget

from ...i18n import tr
from .. import help as manual

HELP_BUTTON = "DoubleGuaranteeHelpButton"
ICON_SIZE = QSize(16, 16)


class DockTitleBar(QWidget):
    """Icon, title, then the Help, float and close buttons of ``dock``."""

    def __init__(self, dock, page, message_bar=None):
        super().__init__(dock)
        self.dock = dock
        self.page = page
        self.message_bar = message_bar
        self.setObjectName("DoubleGuaranteeDockTitleBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.setSpacing(4)
        self.icon_label = QLabel(self)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("DoubleGuaranteeDockTitle")
        layout.addWidget(self.icon_label)
        layout.addWidget(self.title_label, 1)
        self.help_button = self._button(HELP_BUTTON, QgsApplication.getThemeIcon("/mActionHelpContents.svg"),
                                        tr("Help"), tr("Open this panel's chapter of the user manual (F1)"))
        self.help_button.clicked.connect(self.open_help)
        self.float_button = self._button("DoubleGuaranteeFloatButton",
                                         self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarNormalButton),
                                         tr("Float"), tr("Detach the panel from the window, or dock it again"))
        self.float_button.clicked.connect(lambda: dock.setFloating(not dock.isFloating()))
        self.close_button = self._button("DoubleGuaranteeCloseButton",
                                         self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton),
                                         tr("Close"), tr("Close the panel (its toolbar button opens it again)"))
        self.close_button.clicked.connect(dock.close)
        for button in (self.help_button, self.float_button, self.close_button):
            layout.addWidget(button)
        dock.windowTitleChanged.connect(self.refresh)
        dock.windowIconChanged.connect(self.refresh)
        dock.featuresChanged.connect(self.refresh)
        self.refresh()

    def _button(self, name, icon, text, tip):
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(icon)
        button.setIconSize(ICON_SIZE)
        button.setText(text)          # shown as the tooltip's title and read by screen readers
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def refresh(self, *_args):
        self.title_label.setText(self.dock.windowTitle())
        self.icon_label.setPixmap(self.dock.windowIcon().pixmap(ICON_SIZE))
        features = self.dock.features()
        self.float_button.setVisible(bool(features & QDockWidget.DockWidgetFeature.DockWidgetFloatable))
        self.close_button.setVisible(bool(features & QDockWidget.DockWidgetFeature.DockWidgetClosable))

    def open_help(self):
        return manual.open_help(self.page, self.message_bar)


def add_help(dock, message_bar=None):
    """Give ``dock`` the title bar with the Help button and F1; the page follows the dock's object name."""
    page = manual.DOCK_PAGES.get(dock.objectName(), manual.CONTENTS)
    bar = DockTitleBar(dock, page, message_bar)
    dock.setTitleBarWidget(bar)
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), dock)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(bar.open_help)
    return bar
