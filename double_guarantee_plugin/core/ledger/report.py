# SPDX-License-Identifier: GPL-2.0-or-later
"""The ledger report: balances and journal as flat rows (for Processing, CSV export and the dock).

Pure Python.  Areas in 亩 and 公顷, capacity in kg and 万公斤 (domain.md §3), via core.units.  The
first row (record = 'verification') states whether the ledger verified when the report was made:
the newest entry (or the first that does not match), when, and what was checked.
"""
import csv

from ..units import kg_to_wan_kg, mu_to_ha
from .messages import tr

REPORT_FIELDS = [  # name, type
    ("record", "str"), ("county_code", "str"), ("county_name", "str"), ("entry_id", "int"), ("kind", "str"),
    ("occurred_on", "str"), ("due_on", "str"), ("project_code", "str"), ("project_name", "str"),
    ("counterparty_code", "str"), ("area_mu", "float"), ("area_ha", "float"), ("capacity_kg", "float"),
    ("capacity_wan_kg", "float"), ("paddy_mu", "float"), ("paddy_ha", "float"), ("price_yuan_per_mu", "float"),
    ("total_yuan", "float"), ("pricing", "str"), ("reverses_entry_id", "int"), ("commitment_entry_id", "int"),
    ("note", "str"), ("created_by", "str"), ("created_at", "str"),
    # the part of a deposit that went to the province reserve (counterparty_code), Jiangsu 2014
    ("province_area_mu", "float"), ("province_capacity_kg", "float"), ("province_paddy_mu", "float"),
]


def _amount_columns(amounts):
    return {"area_mu": amounts.area_mu, "area_ha": float(mu_to_ha(amounts.area_mu)),
            "capacity_kg": amounts.capacity_kg, "capacity_wan_kg": float(kg_to_wan_kg(amounts.capacity_kg)),
            "paddy_mu": amounts.paddy_mu, "paddy_ha": float(mu_to_ha(amounts.paddy_mu))}


def balance_row(county_code, amounts, county_table):
    return dict({"record": "balance", "county_code": county_code, "county_name": county_table.name(county_code)},
                **_amount_columns(amounts))


def journal_row(entry, county_table):
    row = {name: getattr(entry, name, None) for name, _kind in REPORT_FIELDS if hasattr(entry, name)}
    row.update(record="journal", county_name=county_table.name(entry.county_code), **_amount_columns(entry.amounts))
    province = entry.province_amounts
    row.update(province_area_mu=province.area_mu, province_capacity_kg=province.capacity_kg,
               province_paddy_mu=province.paddy_mu)
    return row


def verification_row(report):
    """What the verification found, as the report's first row."""
    if report["ok"]:
        head_id, head_hash = report["head"]
        checked = tr("movements and balances re-derived from the journal")
        if report["chain"] == "verified":
            checked += tr("; hash chain whole up to entry {} (SHA-256 {})", head_id, (head_hash or "")[:16])
        note = tr("verified: {} entries, {} counties; {}", report["entries"], report["counties"], checked)
        entry_id = head_id
    else:
        note = tr("not verified: {}", report["first_problem"])
        entry_id = report["first_bad_entry"]
    return {"record": "verification", "entry_id": entry_id, "note": note, "created_at": report["verified_at"]}


def report_rows(ledger, county_code=None, search=None, kind=None):
    """(rows, verify report): the verification row, balance rows (one per county), then the journal in order."""
    verified = ledger.verify()
    balances = ledger.balances()
    if county_code:
        balances = {county_code: balances.get(county_code)} if county_code in balances else {}
    rows = [verification_row(verified)]
    rows += [balance_row(code, amounts, ledger.county_table) for code, amounts in sorted(balances.items())]
    rows += [journal_row(entry, ledger.county_table)
             for entry in ledger.journal(county_code=county_code, kind=kind, search=search)]
    return rows, verified


def write_csv(path, rows):
    """UTF-8 with BOM so that Excel opens the Chinese names correctly."""
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow([name for name, _kind in REPORT_FIELDS])
        for row in rows:
            writer.writerow(["" if row.get(name) is None else row.get(name) for name, _kind in REPORT_FIELDS])
    return path
