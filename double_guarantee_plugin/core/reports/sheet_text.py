# SPDX-License-Identifier: GPL-2.0-or-later
"""Texts of a meeting sheet that read as sentences: the verdict with its blocking plots, the CRS note.

Kept apart from the layout code so the words can be tested without drawing a sheet.
"""
from ...i18n import tr
from ..crs import central_meridian, zone_for_epsg
from ..units import m2_to_mu
from .report_data import STATUS_BLOCKING, fmt_mu, role_label, status_label

VERDICT_CHARS = 96      # what the verdict box holds (four lines of the A4 sheet): longer lists end in "N more"


def _plot_reason(plot):
    parts = []
    for layer in plot.layers:
        if layer.status == STATUS_BLOCKING:
            area_m2 = layer.overlap_m2 or 0.0
            parts.append(tr("{} {} mu", role_label(layer.role) if layer.role != "extra" else layer.name,
                            fmt_mu(m2_to_mu(area_m2))) if area_m2 else
                         (role_label(layer.role) if layer.role != "extra" else layer.name))
    return "、".join(parts)


def blocking_plots(report):
    """The plots of ``report`` whose check blocks them, in plot-code order."""
    check = report.check
    if check is None:
        return []
    return sorted((plot for plot in check.plots if plot.status == STATUS_BLOCKING), key=lambda p: str(p.plot_code))


def verdict_text(report, limit=VERDICT_CHARS):
    """``Verdict: …`` and, when plots block, every one of them with why; a list too long for the box
    ends with how many plots it left out, so a reader never takes a shortened list for the whole."""
    text = tr("Verdict: {}", status_label(report.verdict))
    plots = blocking_plots(report)
    if plots:
        items = [f"{plot.plot_code}（{_plot_reason(plot)}）" if _plot_reason(plot) else str(plot.plot_code)
                 for plot in plots]
        head = tr("{} plots do not pass: ", len(items))
        shown = []
        for index, item in enumerate(items):
            rest = len(items) - index - 1
            tail = tr(" and {} more plots", rest) if rest else ""
            if len(head) + len("；".join(shown + [item])) + len(tail) > limit and shown:
                break
            shown.append(item)
        left_out = len(items) - len(shown)
        line = head + "；".join(shown)
        if left_out:
            line += tr(" and {} more plots", left_out)
        return text + "\n" + line
    if report.messages:
        message = str(report.messages[0])
        return text + "\n" + (message if len(message) <= limit else message[:limit - 1].rstrip() + "…")
    return text


def crs_note(crs):
    """The sheet's note on the coordinate system, named in the reader's language (not PROJ's English)."""
    name = crs_name(crs)
    return tr("Coordinate system: {} ({}). Areas are ellipsoidal on CGCS2000; 1 mu = 2000/3 square metres.",
              name, crs.authid())


def crs_name(crs):
    authid = crs.authid() or ""
    if authid.upper().startswith("EPSG:") and authid[5:].isdigit():
        code = int(authid[5:])
        if code == 4490:
            return tr("CGCS2000 geographic coordinates")
        zone = zone_for_epsg(code)
        if zone is not None:
            datum, width, prefixed, number = zone
            datum_name = "CGCS2000" if datum == "cgcs2000" else tr("Xian 1980")
            if prefixed:
                return tr("{} Gauss-Krüger {}-degree zone {}", datum_name, width, number)
            return tr("{} Gauss-Krüger {}-degree, central meridian {}°E", datum_name, width,
                      central_meridian(number, width))
    return crs.description()
