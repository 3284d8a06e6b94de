# SPDX-License-Identifier: GPL-2.0-or-later
"""Double Guarantee (双保): supplementary-farmland projects, constraint checks, credits and reserves."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import DoubleGuaranteePlugin
    return DoubleGuaranteePlugin(iface)
