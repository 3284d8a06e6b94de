# SPDX-License-Identifier: GPL-2.0-or-later
"""The project dock's buttons, in rows that wrap to the dock's width (``components.flow_layout``).

The dock says what each button is (``ButtonSpec``); this module only builds them, so the order and
grouping of the rows can be read in one place (``gui.project.dock_body``).  Every button has an object
name, so that tests and screen readers find it without knowing the layout.  They are tool buttons:
a push button is at least 80 pixels wide in QGIS's style, which made the rows of a narrow dock three
times as tall as their labels need.
"""
from dataclasses import dataclass

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QMenu, QToolButton

from ..components.flow_layout import flow_row


@dataclass
class ButtonSpec:
    key: str
    text: str
    slot: object
    tip: str = ""
    checkable: bool = False


def compact_button(text, name, tip=""):
    button = QToolButton()
    button.setText(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


def make_button(spec, run):
    """A button for ``spec`` whose click goes through ``run(slot)`` (the dock's error guard)."""
    button = compact_button(spec.text, f"{spec.key}Button", spec.tip)
    button.setCheckable(spec.checkable)
    if spec.checkable:
        button.toggled.connect(lambda checked, slot=spec.slot: run(slot, checked))
    else:
        button.clicked.connect(lambda _checked=False, slot=spec.slot: run(slot))
    return button


def button_row(specs, run, buttons, extra=()):
    """A wrapping row of the buttons of ``specs`` (stored in ``buttons`` by key) and ``extra`` widgets."""
    widgets = []
    for spec in specs:
        button = make_button(spec, run)
        buttons[spec.key] = button
        widgets.append(button)
    return flow_row(widgets + list(extra))


def menu_button(text, name, entries, run, tip="", actions=None):
    """A button opening a menu of ``entries``: (label, slot, args) or (label, slot, args, key) to keep the
    action in ``actions`` by key, or (label, [entries]) for a submenu."""
    button = compact_button(text, name, tip)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    _fill_menu(menu, entries, run, actions if actions is not None else {})
    button.setMenu(menu)
    return button


def _fill_menu(menu, entries, run, actions):
    for entry in entries:
        if isinstance(entry[1], list):
            _fill_menu(menu.addMenu(entry[0]), entry[1], run, actions)
            continue
        label, slot, args = entry[:3]
        action = menu.addAction(label)
        action.triggered.connect(lambda _checked=False, slot=slot, args=args: run(slot, *args))
        if len(entry) > 3:
            action.setObjectName(f"{entry[3]}Action")
            actions[entry[3]] = action
