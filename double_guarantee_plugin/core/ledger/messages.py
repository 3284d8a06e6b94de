# SPDX-License-Identifier: GPL-2.0-or-later
"""The ledger's messages in the user's language, while core/ledger stays importable without QGIS.

Every refusal of the ledger is built with ``tr("English source {}", …)``: inside QGIS (the plugin's
``i18n`` module is loaded, with the zh_CN translator when QGIS runs in Chinese) that is the plugin's
one ``tr()``; in plain Python (the writer processes of the tests and the benchmark) the English
source text is formatted as it is.  ``make transup`` finds these calls like any other ``tr("…")``.
"""
import sys

_I18N_MODULE = __name__.rsplit(".", 3)[0] + ".i18n"   # double_guarantee_plugin.i18n


def tr(text, *args):
    i18n = sys.modules.get(_I18N_MODULE)
    if i18n is not None:
        return i18n.tr(text, *args)
    return text.format(*args) if args else text
