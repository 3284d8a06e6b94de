# SPDX-License-Identifier: GPL-2.0-or-later
"""The desktop test's hands and eyes inside the real QGIS: input events, waiting, looking at the screen.

Everything a step does to the GUI is an input event (QTest mouse and key events on the widget under
the pointer, the canvas's viewport for map clicks), scheduled on the event loop so that a click that
opens a modal dialog does not block the scenario: the scenario then waits for the dialog to appear.
Before a click the widget must be visible, enabled, inside the 1366×768 screen and not covered
(``widget_at`` its centre is the widget or one of its children): what a user cannot
click, the test cannot either.  Waits poll a condition with a timeout, never sleep.
"""
import os
import time

from qgis.PyQt.QtCore import QPoint, QPointF, QRect, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtGui import QInputMethodEvent
from qgis.PyQt.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget


class StepFailed(AssertionError):
    pass


class Wait:
    """What a scenario yields: resume when ``condition()`` is true, fail after ``timeout`` seconds."""

    def __init__(self, condition, what, timeout=20.0, explain=None):
        self.condition, self.what, self.timeout = condition, what, timeout
        self.explain = explain            # () -> why the condition does not hold, for the failure message
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


def reaches(point, widget):
    """A click at the global ``point`` would reach ``widget`` (or a child of it): by the X server's stacking
    (QApplication.widgetAt) or by Qt's own geometry (``widget_at``).  Both are asked because each, now and
    then, answered "nothing" for a table drawn right there after QGIS's window had grown sideways."""
    for hit in (QApplication.widgetAt(point), widget_at(point)):
        if hit is not None and (hit is widget or widget.isAncestorOf(hit)):
            return True
    return False


def widget_at(point):
    """The widget a click at the global ``point`` reaches by Qt's geometry: an open menu or modal dialog
    first, then other windows, then QGIS's main window."""
    from qgis.utils import iface
    main = iface.mainWindow()
    others = [w for w in QApplication.topLevelWidgets() if w is not main and w.isWindow() and w.windowType() in (
        Qt.WindowType.Dialog, Qt.WindowType.Window, Qt.WindowType.Tool)]
    for top in [QApplication.activePopupWidget(), QApplication.activeModalWidget()] + others + [main]:
        if top is None or not top.isVisible():
            continue
        if QRect(top.mapToGlobal(QPoint(0, 0)), top.size()).contains(point):
            return top.childAt(top.mapFromGlobal(point)) or top
    return None


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
    return reaches(rect.center(), widget)


def require_on_screen(widget, what):
    check(widget is not None, f"{what}: not found")
    check(widget.isVisible(), f"{what}: not visible")
    rect, screen = global_rect(widget), screen_rect()
    check(screen.contains(rect), f"{what}: {rect.getRect()} is not inside the screen {screen.getRect()}")
    if not reaches(rect.center(), widget):
        hit = QApplication.widgetAt(rect.center()) or widget_at(rect.center())
        raise StepFailed(f"{what}: covered by {type(hit).__name__} {hit.objectName() if hit else ''}")


def later(action):
    """Run ``action`` from the event loop (a click that opens a modal dialog must not block the scenario)."""
    QTimer.singleShot(0, action)


def click(widget, what, button=Qt.MouseButton.LeftButton, pos=None):
    require_on_screen(widget, what)
    check(widget.isEnabled(), f"{what}: disabled")
    point = pos if pos is not None else widget.rect().center()
    later(lambda: _click(widget, button, point))


def _click(widget, button, point):
    move_event(widget, point)
    QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, point)


def double_click(widget, what, pos=None):
    require_on_screen(widget, what)
    point = pos if pos is not None else widget.rect().center()
    later(lambda: QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point))


def type_text(widget, text, what, clear=True):
    """Focus ``widget`` with a click, select what is there, type ``text``.

    ASCII goes as key presses; Chinese as a Chinese user's input method delivers it, a committed
    QInputMethodEvent (QTest's key events know only ASCII keys)."""
    require_on_screen(widget, what)
    check(widget.isEnabled(), f"{what}: disabled")

    def run():
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget.rect().center())
        if clear:
            QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(widget, Qt.Key.Key_Delete)
        for chunk in _chunks(text):
            if chunk.isascii():
                QTest.keyClicks(widget, chunk)
            else:
                event = QInputMethodEvent()
                event.setCommitString(chunk)
                QApplication.sendEvent(QApplication.focusWidget() or widget, event)
    later(run)


def _chunks(text):
    """``text`` cut into runs of ASCII and of other characters."""
    chunks = []
    for char in text:
        if chunks and chunks[-1][-1].isascii() == char.isascii():
            chunks[-1] += char
        else:
            chunks.append(char)
    return chunks


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


def editor(form, field, kind):
    """The visible ``kind`` widget editing ``field`` in an attribute form (QGIS names each editor, and the
    hidden search widgets it keeps beside it, after its field)."""
    for widget in form.findChildren(QWidget, field):
        if not widget.isVisible():
            continue
        if isinstance(widget, kind):
            return widget
        inner = [child for child in widget.findChildren(kind) if child.isVisible()]
        if inner:
            return inner[0]
    found = [(type(w).__name__, w.isVisible(), [type(c).__name__ for c in w.children()])
             for w in form.findChildren(QWidget, field)]
    raise StepFailed(f"no visible {kind.__name__} editing the field {field}: {found}")


def find(parent, kind, name):
    widget = parent.findChild(kind, name)
    if widget is None:
        raise StepFailed(f"no {kind.__name__} named {name}")
    return widget


def all_exposed():
    """Every visible top-level window is mapped on the X screen (a dialog just opened is not, for a moment)."""
    for window in QApplication.topLevelWidgets():
        if window.isVisible() and window.windowHandle() is not None and not window.windowHandle().isExposed():
            return False
    return True


class Eyes:
    """Screenshots of the whole X screen (dialogs included), numbered in the order they were taken."""

    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        os.makedirs(folder, exist_ok=True)

    def shot(self, name):
        self.count += 1
        path = os.path.join(self.folder, f"{self.count:02d}_{name}.png")
        QApplication.processEvents()       # the paints of what was just shown reach the X server first
        QApplication.primaryScreen().grabWindow(0).save(path)
        return path


def all_widgets():
    return [w for w in QApplication.allWidgets() if isinstance(w, QWidget)]


def choose(combo, wanted, what):
    """Open ``combo``'s list with a click, walk to the item whose text starts with ``wanted`` (or whose data
    is ``wanted``) with the arrow keys, press Enter (a generator: ``yield from choose(…)``)."""
    texts = [combo.itemText(i) for i in range(combo.count())]
    target = next((i for i, item in enumerate(texts) if item.startswith(wanted)), -1)
    if target < 0:
        target = combo.findData(wanted)
    check(target >= 0, f"{what}: no item {wanted!r} in {texts}")
    click(combo, what)
    view = combo.view()
    yield Wait(lambda: view.isVisible(), f"{what}: its list open")
    steps = target - combo.currentIndex()
    arrow = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up

    def walk():
        for _ in range(abs(steps)):
            QTest.keyClick(view, arrow)
        QTest.keyClick(view, Qt.Key.Key_Return)
    later(walk)
    yield Wait(lambda: combo.currentIndex() == target and not view.isVisible(), f"{what}: {wanted!r} chosen")


def item_in_view(view, index):
    rect = view.visualRect(index)
    return rect.isValid() and view.viewport().rect().contains(rect.center())


def item_click_problem(view, index):
    """'' when the row is drawn in its view and a click at its centre would reach the view, else why not."""
    if not view.isVisible():
        return "the view is hidden"
    rect = view.visualRect(index)
    if not item_in_view(view, index):
        return f"row rect {rect.getRect()} outside the viewport {view.viewport().rect().getRect()}"
    where = view.viewport().mapToGlobal(rect.center())
    if not screen_rect().contains(where):
        return f"{where} is off the screen"
    if not reaches(where, view.viewport()):
        hits = [QApplication.widgetAt(where), widget_at(where)]
        return f"at {where.x()}, {where.y()} the pointer would reach " + " / ".join(
            chain(hit) if hit is not None else "nothing" for hit in hits) + f"; the view: {chain(view)} at " \
            f"{global_rect(view).getRect()}"
    return ""


def chain(widget):
    """``widget`` and its parents, as class:name (visible?), for failure messages."""
    parts = []
    while widget is not None:
        parts.append(f"{type(widget).__name__}:{widget.objectName()}{'' if widget.isVisible() else '(hidden)'}"
                     f"@{global_rect(widget).getRect()}")
        widget = widget.parentWidget()
    return " < ".join(parts[:6])


def item_clickable(view, index):
    return not item_click_problem(view, index)


def click_item(view, index, what, double=False):
    """Click the row ``index`` of an item view where it is drawn (it must be in view)."""
    rect = view.visualRect(index)
    check(item_in_view(view, index), f"{what}: not in view ({rect.getRect()} in {view.viewport().rect().getRect()})")
    point = rect.center()
    problem = item_click_problem(view, index)
    check(not problem, f"{what}: {problem}")

    def run():
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        if double:
            QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    later(run)


def map_click(canvas, point, button=Qt.MouseButton.LeftButton):
    """Move to and click the map at ``point`` (map coordinates) on the canvas's viewport."""
    pixel = canvas.getCoordinateTransform().transform(point).toQPointF().toPoint()
    viewport = canvas.viewport()
    check(viewport.rect().contains(pixel), f"map point {point.x():.0f}, {point.y():.0f} is outside the visible map")

    def run():
        move_event(viewport, pixel)
        QTest.mousePress(viewport, button, Qt.KeyboardModifier.NoModifier, pixel)
        QTest.mouseRelease(viewport, button, Qt.KeyboardModifier.NoModifier, pixel)
    later(run)


def wheel(canvas, delta):
    """One turn of the mouse wheel over the middle of the map (negative: towards the user, zoom out)."""
    _wheel(canvas.viewport(), delta)


def move_event(widget, pixel, buttons=Qt.MouseButton.NoButton):
    """A mouse-move event at ``pixel``: QTest's mouseMove only warps the X pointer, which Xvfb does not
    turn into a motion event for the window under it."""
    from qgis.PyQt.QtCore import QEvent
    from qgis.PyQt.QtGui import QMouseEvent
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pixel), QPointF(widget.mapToGlobal(pixel)),
                        Qt.MouseButton.NoButton, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def scroll_into_view(widget, what, part=None, tries=30):
    """Turn the mouse wheel over the scroll area holding ``widget`` until it (or its ``part``, a rect in
    the widget's coordinates) is wholly in view (a generator)."""
    from qgis.PyQt.QtWidgets import QScrollArea
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    check(area is not None, f"{what}: not on screen and not in a scroll area")
    def target():
        local = part if part is not None else widget.rect()
        return QRect(widget.mapToGlobal(local.topLeft()), local.size())
    for _ in range(tries):
        visible = QRect(area.viewport().mapToGlobal(QPoint(0, 0)), area.viewport().size())
        if visible.contains(target()):
            return
        # vertically first, then sideways (a wide panel in a narrow dock): the wheel, as a user scrolls
        if target().top() < visible.top() or target().bottom() > visible.bottom():
            bar, delta = area.verticalScrollBar(), QPoint(0, -120 if target().top() > visible.top() else 120)
        else:
            bar, delta = area.horizontalScrollBar(), QPoint(-120 if target().left() > visible.left() else 120, 0)
        value = bar.value()
        _wheel(area.viewport(), delta)
        yield Wait(lambda: bar.value() != value or bar.value() in (bar.minimum(), bar.maximum()), f"{what}: scrolled")
    raise StepFailed(f"{what}: could not be scrolled into view")


def _wheel(widget, delta):
    """One wheel step over ``widget``: ``delta`` is the vertical angle (an int) or a QPoint (x, y)."""
    from qgis.PyQt.QtGui import QWheelEvent
    local = QPointF(widget.rect().center())
    glob = QPointF(widget.mapToGlobal(widget.rect().center()))
    angle = delta if isinstance(delta, QPoint) else QPoint(0, delta)

    def run():
        event = QWheelEvent(local, glob, QPoint(0, 0), angle, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)
    later(run)


def map_move(canvas, point):
    pixel = canvas.getCoordinateTransform().transform(point).toQPointF().toPoint()
    later(lambda: move_event(canvas.viewport(), pixel))
