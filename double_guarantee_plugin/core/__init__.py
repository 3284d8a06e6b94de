# SPDX-License-Identifier: GPL-2.0-or-later
"""Domain core of the Double Guarantee plugin: units, tables, rules, credits, checks, ledger.

Modules here import no widgets.  Those that need no QGIS at all (units, crs, tables,
credits, coord_txt, ledger) import nothing from ``qgis`` either, so they run in plain Python.
"""
