"""The desktop test's hands and eyes inside the real QGIS: input events, waiting, looking at the screen.

Everything a step does to the GUI is an input event (QTest mouse and key events on the widget under
the pointer, the canvas's viewport for map clicks), scheduled on the event loop so that a click that
opens a modal dialog does not block the scenario: the scenario then waits for the dialog to appear.
Before a click the widget must be visible, enabled, inside the 1366×768 screen and not covered
(``QApplication.widgetAt`` of its centre is the widget or one of its children): what a user cannot
click, the test cannot either.  Waits poll a condition with a timeout, never sleep.
"""
import os
import time

from qgis.PyQt.QtCore import QPoint, QRect, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget


class StepFailed(AssertionError):
    pass


class Wait:
    """What a scenario yields: resume when ``condition()`` is true, fail after ``timeout`` seconds."""

    def __init__(self, condition, what, timeout=20.0):
        self.condition, self.what, self.timeout = condition, what, timeout
        self.started = time.monotonic()

    def done(self):
        try:
            return bool(self.condition())
        except RuntimeError:      # a widget deleted while we looked: not there (yet)
            return False

    def expired(self):
        return time.monotonic() - self.started > self.timeout


def check(condition, message):
    if not condition:
        raise StepFailed(message)


def screen_rect():
    return QApplication.primaryScreen().geometry()


def global_rect(widget):
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def on_screen(widget, whole=True):
    """Visible, inside the screen, and the widget a click at its centre would reach."""
    if widget is None or not widget.isVisible():
        return False
    rect = global_rect(widget)
    screen = screen_rect()
    if whole and not screen.contains(rect):
        return False
    if not whole and not screen.contains(rect.center()):
        return False
    hit = QApplication.widgetAt(rect.center())
    return hit is not None and (hit is widget or widget.isAncestorOf(hit))


def require_on_screen(widget, what):
    check(widget is not None, f"{what}: not found")
    check(widget.isVisible(), f"{what}: not visible")
    rect, screen = global_rect(widget), screen_rect()
    check(screen.contains(rect), f"{what}: {rect.getRect()} is not inside the screen {screen.getRect()}")
    hit = QApplication.widgetAt(rect.center())
    check(hit is not None and (hit is widget or widget.isAncestorOf(hit)),
          f"{what}: covered by {type(hit).__name__} {hit.objectName() if hit else ''}")


def later(action):
    """Run ``action`` from the event loop (a click that opens a modal dialog must not block the scenario)."""
    QTimer.singleShot(0, action)


def click(widget, what, button=Qt.MouseButton.LeftButton, pos=None):
    require_on_screen(widget, what)
    check(widget.isEnabled(), f"{what}: disabled")
    point = pos if pos is not None else widget.rect().center()
    later(lambda: _click(widget, button, point))


def _click(widget, button, point):
    QTest.mouseMove(widget, point)
    QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, point)


def double_click(widget, what, pos=None):
    require_on_screen(widget, what)
    point = pos if pos is not None else widget.rect().center()
    later(lambda: QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point))


def type_text(widget, text, what, clear=True):
    """Focus ``widget`` with a click, select what is there, type ``text``."""
    require_on_screen(widget, what)
    check(widget.isEnabled(), f"{what}: disabled")

    def run():
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget.rect().center())
        if clear:
            QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(widget, Qt.Key.Key_Delete)
        QTest.keyClicks(widget, text)
    later(run)


def key(widget, key_code, what, modifier=Qt.KeyboardModifier.NoModifier):
    check(widget is not None and widget.isVisible(), f"{what}: not visible")
    later(lambda: QTest.keyClick(widget, key_code, modifier))


def modal_dialog(kind=QDialog):
    widget = QApplication.activeModalWidget()
    return widget if isinstance(widget, kind) and widget.isVisible() else None


def button_with_text(parent, *texts):
    for button in parent.findChildren(QAbstractButton):
        if button.isVisible() and button.text().replace("&", "") in texts:
            return button
    return None


def find(parent, kind, name):
    widget = parent.findChild(kind, name)
    if widget is None:
        raise StepFailed(f"no {kind.__name__} named {name}")
    return widget


class Eyes:
    """Screenshots of the whole X screen (dialogs included), numbered in the order they were taken."""

    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        os.makedirs(folder, exist_ok=True)

    def shot(self, name):
        self.count += 1
        path = os.path.join(self.folder, f"{self.count:02d}_{name}.png")
        QApplication.primaryScreen().grabWindow(0).save(path)
        return path


def all_widgets():
    return [w for w in QApplication.allWidgets() if isinstance(w, QWidget)]
