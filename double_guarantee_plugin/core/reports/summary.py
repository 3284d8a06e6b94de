# SPDX-License-Identifier: GPL-2.0-or-later
"""The county summary: every project with its credits and verdict, plus reserve-ledger balances, as CSV and XLSX.

Files are written to a temporary name and moved into place, so a failed run never leaves a
half-written summary over a good one.  The CSV is UTF-8 with a BOM (Excel opens it in Chinese);
the ledger balances go to a second CSV beside it and to a second XLSX sheet.
"""
import csv
import os
import tempfile

from ..units import kg_to_wan_kg, mu_to_ha
from . import ReportError
from .report_data import status_label


def _round(value, digits):
    return None if value is None else round(float(value), digits)


def project_rows(reports, problems=None):
    """(headers, rows): one row per project report, then one per project that could not be reported."""
    from ...i18n import tr
    headers = [tr("Project code"), tr("Project name"), tr("County code"), tr("Project type"), tr("Project status"),
               tr("Verdict"), tr("Verdict code"), tr("Plots"), tr("Refused plots"), tr("Area (mu)"), tr("Area (ha)"),
               tr("田坎 (mu)"), tr("Net area (mu)"), tr("Area credit (mu)"), tr("Area credit (ha)"),
               tr("Capacity credit (kg)"),
               tr("Capacity credit (10,000 kg)"), tr("Paddy credit (mu)"), tr("Paddy credit (ha)"),
               tr("Grade before"), tr("Grade after"), tr("Grade uplift"), tr("Messages")]
    rows = []
    for report in reports:
        credit, info = report.credit, report.info
        rows.append([info.code, info.name, info.county_code, info.type_label, info.status,
                     status_label(report.verdict), report.verdict, credit.plot_count, credit.refused_count,
                     _round(credit.area_mu, 4), _round(mu_to_ha(credit.area_mu), 4),
                     _round(credit.tiankan_mu, 4), _round(credit.net_area_mu, 4),
                     _round(credit.credit_area_mu, 4), _round(mu_to_ha(credit.credit_area_mu), 4),
                     _round(credit.credit_capacity_kg, 2), _round(kg_to_wan_kg(credit.credit_capacity_kg), 4),
                     _round(credit.credit_paddy_mu, 4), _round(mu_to_ha(credit.credit_paddy_mu), 4),
                     _round(credit.grade_before_mean, 3), _round(credit.grade_after_mean, 3),
                     _round(credit.grade_uplift, 3), "; ".join(str(m) for m in report.messages)])
    for code, message in (problems or {}).items():
        rows.append([code, "", "", "", "", status_label("not_checked"), "not_checked", 0, 0] + [None] * 13 + [message])
    return headers, rows


def ledger_rows(ledger_target):
    """(headers, rows) of the reserve balances per county from a ledger (path/URI/connection or Ledger)."""
    from ...i18n import tr
    headers = [tr("County code"), tr("Area reserve (mu)"), tr("Area reserve (ha)"), tr("Capacity reserve (kg)"),
               tr("Capacity reserve (10,000 kg)"), tr("Paddy reserve (mu)"), tr("Paddy reserve (ha)")]
    from ..ledger import LedgerError, open_ledger
    try:
        ledger = open_ledger(ledger_target, create=False)
    except LedgerError as exc:
        raise ReportError(f"{ledger_target}: the reserve ledger cannot be opened ({exc})") from exc
    owned = ledger is not ledger_target
    try:
        balances = ledger.balances()
    finally:
        if owned:
            ledger.close()
    rows = []
    for county, amounts in sorted(balances.items()):
        rows.append([county, _round(amounts.area_mu, 4), _round(mu_to_ha(float(amounts.area_mu)), 4),
                     _round(amounts.capacity_kg, 2), _round(kg_to_wan_kg(float(amounts.capacity_kg)), 4),
                     _round(amounts.paddy_mu, 4), _round(mu_to_ha(float(amounts.paddy_mu)), 4)])
    return headers, rows


def _replace_atomically(path, write):
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".tmp_", suffix=os.path.splitext(path)[1], dir=folder)
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, path)
    except Exception:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
    return path


def write_csv(path, headers, rows):
    def write(temporary):
        with open(temporary, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows([["" if value is None else value for value in row] for row in rows])
    return _replace_atomically(path, write)


def write_xlsx(path, sheets):
    """``sheets``: [(title, headers, rows)] into one workbook (openpyxl, from Debian's python3-openpyxl)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as exc:
        raise ReportError(f"{path}: openpyxl is not installed (Debian: python3-openpyxl); the CSV was written") \
            from exc

    def write(temporary):
        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, headers, rows in sheets:
            sheet = workbook.create_sheet(title[:31])
            sheet.append(headers)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for row in rows:
                sheet.append(row)
            for index, header in enumerate(headers, start=1):
                width = max([len(str(header))] + [len(str(r[index - 1])) for r in rows if r[index - 1] is not None])
                sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(max(width + 2, 8), 48)
            sheet.freeze_panes = "B2"
        workbook.save(temporary)
    return _replace_atomically(path, write)


def write_county_summary(folder, reports, problems=None, ledger=None, stem="county_summary"):
    """Write ``<stem>.csv`` (+ ``<stem>_ledger.csv`` when a ledger is attached) and ``<stem>.xlsx``."""
    from ...i18n import tr
    headers, rows = project_rows(reports, problems)
    # read the ledger before writing anything: a ledger that fails leaves the old files as they were
    ledger_table = ledger_rows(ledger) if ledger else None
    written = [write_csv(os.path.join(folder, f"{stem}.csv"), headers, rows)]
    sheets = [(tr("Projects"), headers, rows)]
    if ledger_table is not None:
        ledger_headers, balances = ledger_table
        written.append(write_csv(os.path.join(folder, f"{stem}_ledger.csv"), ledger_headers, balances))
        sheets.append((tr("Reserve balances"), ledger_headers, balances))
    written.append(write_xlsx(os.path.join(folder, f"{stem}.xlsx"), sheets))
    return written
