# SPDX-License-Identifier: GPL-2.0-or-later
"""Rules of the reserve ledger that need no database: counties, deposits from projects, sellers, fees.

Pure Python.  The county table (provinces, poor-county flag, asking prices, capped prices) is the
data file ``resources/data/ledger/counties.json``, checked at load time.
"""
import functools
import math
from dataclasses import dataclass

from .. import tables
from ..paths import data_path
from ..tables import TableError, _check_schema, _load_json, _require
from .messages import tr
from .model import (Amounts, LedgerInputError, RuleRefused, SellerOffer, county_code_checked, iso_date,
                    province_account, province_of)

ACCEPTED_STATUS = "accepted"


@dataclass(frozen=True)
class County:
    county_code: str
    name_zh: str
    name_en: str
    poor: bool
    price_yuan_per_mu: float

    @property
    def province_code(self):
        return province_of(self.county_code)


@dataclass(frozen=True)
class CountyTable:
    counties: dict            # county_code -> County
    capped_prices: dict       # province_code -> yuan per 亩
    province_names: dict      # province_code -> (zh, en)
    source_path: str = ""

    def get(self, county_code):
        return self.counties.get(str(county_code))

    def name(self, county_code):
        county = self.get(county_code)
        if county:
            return county.name_zh
        code = str(county_code)
        if code == province_account(code) and province_of(code) in self.province_names:
            return f"{self.province_names[province_of(code)][0]}（省级储备）"
        return code

    def of_province(self, province_code):
        return [c for c in self.counties.values() if c.province_code == province_code]

    def knows(self, county_code):
        """A county of the table, or the reserve account of one of its provinces (320000)."""
        code = str(county_code)
        return code in self.counties or (code == province_account(code) and province_of(code) in self.capped_prices)

    def checked(self, county_code, field_name="county_code"):
        """``county_code`` as a 6-digit code the table knows; LedgerInputError naming the table otherwise."""
        code = county_code_checked(county_code, field_name)
        if not self.knows(code):
            raise LedgerInputError(tr("{} {} is not in the county table {}: add the county there first", field_name,
                                      code, self.source_path or "counties.json"))
        return code


@functools.lru_cache(maxsize=None)
def load_county_table(path=None):
    """The county table (default: resources/data/ledger/counties.json)."""
    path = path or data_path("ledger", "counties.json")
    doc = _load_json(path)
    _check_schema(doc, path, "ledger_counties")
    capped, names = {}, {}
    for index, row in enumerate(_require(doc, path, "provinces", list)):
        where = f"provinces[{index}]: "
        code = _require(row, path, "province_code", str, where)
        if len(code) != 2 or not code.isdigit():
            raise TableError(f"{path}: {where}province_code '{code}' is not 2 digits")
        capped[code] = float(_require(row, path, "capped_price_yuan_per_mu", (int, float), where))
        names[code] = (_require(row, path, "name_zh", str, where), _require(row, path, "name_en", str, where))
    counties = {}
    for index, row in enumerate(_require(doc, path, "counties", list)):
        where = f"counties[{index}]: "
        code = _require(row, path, "county_code", str, where)
        if len(code) != 6 or not code.isdigit():
            raise TableError(f"{path}: {where}county_code '{code}' is not a 6-digit code")
        if code in counties:
            raise TableError(f"{path}: {where}county_code '{code}' appears twice")
        price = _require(row, path, "price_yuan_per_mu", (int, float), where)
        if price < 0:
            raise TableError(f"{path}: {where}price_yuan_per_mu should be ≥ 0")
        counties[code] = County(code, _require(row, path, "name_zh", str, where),
                                _require(row, path, "name_en", str, where),
                                _require(row, path, "poor", bool, where), float(price))
    return CountyTable(counties, capped, names, str(path))


@dataclass(frozen=True)
class DepositRequest:
    county_code: str
    project_code: str
    project_name: str
    amounts: Amounts
    occurred_on: str
    note: str = ""
    province_amounts: Amounts = Amounts()   # the province's part (Jiangsu 2014 province-invested projects)

    @property
    def province_account(self):
        return province_account(self.county_code)


def split_amounts(amounts, province_share):
    """``(county part, province part)`` of ``amounts`` for a province share in [0, 1]: the province's
    part rounded to 1/10⁴ of a unit, the county's the rest, so the two add up to the total exactly."""
    if not 0.0 <= province_share <= 1.0:
        raise LedgerInputError(tr("province share {} is not between 0 and 1", province_share))
    province = Amounts.from_e4(*(int(round(value * province_share)) for value in amounts.e4()))
    return amounts.minus(province), province


def _deposit_state(profile):
    """The status at which the profile's workflow deposits (accepted under 2017, deposited under 2024)."""
    reform = getattr(profile, "reform", None)
    if reform is None:
        return ACCEPTED_STATUS
    from ..workflow.definition import load_workflow
    return load_workflow(reform.workflow_id).deposit_state


def deposit_from_project(project_attributes, project_credit, profile=None):
    """Check an accepted project against domain.md §6 and return its DepositRequest.

    ``project_attributes``: project_code, county_code, project_type, funding_source, implemented_on,
    status (and optionally project_name, accepted_on).  ``project_credit``: a core.credits.ProjectCredit.
    Raises RuleRefused (not accepted, funding rule fails, nothing to deposit) or LedgerInputError.
    """
    profile = profile or tables.load_rule_profile()
    attrs = dict(project_attributes or {})
    code = str(attrs.get("project_code") or "").strip()
    if not code:
        raise LedgerInputError(tr("project_code is missing"))
    if project_credit is not None and getattr(project_credit, "project_code", code) not in (None, code):
        raise LedgerInputError(tr("project {}: the credits given are those of project {}", code,
                                  project_credit.project_code))
    county = county_code_checked(attrs.get("county_code"), tr("project {}: county_code", code))
    status = str(attrs.get("status") or "").strip()
    deposit_state = _deposit_state(profile)
    if status != deposit_state:
        if deposit_state == ACCEPTED_STATUS:
            raise RuleRefused(tr("project {}: status is '{}', only an accepted (验收) project can be deposited", code,
                                 status or tr("empty")))
        raise RuleRefused(tr("project {}: status is '{}'; under rule profile '{}' a project is deposited at its "
                             "'{}' step (入库)", code, status or tr("empty"), profile.id, deposit_state))
    passes, reason = profile.funding_rule_passes(attrs.get("project_type"), attrs.get("funding_source"),
                                                 attrs.get("implemented_on"))
    if not passes:
        raise RuleRefused(tr("project {}: cannot be used for the balance under rule profile '{}': {}", code,
                             profile.id, reason))
    if project_credit is None:
        raise LedgerInputError(tr("project {}: no credits computed", code))
    amounts = Amounts(float(project_credit.credit_area_mu or 0.0), float(project_credit.credit_capacity_kg or 0.0),
                      float(project_credit.credit_paddy_mu or 0.0))
    if amounts.any_negative():
        raise LedgerInputError(tr("project {}: negative credits {}", code, amounts.as_dict()))
    if amounts.is_zero():
        raise RuleRefused(tr("project {}: the project has no credits to deposit", code))
    occurred = attrs.get("accepted_on") or attrs.get("implemented_on")
    note = (f"{attrs.get('project_type') or ''} / {attrs.get('funding_source') or ''} / "
            f"implemented {attrs.get('implemented_on')}")
    # Jiangsu 2014: a province-invested project's credits are split by its new-farmland share of the scale
    province = Amounts()
    area_mu = float(getattr(project_credit, "area_mu", 0.0) or 0.0)
    if area_mu > 0:
        share = float(getattr(project_credit, "new_farmland_mu", 0.0) or 0.0) / area_mu
        province_share, _county_share = profile.credit_split(share, attrs.get("funding_source"))
        if province_share > 0:
            _county_part, province = split_amounts(amounts, province_share)
            note += (f" / {profile.id}: new farmland {100 * share:.1f}% of the scale, "
                     f"{100 * province_share:g}% to the province reserve {province_account(county)}")
    return DepositRequest(county, code, str(attrs.get("project_name") or ""), amounts,
                          iso_date(occurred, tr("project {}: implemented_on", code)), note, province)


def bundle_mu(amounts):
    """The 亩 a transfer price applies to: indicators are sold as a bundle priced per 亩 of the larger
    of the area and paddy amounts (capacity rides along with the land)."""
    return max(amounts.area_mu, amounts.paddy_mu)


def seller_offers(buyer_code, shortfall, balances, county_table=None):
    """Counties of the buyer's province (not the buyer) whose balances cover ``shortfall``,
    cheapest first; at the same price poor counties first (domain.md §6)."""
    county_table = county_table or load_county_table()
    province = province_of(buyer_code)
    offers = []
    for code, amounts in balances.items():
        if code == buyer_code or province_of(code) != province:
            continue
        county = county_table.get(code)
        if county is None or not amounts.covers(shortfall):
            continue
        offers.append(SellerOffer(code, county.name_zh, county.name_en, county.poor, county.price_yuan_per_mu,
                                  amounts, county.price_yuan_per_mu * bundle_mu(shortfall)))
    offers.sort(key=lambda o: (o.price_yuan_per_mu, not o.poor, o.county_code))
    return offers


def occupied_amounts(area_mu, class_code, grade, profile=None, grade_system=None):
    """What a construction project occupying ``area_mu`` of cultivated land of ``class_code`` and
    ``grade`` withdraws (domain.md §3): area, area × Y(grade), and the area if it is paddy."""
    profile = profile or tables.load_rule_profile()
    if not tables.is_cultivated(class_code):
        raise LedgerInputError(tr("class '{}' is not cultivated land: nothing to write off", class_code))
    system = grade_system or profile.default_grade_system
    yield_table = profile.yield_table(system)
    if yield_table is None:
        raise LedgerInputError(tr("rule profile '{}' has no yield table for '{}'", profile.id, system))
    yield_kg = yield_table.yield_for(grade)
    if yield_kg is None:
        raise LedgerInputError(tr("grade {} is not in the yield table '{}'", grade, yield_table.id))
    area = float(area_mu)
    return Amounts(area, area * yield_kg, area if str(class_code) == "0101" else 0.0)


def cultivation_fee(area_mu, class_code, grade, profile=None):
    """耕地开垦费 due for occupying ``area_mu`` of ``class_code`` at ``grade``: (yuan per 亩, total yuan).
    (None, None) when the profile's fee table has no row for that land."""
    profile = profile or tables.load_rule_profile()
    per_mu = profile.fee_table().fee_per_mu(str(class_code), int(grade))
    if per_mu is None:
        return None, None
    return per_mu, per_mu * float(area_mu)


def check_transfer_price(seller_code, price_yuan_per_mu, pricing, county_table=None):
    """A capped transfer may not exceed the province's capped price."""
    county_table = county_table or load_county_table()
    if pricing not in ("capped", "bid"):
        raise LedgerInputError(tr("pricing '{}' should be 'capped' or 'bid'", pricing))
    try:
        price = float(price_yuan_per_mu)
    except (TypeError, ValueError):
        price = math.nan
    if isinstance(price_yuan_per_mu, bool) or not math.isfinite(price) or price < 0:
        raise LedgerInputError(tr("price per mu '{}' should be a number ≥ 0", price_yuan_per_mu))
    cap = county_table.capped_prices.get(province_of(seller_code))
    if pricing == "capped" and cap is not None and price > cap:
        raise RuleRefused(tr("capped transfer at {:g} yuan/mu exceeds the province's cap of {:g} yuan/mu", price,
                             cap))
