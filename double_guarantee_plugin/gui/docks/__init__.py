# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin's docks, one module each.

A dock module defines ``DOCK_ORDER`` (an int: position in the menu) and ``create_dock(iface)``
returning a ``QDockWidget`` (with an optional ``cleanup()`` the plugin calls on unload).
"""
import importlib
import pkgutil


def dock_modules():
    modules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "create_dock"):
            modules.append(module)
    return sorted(modules, key=lambda m: (getattr(m, "DOCK_ORDER", 100), m.__name__))


def create_docks(iface):
    """Return new dock widgets, not yet added to the main window."""
    return [module.create_dock(iface) for module in dock_modules()]
