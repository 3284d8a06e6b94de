# SPDX-License-Identifier: GPL-2.0-or-later
"""The rule-profile keys of the 2024 reform (policy-2024.md §5), checked when a profile is loaded.

``tables.load_rule_profile`` calls ``parse(doc, path)`` and keeps the result as ``profile.reform``.
Every key is optional for a profile written before the reform (national_2017 and jiangsu_2014 name
only a workflow and, for national_2017, the dates it applies to); where a key is present it is checked
and a broken value is a TableError naming the file and the key.  Values the policy marks unconfirmed
(the share threshold, the aftercare period, the fee multiplier, the occupation kinds, …) live only
here, as data, and the profile lists them under ``unconfirmed`` so the interface can say so.
Pure Python.
"""
import datetime
from dataclasses import dataclass

from .tables import TableError, _require

OCCUPATION_BALANCE, IN_OUT_BALANCE = "occupation_balance", "in_out_balance"   # 占补平衡 / 进出平衡
ACCOUNTS = (OCCUPATION_BALANCE, IN_OUT_BALANCE)
# the acceptance departments the project table has a column for (acceptor_<code>)
DEPARTMENTS = ("natural_resources", "agriculture_rural")
YEAR_RULES = ("at_least_acceptance_year", "after_acceptance_year")
CAP_RULES = ("net_increase_year_n_caps_occupation_year_n_plus_1",)
CARRYOVER = ("drawable", "not_drawable")


@dataclass(frozen=True)
class DateRange:
    """The implementation dates a profile is chosen for: ``start <= date < end`` (either may be open)."""
    start: datetime.date = None
    end: datetime.date = None

    def contains(self, date):
        return (self.start is None or date >= self.start) and (self.end is None or date < self.end)

    @property
    def open_ended(self):
        return self.end is None


@dataclass(frozen=True)
class NamedCode:
    code: str
    name_zh: str
    name_en: str
    account: str = ""


@dataclass(frozen=True)
class ChangeSurveyRule:
    """When a deposited credit is confirmed by a later annual change survey (变更调查)."""
    share_min: float
    year_rule: str
    year_field: str
    class_field: str
    cultivated_classes: tuple

    def year_counts(self, survey_year, acceptance_year):
        if self.year_rule == "after_acceptance_year":
            return survey_year > acceptance_year
        return survey_year >= acceptance_year


@dataclass(frozen=True)
class ReformKeys:
    workflow_id: str
    applies: DateRange = None
    legacy_profile: str = None
    acceptance_departments: tuple = ()
    occupation_kinds: tuple = ()
    pbf_fee_multiplier: float = None
    aftercare_years: int = None
    change_survey: ChangeSurveyRule = None
    balance_scope: dict = None
    legacy_credit_carryover: str = None
    unconfirmed: tuple = ()
    citations: tuple = ()

    def occupation_kind(self, code):
        return next((kind for kind in self.occupation_kinds if kind.code == code), None)

    def is_unconfirmed(self, key):
        return key in self.unconfirmed


def _date(value, path, where):
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise TableError(f"{path}: {where} '{value}' is not an ISO date (YYYY-MM-DD) or null") from None


def _named_codes(doc, path, key, allowed_codes=None, with_account=False):
    rows = _require(doc, path, key, list)
    result = []
    for index, row in enumerate(rows):
        where = f"{key}[{index}]: "
        if not isinstance(row, dict):
            raise TableError(f"{path}: {where}should be an object with code, name_zh and name_en")
        code = _require(row, path, "code", str, where)
        if allowed_codes is not None and code not in allowed_codes:
            raise TableError(f"{path}: {where}code '{code}' should be one of {', '.join(allowed_codes)}")
        if any(item.code == code for item in result):
            raise TableError(f"{path}: {where}code '{code}' appears twice")
        account = ""
        if with_account:
            account = _require(row, path, "account", str, where)
            if account not in ACCOUNTS:
                raise TableError(f"{path}: {where}account '{account}' should be one of {', '.join(ACCOUNTS)}")
        result.append(NamedCode(code, _require(row, path, "name_zh", str, where),
                                _require(row, path, "name_en", str, where), account))
    if not result:
        raise TableError(f"{path}: '{key}' is empty")
    return tuple(result)


def _number(doc, path, key, minimum, integer=False):
    value = doc[key]
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or value < minimum:
        kind = "a whole number" if integer else "a number"
        raise TableError(f"{path}: '{key}' should be {kind} ≥ {minimum:g}, found {value!r}")
    return value


def _change_survey(doc, path):
    from .tables import land_classes
    rule = _require(doc, path, "change_survey", dict)
    where = "change_survey: "
    share = _require(rule, path, "share_min", (int, float), where)
    if isinstance(share, bool) or not 0 < share <= 1:
        raise TableError(f"{path}: {where}share_min should be a share in (0, 1], found {share!r}")
    year_rule = _require(rule, path, "year_rule", str, where)
    if year_rule not in YEAR_RULES:
        raise TableError(f"{path}: {where}year_rule '{year_rule}' should be one of {', '.join(YEAR_RULES)}")
    classes = _require(rule, path, "cultivated_classes", list, where)
    known = land_classes()
    unknown = [code for code in classes if code not in known]
    if unknown or not classes:
        raise TableError(f"{path}: {where}cultivated_classes {unknown or '[]'} are not land-class codes")
    return ChangeSurveyRule(float(share), year_rule, _require(rule, path, "year_field", str, where),
                            _require(rule, path, "class_field", str, where), tuple(classes))


def _balance_scope(doc, path):
    scope = _require(doc, path, "balance_scope", dict)
    where = "balance_scope: "
    if _require(scope, path, "kind", str, where) != "province_year":
        raise TableError(f"{path}: {where}kind should be 'province_year'")
    if _require(scope, path, "cap_rule", str, where) not in CAP_RULES:
        raise TableError(f"{path}: {where}cap_rule should be one of {', '.join(CAP_RULES)}")
    _require(scope, path, "stable_requires_change_survey", bool, where)
    return dict(scope)


def _has_key(doc, dotted):
    node = doc
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def parse(doc, path):
    """The reform keys of a rule-profile document (checked); ``ReformKeys`` with defaults for older profiles."""
    from .workflow.definition import DEFAULT_WORKFLOW_ID, load_workflow
    from .tables import rule_profile_ids
    workflow_id = doc.get("workflow", DEFAULT_WORKFLOW_ID)
    if not isinstance(workflow_id, str):
        raise TableError(f"{path}: 'workflow' should be the id of a file in resources/data/workflows/")
    try:
        workflow = load_workflow(workflow_id)
    except TableError as exc:
        raise TableError(f"{path}: workflow '{workflow_id}': {exc}") from exc
    keys = {"workflow_id": workflow_id}
    if "applies" in doc:
        applies = _require(doc, path, "applies", dict)
        start = _date(applies.get("from"), path, "applies.from")
        end = _date(applies.get("until"), path, "applies.until")
        if start is not None and end is not None and start >= end:
            raise TableError(f"{path}: applies.from {start} is not before applies.until {end}")
        if start is None and end is None:
            raise TableError(f"{path}: 'applies' needs a 'from' or an 'until' date")
        keys["applies"] = DateRange(start, end)
    if "legacy_profile" in doc:
        legacy = _require(doc, path, "legacy_profile", str)
        if legacy not in rule_profile_ids():
            raise TableError(f"{path}: legacy_profile '{legacy}' is not a rule profile "
                             f"(known: {', '.join(rule_profile_ids())})")
        keys["legacy_profile"] = legacy
    if "acceptance_departments" in doc:
        keys["acceptance_departments"] = _named_codes(doc, path, "acceptance_departments", DEPARTMENTS)
    if any("acceptors" in state.requires for state in workflow.states) and not keys.get("acceptance_departments"):
        raise TableError(f"{path}: workflow '{workflow_id}' asks for the acceptors: the profile needs "
                         f"'acceptance_departments'")
    if "occupation_kinds" in doc:
        keys["occupation_kinds"] = _named_codes(doc, path, "occupation_kinds", with_account=True)
    if "pbf_fee_multiplier" in doc:
        keys["pbf_fee_multiplier"] = float(_number(doc, path, "pbf_fee_multiplier", 1))
    if "aftercare_years" in doc:
        keys["aftercare_years"] = int(_number(doc, path, "aftercare_years", 0, integer=True))
    if "change_survey" in doc:
        keys["change_survey"] = _change_survey(doc, path)
    if "balance_scope" in doc:
        keys["balance_scope"] = _balance_scope(doc, path)
    if "legacy_credit_carryover" in doc:
        value = _require(doc, path, "legacy_credit_carryover", str)
        if value not in CARRYOVER:
            raise TableError(f"{path}: legacy_credit_carryover '{value}' should be one of {', '.join(CARRYOVER)}")
        keys["legacy_credit_carryover"] = value
    if "unconfirmed" in doc:
        listed = _require(doc, path, "unconfirmed", list)
        missing = [key for key in listed if not isinstance(key, str) or not _has_key(doc, key)]
        if missing:
            raise TableError(f"{path}: 'unconfirmed' names keys the profile does not have: {missing}")
        keys["unconfirmed"] = tuple(listed)
    if "citations" in doc:
        citations = _require(doc, path, "citations", list)
        for index, row in enumerate(citations):
            _require(row, path, "document", str, f"citations[{index}]: ")
        keys["citations"] = tuple(dict(row) for row in citations)
    return ReformKeys(**keys)
