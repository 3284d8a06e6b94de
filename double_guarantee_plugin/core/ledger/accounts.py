# SPDX-License-Identifier: GPL-2.0-or-later
"""The rules of the 2024 reform around the three-indicator reserve (ledger schema 4, issue 16).

Pure Python, shared by both backends (base.py calls it inside each write) and by ``verify()``:

- **The rule profile of an operation**: the one given, else the profile whose ``applies`` dates hold
  the operation's date (national_2017 before 2025-01-01, national_2024 from then on).  A write-off
  or commitment under a legacy profile dated on or after the ``legacy_until`` of the profile that
  replaced it is refused, naming the date (自然资发〔2024〕204号, policy-2024.md §2.8).
- **Write-off links**: the references a profile requires on each write-off (``writeoff_links``:
  电子监管号 DZJGH, 案卷编号 AJBH).
- **Change-survey confirmation**: a deposit under a profile with a ``change_survey`` rule waits for
  a ``confirmation`` entry; until then its credits are in the balance but may not be drawn (the
  *pending* part of an account, ``pending_part``).
- **Legacy credits** (``legacy_credit_carryover``): ``drawable`` (shipped) lets write-offs under the
  new profile draw credits deposited under the legacy one; ``not_drawable`` limits them to the
  credits moved by entries of non-legacy profiles (``reform_stock``).
- **进出平衡** (自然资发〔2021〕166号): per county and year, 出 (``inout_out``: 耕地 turned into
  林/园/草/坑塘/设施农用地, exemptions recorded but not counted) and 进 (``inout_in``: accepted
  plots turned back into 耕地); ``balance = in − out``, met when ≥ 0.
- **One account per plot**: a plot credits 占补平衡 (a deposit) or 进出平衡 (an inout_in), never
  both; ``plot_codes`` None stands for every plot of the project (deposits written before schema 4).
"""
import datetime
import functools
from dataclasses import dataclass, field

from .. import tables
from .messages import tr
from .model import (CONFIRMATION, DEPOSIT, INOUT_IN, INOUT_OUT, REVERSAL, TRANSFER, WRITEOFF, Amounts,
                    LedgerInputError, RuleRefused, plot_codes_from_text)

E4 = ("area_mu_e4", "capacity_kg_e4", "paddy_mu_e4")
PROVINCE_E4 = ("province_area_mu_e4", "province_capacity_kg_e4", "province_paddy_mu_e4")


# ----- the rule profile of an operation ---------------------------------------------------------------
def operation_profile(profile, on, fallback=None):
    """The RuleProfile an operation dated ``on`` is made under: ``profile`` (a RuleProfile or an id) when
    given, else the one whose ``applies`` dates hold ``on``, else ``fallback`` (the ledger's)."""
    if profile is not None:
        return tables.load_rule_profile(profile) if isinstance(profile, str) else profile
    date = datetime.date.fromisoformat(str(on)[:10])
    matching = [profile_id for profile_id in tables.rule_profile_ids()
                if _applies_on(tables.load_rule_profile(profile_id), date)]
    if len(matching) == 1:
        return tables.load_rule_profile(matching[0])
    return fallback or tables.load_rule_profile()


def _applies_on(profile, date):
    applies = profile.reform.applies
    return applies is not None and applies.contains(date)


@functools.lru_cache(maxsize=None)
def _successors():
    """legacy profile id → (the profile replacing it, the date from which it may no longer be applied)."""
    found = {}
    for profile_id in tables.rule_profile_ids():
        reform = tables.load_rule_profile(profile_id).reform
        if reform.legacy_profile and reform.legacy_until:
            found[reform.legacy_profile] = (profile_id, reform.legacy_until)
    return found


def legacy_profile_ids():
    """The profiles another profile names as its legacy (national_2017)."""
    return frozenset(_successors())


def check_legacy_date(profile, occurred_on, what):
    """Refuse ``what`` (a write-off, a commitment) under a legacy profile dated on or after the date the
    profile replacing it took over."""
    successor = _successors().get(profile.id)
    if successor is None:
        return
    replaced_by, until = successor
    if str(occurred_on)[:10] >= until.isoformat():
        raise RuleRefused(tr("{} dated {} under rule profile {} is refused: from {} (legacy_until) applications are "
                             "balanced under {}; use {} or a date before {}", what, occurred_on, profile.id,
                             until.isoformat(), replaced_by, replaced_by, until.isoformat()))


def checked_links(profile, values, what, clean):
    """``{'dzjgh': …, 'ajbh': …}`` cleaned with ``clean(value, field_name)``; a link the profile requires
    and that is missing is a LedgerInputError naming it."""
    result = {}
    for field_name in ("DZJGH", "AJBH"):
        column = field_name.lower()
        result[column] = clean(values.get(column), field_name) or None
    missing = [link for link in profile.reform.required_links() if not result[link.field.lower()]]
    if missing:
        raise LedgerInputError(tr("{}: rule profile {} requires {} on every write-off", what, profile.id,
                                  tr(" and ").join(f"{link.name_zh} ({link.field})" for link in missing)))
    return result


def checked_occupation_kind(profile, code, account, what):
    """An occupation kind of the profile entering ``account`` (占补平衡 for write-offs, 进出平衡 for 出);
    None when the profile lists none and none is given."""
    kinds = profile.reform.occupation_kinds
    if code in (None, ""):
        default = next((kind.code for kind in kinds if kind.account == account), None)
        return default
    kind = profile.reform.occupation_kind(str(code))
    if kind is None:
        raise LedgerInputError(tr("{}: occupation kind '{}' is not one of rule profile {} ({})", what, code, profile.id,
                                  ", ".join(k.code for k in kinds) or tr("none")))
    if kind.account != account:
        raise RuleRefused(tr("{}: occupation kind '{}' ({}) enters the {} account, not this one", what, code,
                             kind.name_zh, account_label(kind.account)))
    return kind.code


def account_label(account):
    return {"occupation_balance": tr("占补平衡"), "in_out_balance": tr("进出平衡")}.get(account, account)


def in_out_rule(profile, what):
    """The profile's 进出平衡 rule; RuleRefused when the profile keeps no such account."""
    rule = profile.reform.in_out_balance
    if rule is None:
        raise RuleRefused(tr("{}: rule profile {} keeps no 进出平衡 account (in_out_balance)", what, profile.id))
    return rule


# ----- plots and their account ------------------------------------------------------------------------
def claims_overlap(codes_a, codes_b):
    """The plot codes two claims share; None stands for every plot of the project."""
    if codes_a is None or codes_b is None:
        return set(codes_a or ()) | set(codes_b or ()) or {tr("all plots")}
    return set(codes_a) & set(codes_b)


def checked_plot_codes(codes, what, clean):
    """Plot codes as a sorted tuple of clean, distinct texts; None stays None (the whole project)."""
    if codes is None:
        return None
    if isinstance(codes, str):
        codes = [codes]
    cleaned = []
    for code in codes:
        text = clean(code, tr("plot code"))
        if not text:
            raise LedgerInputError(tr("{}: an empty plot code", what))
        cleaned.append(text)
    if not cleaned:
        raise LedgerInputError(tr("{}: no plot codes given (leave them out for the whole project)", what))
    return tuple(sorted(set(cleaned)))


# ----- credits waiting for their confirmation ----------------------------------------------------------
def pending_part(entry, account):
    """The part of a waiting deposit (a JournalEntry) held by ``account``: its county's or the province
    reserve's."""
    if entry.county_code == account:
        return entry.county_amounts
    if entry.counterparty_code == account:
        return entry.province_amounts
    return Amounts()


def pending_total(entries, account):
    total = Amounts()
    for entry in entries:
        total = total.plus(pending_part(entry, account))
    return total


def usable_amounts(balance, pending):
    """What may be drawn: the balance less the credits waiting (never below zero per indicator)."""
    return Amounts.from_e4(*(max(0, have - wait) for have, wait in zip(balance.e4(), pending.e4())))


# ----- the 进出平衡 account ---------------------------------------------------------------------------
@dataclass
class InOutYear:
    """One county's 进出平衡 in one year: what came in (进), went out (出), out but exempt."""
    county_code: str
    year: int
    came_in: Amounts = field(default_factory=Amounts)
    went_out: Amounts = field(default_factory=Amounts)
    exempt: Amounts = field(default_factory=Amounts)
    entries: list = field(default_factory=list)       # entry ids

    @property
    def in_mu(self):
        return self.came_in.area_mu

    @property
    def out_mu(self):
        return self.went_out.area_mu

    @property
    def balance_mu(self):
        return self.in_mu - self.out_mu

    @property
    def met(self):
        return self.balance_mu >= -1e-9


def in_out_years(entries, reversed_ids=()):
    """[InOutYear] by county and year from journal entries (JournalEntry), reversed ones left out."""
    reversed_ids = set(reversed_ids)
    years = {}
    for entry in entries:
        if entry.kind not in (INOUT_IN, INOUT_OUT) or entry.entry_id in reversed_ids:
            continue
        key = (entry.county_code, entry.year)
        row = years.setdefault(key, InOutYear(*key))
        if entry.kind == INOUT_IN:
            row.came_in = row.came_in.plus(entry.amounts)
        elif entry.exemption:
            row.exempt = row.exempt.plus(entry.amounts)
        else:
            row.went_out = row.went_out.plus(entry.amounts)
        row.entries.append(entry.entry_id)
    return [years[key] for key in sorted(years)]


# ----- re-checking the rules from the journal (verify) -------------------------------------------------
def _e4(row, columns):
    return tuple(row.get(column) or 0 for column in columns)


def rule_problems(journal, derived):
    """``[(entry_id, text)]``: entries of the journal (dicts, in entry order) that break a rule of schema 4,
    found by replaying it: a plot credited twice, a confirmation of something that was not a waiting
    deposit, a write-off or transfer (or a reversed confirmation) that left less than the credits still
    waiting.  ``derived``: entry id → the entry's derived movements (integrity.derived_movements).

    The database refuses all of these when its triggers are in place; this finds them in a GeoPackage
    whose triggers were dropped."""
    problems = []
    by_id = {row["entry_id"]: row for row in journal}
    reversed_ids, confirmed_by, claims, totals, waiting = set(), {}, {}, {}, {}

    def add_moves(entry_id):
        for code, values in derived.get(entry_id, []):
            totals[code] = tuple(t + v for t, v in zip(totals.get(code, (0, 0, 0)), values))

    def pending_of(account):
        total = (0, 0, 0)
        for deposit_id in waiting:
            row = by_id[deposit_id]
            if deposit_id in reversed_ids or confirmed_by.get(deposit_id):
                continue
            if row.get("county_code") == account:
                part = tuple(a - p for a, p in zip(_e4(row, E4), _e4(row, PROVINCE_E4)))
            elif row.get("counterparty_code") == account:
                part = _e4(row, PROVINCE_E4)
            else:
                continue
            total = tuple(t + v for t, v in zip(total, part))
        return total

    def covers(account):
        have, wait = totals.get(account, (0, 0, 0)), pending_of(account)
        return all(h >= w for h, w in zip(have, wait))

    for row in journal:
        entry_id, kind = row["entry_id"], row.get("kind")
        if kind in (DEPOSIT, INOUT_IN):
            project = row.get("project_code")
            codes = plot_codes_from_text(row["plot_codes"]) if row.get("plot_codes") else None
            for other_id, other_codes in claims.get(project, []):
                if other_id not in reversed_ids and claims_overlap(codes, other_codes):
                    problems.append((entry_id, tr("entry {}: plots of project {} credited already by entry {} "
                                                  "(占补平衡 or 进出平衡, never both)", entry_id, project, other_id)))
                    break
            claims.setdefault(project, []).append((entry_id, codes))
            if kind == DEPOSIT and row.get("requires_confirmation") == 1:
                waiting[entry_id] = True
        elif kind == CONFIRMATION:
            target = by_id.get(row.get("confirms_entry_id"))
            if (target is None or target.get("kind") != DEPOSIT or target.get("requires_confirmation") != 1
                    or target["entry_id"] in reversed_ids or confirmed_by.get(target["entry_id"])
                    or target.get("county_code") != row.get("county_code")):
                problems.append((entry_id, tr("entry {}: confirms entry {}, which is not a deposit of its county "
                                              "waiting for its confirmation", entry_id, row.get("confirms_entry_id"))))
            else:
                confirmed_by[target["entry_id"]] = entry_id
        elif kind == REVERSAL:
            original = row.get("reverses_entry_id")
            reversed_ids.add(original)
            target = by_id.get(original)
            if target is not None and target.get("kind") == CONFIRMATION:
                confirmed_by[target.get("confirms_entry_id")] = None
                account = by_id.get(target.get("confirms_entry_id"), {}).get("county_code")
                if account and not covers(account):
                    problems.append((entry_id, tr("entry {}: reverses the confirmation {} although its credits "
                                                  "have been drawn", entry_id, original)))
        add_moves(entry_id)
        if kind in (WRITEOFF, TRANSFER):
            account = row.get("counterparty_code") if kind == TRANSFER else row.get("county_code")
            if not covers(account):
                problems.append((entry_id, tr("entry {}: draws credits of {} that wait for their change-survey "
                                              "confirmation", entry_id, account)))
    return problems
