# SPDX-License-Identifier: GPL-2.0-or-later
"""The province-year view (以补定占): a province's net stable farmland increase in year N against the
occupation written off or planned for year N+1 (policy-2024.md §2.7, §2.8).

The cap rule is unconfirmed, so it is named by the profile (``balance_scope.cap_rule``); the one
rule known here, ``net_increase_year_n_caps_occupation_year_n_plus_1``, is

    net_increase(N)  = Σ counties [ stable deposits(N) + 进出平衡 in(N) − 进出平衡 out(N) ]
    occupation(N+1)  = Σ counties [ write-offs(N+1) + commitments due in N+1 + other planned occupation ]
    margin           = net_increase(N) − occupation(N+1), balanced when ≥ 0 (area, 亩; capacity and
                       paddy are reported beside it)

- A deposit counts in the year of its journal date, whole (a Jiangsu split's province part too: the
  province reserve is the province's own); a reversed deposit or write-off does not count; transfers
  move indicators inside the province and change nothing here.
- "Stable": a deposit whose project still waits for its change-survey confirmation (a national_2024
  project, core.change_survey) is listed as pending and not counted; the caller names those projects.
- 进出平衡 (in / out per county and year) has no ledger account yet: the computation takes it as
  plain data (``InOutYear``), empty until the ledger stores it.

``province_year_balance`` is pure Python over plain data; ``ledger_inputs`` reads what it needs
through the ledger's public API (journal, open_commitments, county_table) and nothing else.
"""
from dataclasses import dataclass, field

from .ledger import Amounts
from .profile_reform import CAP_RULES

CAP_RULE = CAP_RULES[0]   # net_increase_year_n_caps_occupation_year_n_plus_1


@dataclass(frozen=True)
class Movement:
    """One journal fact the view needs: a deposit, a write-off or an open commitment (plain data)."""
    kind: str                 # 'deposit', 'writeoff' or 'commitment'
    county_code: str
    on: str                   # journal date (commitments: the due date), ISO
    amounts: Amounts
    project_code: str = ""
    entry_id: int = None


@dataclass(frozen=True)
class InOutYear:
    """The 进出平衡 account of one county and year (耕地 turned into other farmland and back), in 亩."""
    county_code: str
    year: int
    in_mu: float = 0.0
    out_mu: float = 0.0


@dataclass(frozen=True)
class PlannedOccupation:
    """Occupation planned for a year that the ledger does not hold yet (e.g. from an approval plan)."""
    county_code: str
    year: int
    amounts: Amounts
    note: str = ""


@dataclass
class CountyYear:
    county_code: str
    county_name: str = ""
    deposited: Amounts = field(default_factory=Amounts)       # stable deposits of year N
    pending: Amounts = field(default_factory=Amounts)         # deposits of N waiting for the change survey
    in_mu: float = 0.0
    out_mu: float = 0.0
    written_off_next: Amounts = field(default_factory=Amounts)
    committed_next: Amounts = field(default_factory=Amounts)
    planned_next: Amounts = field(default_factory=Amounts)
    pending_projects: list = field(default_factory=list)

    @property
    def net_increase_mu(self):
        return self.deposited.area_mu + self.in_mu - self.out_mu

    @property
    def occupation_next(self):
        return self.written_off_next.plus(self.committed_next).plus(self.planned_next)

    @property
    def margin_mu(self):
        return self.net_increase_mu - self.occupation_next.area_mu


@dataclass
class ProvinceYear:
    province_code: str
    year: int
    counties: list                       # CountyYear, by county code
    total: CountyYear
    cap_rule: str = CAP_RULE

    @property
    def balanced(self):
        return self.total.margin_mu >= -1e-9

    @property
    def allowed_occupation_mu(self):
        """What year N's net increase allows for N+1 under the cap rule."""
        return max(self.total.net_increase_mu, 0.0)


def province_of(county_code):
    """The 2-digit province of a 6-digit 行政区划代码."""
    return str(county_code)[:2]


def _year(iso):
    return int(str(iso)[:4])


def province_year_balance(province_code, year, movements, county_names=None, in_out=(), planned=(),
                          pending_projects=(), cap_rule=CAP_RULE):
    """The ProvinceYear of ``province_code`` (2 digits) for year N = ``year`` from plain data."""
    if cap_rule != CAP_RULE:
        raise ValueError(f"cap rule '{cap_rule}' is not known (known: {CAP_RULE})")
    province_code, year = str(province_code), int(year)
    if len(province_code) != 2 or not province_code.isdigit():
        raise ValueError(f"province code '{province_code}' is not 2 digits")
    names = dict(county_names or {})
    pending_projects = set(pending_projects)
    rows = {}

    def row(code):
        if code not in rows:
            rows[code] = CountyYear(code, names.get(code, ""))
        return rows[code]

    for movement in movements:
        if province_of(movement.county_code) != province_code:
            continue
        moved_year = _year(movement.on)
        target = row(movement.county_code)
        if movement.kind == "deposit" and moved_year == year:
            if movement.project_code in pending_projects:
                target.pending = target.pending.plus(movement.amounts)
                target.pending_projects.append(movement.project_code)
            else:
                target.deposited = target.deposited.plus(movement.amounts)
        elif movement.kind == "writeoff" and moved_year == year + 1:
            target.written_off_next = target.written_off_next.plus(movement.amounts)
        elif movement.kind == "commitment" and moved_year == year + 1:
            target.committed_next = target.committed_next.plus(movement.amounts)
    for account in in_out:
        if province_of(account.county_code) == province_code and int(account.year) == year:
            target = row(account.county_code)
            target.in_mu += float(account.in_mu)
            target.out_mu += float(account.out_mu)
    for plan in planned:
        if province_of(plan.county_code) == province_code and int(plan.year) == year + 1:
            target = row(plan.county_code)
            target.planned_next = target.planned_next.plus(plan.amounts)
    counties = [rows[code] for code in sorted(rows)]
    total = CountyYear(province_code + "0000", names.get(province_code, ""))   # the whole province
    for county in counties:
        total.deposited = total.deposited.plus(county.deposited)
        total.pending = total.pending.plus(county.pending)
        total.in_mu += county.in_mu
        total.out_mu += county.out_mu
        total.written_off_next = total.written_off_next.plus(county.written_off_next)
        total.committed_next = total.committed_next.plus(county.committed_next)
        total.planned_next = total.planned_next.plus(county.planned_next)
        total.pending_projects += county.pending_projects
    return ProvinceYear(province_code, year, counties, total, cap_rule)


def ledger_inputs(ledger, province_code, year):
    """``(movements, county_names)`` for ``province_year_balance``, read through the ledger's public
    API only (its journal, its open commitments and its county table)."""
    since, until = f"{int(year)}-01-01", f"{int(year) + 1}-12-31"
    reversed_ids = {entry.reverses_entry_id for entry in ledger.journal(kind="reversal")}
    movements = []
    for kind in ("deposit", "writeoff"):
        for entry in ledger.journal(kind=kind, since=since, until=until):
            if entry.entry_id in reversed_ids or province_of(entry.county_code) != province_code:
                continue
            movements.append(Movement(kind, entry.county_code, entry.occurred_on, entry.amounts,
                                      entry.project_code or "", entry.entry_id))
    for entry in ledger.open_commitments(due_by=until):
        if province_of(entry.county_code) == province_code and entry.due_on and _year(entry.due_on) == int(year) + 1:
            movements.append(Movement("commitment", entry.county_code, entry.due_on, entry.amounts,
                                      entry.project_code or "", entry.entry_id))
    table = ledger.county_table
    names = {code: county.name_zh for code, county in table.counties.items()}
    if province_code in table.province_names:
        names[province_code] = table.province_names[province_code][0]
        names[province_code + "0000"] = table.name(province_code + "0000")   # the province reserve
    return movements, names
