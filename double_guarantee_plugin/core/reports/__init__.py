# SPDX-License-Identifier: GPL-2.0-or-later
"""Meeting maps and reports: print layouts from .qpt templates, credit/check tables, atlas PDFs, county summaries.

``report_data`` gathers what a sheet shows (credits, constraint checks, project info),
``map_layers`` builds the styled display layers, ``layout`` fills a template, ``export`` writes
PDF/PNG (single, per project, or one combined PDF), ``summary`` writes the county CSV/XLSX and
``overview`` the county overview map.  No widgets here: ``gui/dialogs/export_maps.py`` and the
``doubleguarantee:exportmeetingmaps`` algorithm call these.
"""


class ReportError(RuntimeError):
    """A sheet that cannot be produced; the message names the project, layer or file and why."""
