# SPDX-License-Identifier: GPL-2.0-or-later
"""Demo step 30: fill the demo reserve ledger from the accepted projects, write off two construction
projects (the second needs a transfer from a neighbouring county), record and process a commitment,
and export the ledger report to ``demo_output/``.

The ledger is ``demo_output/demo_projects_ledger.gpkg`` (the name ``ledger_path_for`` gives beside
the project database), rebuilt on every run so that the demo shows the same journal each time.
"""
import datetime
from pathlib import Path

from qgis import processing
from double_guarantee_plugin.core import tables
from double_guarantee_plugin.core.ledger import (Amounts, LedgerError, ShortfallError, cultivation_fee,
                                                 ledger_path_for, occupied_amounts, open_ledger)
from double_guarantee_plugin.core.units import kg_to_wan_kg, mu_to_ha

DEMO_COUNTY = "320999"
# accepted projects of two neighbouring (fictional) counties, so that the province has sellers
NEIGHBOUR_PROJECTS = [
    ({"project_code": "YX2023-01", "project_name": "云溪县岗地整治项目", "county_code": "320981",
      "project_type": "land_consolidation", "funding_source": "cultivation_fee", "implemented_on": "2023-04-01",
      "status": "accepted"}, (400.0, 360000.0, 120.0)),
    ({"project_code": "QW2022-02", "project_name": "青湾县复垦项目", "county_code": "320983",
      "project_type": "mining_reclamation", "funding_source": "county", "implemented_on": "2022-08-01",
      "status": "accepted"}, (250.0, 200000.0, 60.0)),
]


PROVINCE_INVESTED = {"project_code": "LT2024-01", "project_name": "柳塘县省级投资土地综合整治项目",
                     "county_code": "320984", "project_type": "land_consolidation", "funding_source": "province",
                     "implemented_on": "2024-03-01", "status": "accepted"}


def _project_credits(ctx, profile):
    """Step 10's figures; computed here from the demo plots when that step has not run."""
    if ctx.results.get("project_credits") and ctx.results.get("projects"):
        return ctx.results["projects"], ctx.results["project_credits"]
    from qgis.core import QgsVectorLayer

    from double_guarantee_plugin.core import project_db
    from double_guarantee_plugin.core.layer_credits import compute_layer_credits
    database = str(ctx.data_dir / "demo_projects.gpkg")
    layer = QgsVectorLayer(project_db.layer_uri(database, project_db.PROJECTS_TABLE), "projects", "ogr")
    projects = {}
    for feature in layer.getFeatures():
        row = {name: feature[name] for name in feature.fields().names() if name != "fid"}
        if hasattr(row.get("implemented_on"), "toPyDate"):
            row["implemented_on"] = row["implemented_on"].toPyDate().isoformat()
        projects[row["project_code"]] = row
    plots = QgsVectorLayer(project_db.layer_uri(database, project_db.PLOTS_LAYER), "plots", "ogr")
    _plots, credits = compute_layer_credits(plots, profile)
    return projects, {credit.project_code: credit for credit in credits}


def _fmt(amounts):
    return (f"{amounts.area_mu:.2f} 亩 ({mu_to_ha(amounts.area_mu):.2f} 公顷), "
            f"{kg_to_wan_kg(amounts.capacity_kg):.2f} 万公斤, 水田 {amounts.paddy_mu:.2f} 亩")


def run(ctx):
    profile = tables.load_rule_profile("national_2017")
    ledger_path = ctx.output_dir / Path(ledger_path_for(ctx.data_dir / "demo_projects.gpkg")).name
    for stale in (ledger_path, ledger_path.with_name(ledger_path.name + "-wal"),
                  ledger_path.with_name(ledger_path.name + "-shm")):
        if stale.exists():
            stale.unlink()
    projects, credits = _project_credits(ctx, profile)
    ledger = open_ledger(str(ledger_path))
    deposited, refused = [], []
    for code, attributes in sorted(projects.items()):
        if attributes.get("status") != "accepted":
            continue
        try:
            result = ledger.deposit_project(attributes, credits.get(code), profile)
            deposited.append(code)
            ctx.log(f"deposit {code}: {_fmt(result.entry.amounts)}")
        except LedgerError as exc:
            refused.append(code)
            ctx.log(f"deposit {code} refused: {exc}")
    from double_guarantee_plugin.core.credits import ProjectCredit
    for attributes, (area, capacity, paddy) in NEIGHBOUR_PROJECTS:
        ledger.deposit_project(attributes, ProjectCredit(attributes["project_code"], credit_area_mu=area,
                                                         credit_capacity_kg=capacity, credit_paddy_mu=paddy),
                               profile)
    # a province-invested project under the Jiangsu 2014 profile (domain.md §7): new farmland is 7 % of
    # its 1,500 亩 scale, so its credits go province:county 8:2, the province's to its reserve 320000
    split = ledger.deposit_project(PROVINCE_INVESTED, ProjectCredit(
        PROVINCE_INVESTED["project_code"], area_mu=1500.0, new_farmland_mu=105.0, credit_area_mu=105.0,
        credit_capacity_kg=84000.0, credit_paddy_mu=30.0), tables.load_rule_profile("jiangsu_2014"))
    ctx.log(f"deposit {PROVINCE_INVESTED['project_code']} (jiangsu_2014, province-invested, new farmland 7 % of "
            f"the scale → 8:2): county {PROVINCE_INVESTED['county_code']} {_fmt(split.entry.county_amounts)}; "
            f"province reserve {split.entry.counterparty_code} {_fmt(split.entry.province_amounts)}")
    start = ledger.balance(DEMO_COUNTY).amounts
    ctx.log(f"demo county {DEMO_COUNTY} reserve after deposits: {_fmt(start)}")

    # construction project A fits inside the county's own reserve (dry land, grade 8) and leaves 80 亩
    area_a = round(max(start.area_mu - 80.0, 1.0), 2)
    occupied_a = occupied_amounts(area_a, "0103", 8, profile)
    fee_a = cultivation_fee(area_a, "0103", 8, profile)[1]
    result_a = ledger.write_off(DEMO_COUNTY, "JS2025-01", "产业园区一期", occupied_a, "2025-06-01",
                                idempotency_key="demo:JS2025-01")
    ctx.log(f"write-off JS2025-01: {_fmt(occupied_a)}; cultivation fee {fee_a:,.0f} 元; "
            f"reserve after: {_fmt(result_a.balances_after[DEMO_COUNTY])}")

    # construction project B occupies more than is left (paddy, grade 6): refused, then a transfer
    left = ledger.balance(DEMO_COUNTY).amounts
    area_b = round(left.area_mu + 40.0, 2)
    occupied_b = occupied_amounts(area_b, "0101", 6, profile)
    fee_b = cultivation_fee(area_b, "0101", 6, profile)[1]
    try:
        ledger.write_off(DEMO_COUNTY, "JS2025-02", "城际铁路站场", occupied_b, "2025-07-01",
                         idempotency_key="demo:JS2025-02")
        raise RuntimeError("the demo expected JS2025-02 to need a transfer")
    except ShortfallError as shortfall:
        ctx.log(f"write-off JS2025-02 refused: shortfall {_fmt(shortfall.shortfall)}; sellers: "
                + ", ".join(f"{s.county_code} {s.name_zh} {s.price_yuan_per_mu:,.0f} 元/亩"
                            f"{' (贫困县)' if s.poor else ''}" for s in shortfall.sellers))
        seller = shortfall.sellers[0]
        cap = ledger.county_table.capped_prices[DEMO_COUNTY[:2]]
        pricing = "capped" if seller.price_yuan_per_mu <= cap else "bid"
        transfer = ledger.transfer(seller.county_code, DEMO_COUNTY, shortfall.shortfall, seller.price_yuan_per_mu,
                                   pricing, "2025-06-20", idempotency_key="demo:transfer:JS2025-02",
                                   note="调剂 for JS2025-02 (key project, capped price)")
        ctx.log(f"transfer {seller.county_code} → {DEMO_COUNTY}: {_fmt(transfer.entry.amounts)}, "
                f"{transfer.entry.total_yuan:,.0f} 元 ({pricing})")
    result_b = ledger.write_off(DEMO_COUNTY, "JS2025-02", "城际铁路站场", occupied_b, "2025-07-01",
                                idempotency_key="demo:JS2025-02")
    ctx.log(f"write-off JS2025-02: {_fmt(occupied_b)}; cultivation fee {fee_b:,.0f} 元; "
            f"reserve after: {_fmt(result_b.balances_after[DEMO_COUNTY])}")

    # a commitment in the seller county, due and processed at its due date
    commitment = ledger.commit("320983", "QW-JS-01", "青湾县乡道改线", Amounts(10, 8000, 0), "2025-09-30",
                               "2025-03-01", idempotency_key="demo:commit:QW-JS-01")
    processed = ledger.process_due_commitments(datetime.date(2025, 10, 1))
    ctx.log(f"commitment {commitment.entry.entry_id} due 2025-09-30 processed: "
            f"{[(c.project_code, getattr(r, 'applied', str(r))) for c, r in processed]}")

    report = ledger.verify()
    ctx.log(f"ledger verified: {report['ok']} ({report['entries']} journal entries)")
    ledger.close()
    output = ctx.output_dir / "ledger_report.csv"
    outcome = processing.run("doubleguarantee:ledgerreport", {"LEDGER": str(ledger_path), "OUTPUT": str(output)})
    ctx.log(f"ledger report: {outcome['BALANCE_COUNT']} balances, {outcome['ENTRY_COUNT']} entries → {output.name}")
    ctx.results["ledger_path"] = ledger_path
    ctx.results["ledger_deposited"] = deposited
    ctx.results["ledger_refused"] = refused
