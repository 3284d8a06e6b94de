# SPDX-License-Identifier: GPL-2.0-or-later
"""Finds the Qt and QGIS names in our code that QGIS 4 (Qt6, PyQt6) would reject.

Every dotted name rooted in a class imported from ``qgis.PyQt.*`` (``Qt.AlignmentFlag.AlignLeft``,
``QDialog.DialogCode.Accepted``) is looked up in PyQt6 itself (installed from PyPI into the venv,
asked in a child process so that Qt6 never loads beside QGIS's Qt5) and in the running PyQt5, so a
name passes only when it works on both. Names rooted in a ``qgis.core``/``qgis.gui`` class are looked
up in the running QGIS: they must exist there (3.22 is the oldest we support) and must not reach an
enum value straight from its class (``Qgis.Warning``; PyQt6 builds only know
``Qgis.MessageLevel.Warning``). ``exec_`` is gone from PyQt6: any use of it is reported.
This is what QGIS's ``pyqt5_to_pyqt6`` script fixes in its QGIS-3-compatible mode.
"""
import ast
import enum
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# QVariant.String & co.: QGIS-3-compatible code keeps them (QgsField takes QMetaType.Type only from
# QGIS 3.38 on) and QGIS's own qgis.PyQt.QtCore provides them on Qt6 builds
QGIS_PYQT6_SHIMS = {"QVariant"}
PYQT6_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtTest", "QtXml", "QtSvg", "QtNetwork", "QtPrintSupport",
                 "QtSql")
QGIS_MODULES = ("qgis.core", "qgis.gui", "qgis.analysis")


@dataclass(frozen=True)
class Use:
    path: str
    line: int
    dotted: str     # e.g. "Qt.AlignLeft", "QgsWkbTypes.GeometryType.PolygonGeometry"
    origin: str     # "qt" or "qgis"

    def where(self):
        return f"{self.path}:{self.line}"


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def scan_source(source, path="<string>"):
    """``(uses, exec_lines)``: the Qt/QGIS dotted names of one module and the lines calling ``exec_``."""
    tree = ast.parse(source, filename=path)
    origins = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("qgis.PyQt."):
                kind = "qt"
            elif node.module in QGIS_MODULES:
                kind = "qgis"
            else:
                continue
            for alias in node.names:
                origins[alias.asname or alias.name] = (kind, alias.name)
    uses, exec_lines = set(), []
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "exec_":
            exec_lines.append(node.lineno)
        if isinstance(node, ast.FunctionDef) and node.name == "exec_":
            exec_lines.append(node.lineno)
        if not isinstance(node, ast.Attribute) or isinstance(parents.get(node), ast.Attribute):
            continue   # only the outermost attribute of a chain
        dotted = _dotted(node)
        if dotted is None:
            continue
        root, rest = dotted.split(".", 1)
        if root in origins:
            kind, real = origins[root]
            uses.add(Use(path, node.lineno, f"{real}.{rest}", kind))
    return uses, exec_lines


def scan_tree(folders):
    uses, exec_uses = set(), []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.py")):
            found, exec_lines = scan_source(path.read_text(encoding="utf-8"), str(path))
            uses |= found
            exec_uses += [f"{path}:{line}" for line in exec_lines]
    return uses, exec_uses


_PYQT6_PROBE = r"""
import importlib, json, sys
names = json.load(sys.stdin)
modules = [importlib.import_module("PyQt6." + m) for m in sys.argv[1].split(",")]
missing = {}
for dotted in names:
    root, *attrs = dotted.split(".")
    owner = next((getattr(m, root) for m in modules if hasattr(m, root)), None)
    if owner is None:
        missing[dotted] = f"PyQt6 has no {root}"
        continue
    for i, attr in enumerate(attrs):
        try:
            owner = getattr(owner, attr)
        except AttributeError:
            missing[dotted] = "PyQt6 has no " + ".".join([root] + attrs[:i + 1])
            break
json.dump(missing, sys.stdout)
"""


def missing_in_pyqt6(dotted_names):
    """``{dotted: reason}`` for the names PyQt6 does not have (PyQt6 must be installed)."""
    completed = subprocess.run([sys.executable, "-c", _PYQT6_PROBE, ",".join(PYQT6_MODULES)],
                               input=json.dumps(sorted(dotted_names)), capture_output=True, text=True,
                               timeout=120)
    if completed.returncode != 0:
        raise RuntimeError(f"the PyQt6 probe failed (is PyQt6 installed in the venv?): {completed.stderr[-2000:]}")
    return json.loads(completed.stdout)


def _sip_enum_type():
    """sip's metaclass of PyQt5 enums (not importable by name everywhere)."""
    from qgis.PyQt.QtCore import Qt
    return type(Qt.AlignmentFlag)


def _is_enum_type(value):
    return isinstance(value, (_sip_enum_type(), enum.EnumMeta))


def _is_enum_value(value):
    return isinstance(type(value), _sip_enum_type()) or isinstance(value, enum.Enum)


def problem_here(use):
    """Why ``use`` fails on the running PyQt5/QGIS (``None`` when it does not)."""
    import importlib
    root, *attrs = use.dotted.split(".")
    modules = ([importlib.import_module(f"qgis.PyQt.{m}") for m in PYQT6_MODULES if m != "QtSql"]
               if use.origin == "qt" else [importlib.import_module(m) for m in QGIS_MODULES])
    owner = next((getattr(m, root) for m in modules if hasattr(m, root)), None)
    if owner is None:
        return None   # imported from a module we do not scan here (the import itself would fail)
    for i, attr in enumerate(attrs):
        try:
            value = getattr(owner, attr)
        except AttributeError:
            return "this QGIS/PyQt5 has no " + ".".join([root] + attrs[:i + 1])
        if use.origin == "qgis" and _is_enum_value(value) and not _is_enum_type(owner):
            scoped = type(value).__name__
            return (f"unscoped enum: write {'.'.join([root] + attrs[:i])}.{scoped}.{attr}"
                    if hasattr(owner, scoped) else f"unscoped enum value {attr} (its enum is {scoped})")
        owner = value
    return None


def qt6_problems(uses):
    """``[(use, reason)]``: every use that PyQt6 or the running QGIS/PyQt5 rejects."""
    qt_names = {u.dotted for u in uses if u.origin == "qt" and u.dotted.split(".")[0] not in QGIS_PYQT6_SHIMS}
    missing = missing_in_pyqt6(qt_names) if qt_names else {}
    problems = []
    for use in sorted(uses, key=lambda u: (u.path, u.line, u.dotted)):
        reason = missing.get(use.dotted) or problem_here(use)
        if reason:
            problems.append((use, reason))
    return problems
