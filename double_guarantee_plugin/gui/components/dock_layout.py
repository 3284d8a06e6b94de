# SPDX-License-Identifier: GPL-2.0-or-later
"""Where the plugin's docks go on a laptop screen: tabified behind the project dock, scrolling inside.

QGIS saves the arrangement of every dock by object name when it closes and restores it at the next
start.  The first time the plugin's docks appear (no saved arrangement names them), they are
stacked in the right dock area, each as tall as its contents, which forced QGIS's window to 2,784
pixels.  Here the other docks go into tabs behind the project dock, opened by a click on their tab
(or their toolbar button, which brings them to the front), every dock's contents scroll, and the main window is
brought back within the screen, and kept there when it grows by itself (``WindowKeeper``).
"""
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QEvent, QObject, Qt, QTimer
from qgis.PyQt.QtWidgets import QFormLayout, QFrame, QScrollArea

STATE_KEY = "UI/state"          # where QGIS keeps QMainWindow.saveState()


def has_saved_arrangement(dock):
    """True when QGIS's saved window state names ``dock`` (QGIS will restore where the user put it)."""
    state = QgsSettings().value(STATE_KEY)
    if state is None:
        return False
    return dock.objectName().encode("utf-16-be") in bytes(state)


def make_scrollable(dock):
    """Put the dock's contents in a scroll area (once), so its size never forces the window's; forms put
    their labels above their fields when the dock is narrow rather than scroll sideways."""
    content = dock.widget()
    if content is None or isinstance(content, QScrollArea):
        return
    for form in content.findChildren(QFormLayout):
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    scroll = QScrollArea()
    scroll.setObjectName(f"{dock.objectName()}Scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    dock.setWidget(scroll)


def scrolling_body(dialog, name):
    """``(body widget, its layout, outer layout)`` of a dialog whose contents scroll above its buttons: the
    caller fills the body's layout and adds its button box to the outer layout, then calls ``fit_dialog``."""
    from qgis.PyQt.QtWidgets import QVBoxLayout, QWidget
    outer = QVBoxLayout(dialog)
    body = QWidget(dialog)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(dialog)
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    outer.addWidget(scroll, 1)
    return body, layout, outer


def fit_dialog(dialog, body, width=720):
    """Open ``dialog`` wide enough that its texts wrap little and as tall as its body, within the screen's
    available area (a 1366×768 laptop): what does not fit scrolls."""
    from qgis.PyQt.QtGui import QGuiApplication
    screen = QGuiApplication.primaryScreen()
    height = body.sizeHint().height() + 90        # margins and the button row
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width() - 40), min(height, available.height() - 60)
    dialog.resize(width, height)


def raise_when_shown(dock):
    """Opening a tabified dock from the toolbar brings its tab to the front (once Qt has made the tab)."""
    from qgis.PyQt.QtCore import QTimer
    dock.toggleViewAction().toggled.connect(lambda shown, dock=dock: shown and QTimer.singleShot(0, dock.raise_))


def fit_to_screen(window):
    """Bring the main window back within its screen's available area (a dock may have pushed it out)."""
    screen = window.screen() if hasattr(window, "screen") else None
    if screen is None:
        return False
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    if available.contains(frame):
        return False
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    width = min(window.width(), available.width() - extra_w)
    height = min(window.height(), available.height() - extra_h)
    window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), available.x()), available.right() - frame.width() + 1)
    y = min(max(frame.y(), available.y()), available.bottom() - frame.height() + 1)
    window.move(x, y)
    return True


def prepare(docks, primary):
    """Every dock scrolls and comes to the front when opened; True when this is their first start."""
    for dock in docks:
        make_scrollable(dock)
        raise_when_shown(dock)
    return not has_saved_arrangement(primary)


class WindowKeeper(QObject):
    """Pulls QGIS's window back inside its screen when it *grows* out of it by itself.

    QGIS's status bar is as wide as what it holds: in English a running task's description (ours or
    QGIS's) adds up to ~250 pixels to the window's minimum width, and a window never shrinks back, so
    at 1366×768 a few background tasks pushed it off the screen.  Moves are the user's and left alone.
    """

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._pending = False
        window.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if (watched is self.window and event.type() == QEvent.Type.Resize and not self._pending
                and event.size().width() + event.size().height() > event.oldSize().width() + event.oldSize().height()
                and event.oldSize().width() > 0):
            self._pending = True
            QTimer.singleShot(0, self._check)
        return False

    def _check(self):
        self._pending = False
        try:
            fit_to_screen(self.window)
        except RuntimeError:      # QGIS is closing
            pass

    def remove(self):
        try:
            self.window.removeEventFilter(self)
        except RuntimeError:
            pass
        self.deleteLater()


def arrange(window, docks, primary, width=None):
    """First start: ``docks`` in tabs behind ``primary``, ``primary`` in front and ``width`` wide.

    The others stay open as tabs (a click on a tab opens them): closing tabified docks left Qt with a
    stale tab bar drawn across the project list when one was opened again."""
    for dock in docks:
        if dock is primary:
            continue
        window.tabifyDockWidget(primary, dock)
    primary.show()
    primary.raise_()
    if width:
        window.resizeDocks([primary], [width], Qt.Orientation.Horizontal)
    fit_to_screen(window)
    hide_empty_tab_bars(window)
    QTimer.singleShot(0, lambda: hide_empty_tab_bars(window))
    return True


def hide_empty_tab_bars(window):
    """Hide the main window's dock tab bars that hold no tab.  Regrouping docks into tabs leaves Qt with a
    tab bar it no longer uses; now and then it stayed shown, an empty strip across the project list where
    clicks went astray."""
    from qgis.PyQt.QtWidgets import QTabBar
    try:
        for bar in window.findChildren(QTabBar):
            if bar.parentWidget() is window and bar.count() == 0 and bar.isVisible():
                bar.hide()
    except RuntimeError:        # the window is gone (QGIS closing)
        pass
