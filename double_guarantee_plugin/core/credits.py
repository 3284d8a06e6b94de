# SPDX-License-Identifier: GPL-2.0-or-later
"""Plot classification and the credit formulas of domain.md §3, per plot and per project.

Pure Python: the caller supplies each plot's ellipsoidal area in m² (see ``core.area``) and,
once constraints have been checked, the area to exclude and any blocking reason.
A plot that cannot be credited gets ``plot_kind = not_creditable`` and a ``reason``; credits are
never guessed.
"""
from dataclasses import dataclass, field

from . import tables
from .units import m2_to_mu

NEW_FARMLAND = "new_farmland"
UPGRADING = "upgrading"
NOT_CREDITABLE = "not_creditable"
PLOT_KINDS = (NEW_FARMLAND, UPGRADING, NOT_CREDITABLE)

PADDY = "0101"
PADDY_SOURCES = ("0102", "0103")


@dataclass
class PlotInput:
    """What credits need to know of one plot.  Grades may be None, strings or numbers."""
    class_before: object
    class_after: object
    grade_before: object
    grade_after: object
    area_m2: float
    grade_system: object = None
    plot_code: object = None
    project_code: object = None
    excluded_m2: float = 0.0        # e.g. the part inside basic farmland (new farmland only)
    blocking_reason: str = ""       # a blocking constraint conflict: all credits zero
    geometry_problem: str = ""      # invalid or empty geometry: all credits zero


@dataclass
class PlotCredit:
    plot_code: object
    project_code: object
    area_m2: float
    area_mu: float
    plot_kind: str
    grade_system: str = ""
    grade_before: int = None
    grade_after: int = None
    credit_area_mu: float = 0.0
    credit_capacity_kg: float = 0.0
    credit_paddy_mu: float = 0.0
    reason: str = ""
    refused: bool = False            # True when the plot was refused for bad input
    grade_system_default: bool = False   # True when the plot stated no grade system: the profile's default

    @property
    def grade_system_used(self):
        """The grade system the plot was credited under ('' when refused before one was known)."""
        return self.grade_system

    @property
    def creditable(self):
        return self.plot_kind != NOT_CREDITABLE


def _clean_code(value):
    if value is None:
        return ""
    text = str(value).strip()
    return "" if text.upper() in ("", "NULL", "NONE") else text


def _parse_grade(value):
    """An integer grade, or None for empty; raises ValueError for text that is not a whole number."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        if value != int(value):
            raise ValueError(value)
        return int(value)
    text = str(value).strip()
    if text == "" or text.upper() == "NULL":
        return None
    number = float(text)
    if number != int(number):
        raise ValueError(value)
    return int(number)


def _refuse(plot, area_m2, reason, kind=NOT_CREDITABLE, system_id=""):
    return PlotCredit(plot.plot_code, plot.project_code, area_m2, m2_to_mu(area_m2) if area_m2 else 0.0,
                      kind, system_id, None, None, 0.0, 0.0, 0.0, reason, refused=True,
                      grade_system_default=bool(system_id) and not _clean_code(plot.grade_system))


def compute_plot_credit(plot, profile=None):
    """Classify one plot and compute its three credits under ``profile`` (a RuleProfile)."""
    profile = profile or tables.load_rule_profile()
    area_m2 = float(plot.area_m2 or 0.0)
    if plot.geometry_problem:
        return _refuse(plot, area_m2, plot.geometry_problem)
    if area_m2 <= 0:
        return _refuse(plot, 0.0, "plot has no area")

    classes = tables.land_classes()
    before, after = _clean_code(plot.class_before), _clean_code(plot.class_after)
    for label, code in (("class_before", before), ("class_after", after)):
        if not code:
            return _refuse(plot, area_m2, f"{label} is empty")
        if code not in classes:
            return _refuse(plot, area_m2, f"unknown land class code '{code}' in {label}")

    stated_system = _clean_code(plot.grade_system)
    system_id = stated_system or profile.default_grade_system
    systems = tables.grade_systems()
    if system_id not in systems:
        return _refuse(plot, area_m2, f"unknown grade system '{system_id}' (known: {', '.join(sorted(systems))})")
    system = systems[system_id]

    was_cultivated, is_cultivated = classes[before].is_cultivated, classes[after].is_cultivated
    if not is_cultivated:
        return _refuse(plot, area_m2, f"class after {after} ({classes[after].name_zh}) is not cultivated land")
    kind = UPGRADING if was_cultivated else NEW_FARMLAND

    try:
        grade_after = _parse_grade(plot.grade_after)
        grade_before = _parse_grade(plot.grade_before)
    except ValueError as exc:
        return _refuse(plot, area_m2, f"grade '{exc.args[0]}' is not a whole number", system_id=system_id)
    if grade_after is None:
        return _refuse(plot, area_m2, "grade_after is empty", system_id=system_id)
    if not system.is_valid(grade_after):
        return _refuse(plot, area_m2, f"grade_after {grade_after} is outside {system_id} "
                                      f"({system.best}–{system.worst})", system_id=system_id)
    if kind == UPGRADING:
        if grade_before is None:
            return _refuse(plot, area_m2, "grade_before is empty for a plot that was cultivated land",
                           system_id=system_id)
        if not system.is_valid(grade_before):
            return _refuse(plot, area_m2, f"grade_before {grade_before} is outside {system_id} "
                                          f"({system.best}–{system.worst})", system_id=system_id)
    elif grade_before is not None and not system.is_valid(grade_before):
        return _refuse(plot, area_m2, f"grade_before {grade_before} is outside {system_id} "
                                      f"({system.best}–{system.worst})", system_id=system_id)

    yield_table = profile.yield_table(system_id)
    if yield_table is None:
        return _refuse(plot, area_m2, f"rule profile '{profile.id}' has no yield table for grade system "
                                      f"'{system_id}': capacity cannot be computed", system_id=system_id)

    result = PlotCredit(plot.plot_code, plot.project_code, area_m2, m2_to_mu(area_m2), kind, system_id,
                        grade_before, grade_after, grade_system_default=not stated_system)
    if kind == UPGRADING:
        better_grade = grade_after < grade_before
        to_paddy = before in PADDY_SOURCES and after == PADDY
        if not (better_grade or to_paddy):
            result.plot_kind = NOT_CREDITABLE
            result.reason = (f"cultivated land before and after with no better grade "
                             f"({grade_before} → {grade_after}) and no conversion to paddy")
            return result

    if plot.blocking_reason:
        result.reason = plot.blocking_reason
        return result

    credit_m2 = area_m2
    notes = []
    if kind == NEW_FARMLAND and plot.excluded_m2:
        excluded = min(max(float(plot.excluded_m2), 0.0), area_m2)
        credit_m2 = area_m2 - excluded
        notes.append(f"{m2_to_mu(excluded):.2f} 亩 excluded (inside basic farmland)")
    credit_mu = m2_to_mu(credit_m2)
    y_after = yield_table.yield_for(grade_after)
    if kind == NEW_FARMLAND:
        result.credit_area_mu = credit_mu
        result.credit_capacity_kg = credit_mu * y_after
        result.credit_paddy_mu = credit_mu if after == PADDY else 0.0
    else:
        y_before = yield_table.yield_for(grade_before)
        result.credit_capacity_kg = credit_mu * max(0.0, y_after - y_before)
        result.credit_paddy_mu = credit_mu if (before in PADDY_SOURCES and after == PADDY) else 0.0
    result.reason = "; ".join(notes)
    return result


@dataclass
class ProjectCredit:
    project_code: object
    plot_count: int = 0
    refused_count: int = 0
    area_m2: float = 0.0
    area_mu: float = 0.0
    new_farmland_mu: float = 0.0
    upgrading_mu: float = 0.0
    credit_area_mu: float = 0.0
    credit_capacity_kg: float = 0.0
    credit_paddy_mu: float = 0.0
    grade_before_mean: float = None
    grade_after_mean: float = None
    grade_uplift: float = None
    new_farmland_grade_mean: float = None
    province_share: float = 0.0
    reasons: list = field(default_factory=list)


def summarize_project(project_code, plot_credits, profile=None, funding_source=None):
    """Sum plot credits; grade uplift is the area-weighted mean grade before minus after over the
    plots that were cultivated land before (the only plots with a grade before)."""
    summary = ProjectCredit(project_code)
    weight_before = weighted_before = weighted_after = 0.0
    weight_new = weighted_new = 0.0
    for credit in plot_credits:
        summary.plot_count += 1
        summary.refused_count += int(credit.refused)
        summary.area_m2 += credit.area_m2 or 0.0
        summary.credit_area_mu += credit.credit_area_mu
        summary.credit_capacity_kg += credit.credit_capacity_kg
        summary.credit_paddy_mu += credit.credit_paddy_mu
        if credit.reason:
            summary.reasons.append(f"{credit.plot_code}: {credit.reason}")
        if credit.plot_kind == UPGRADING:
            summary.upgrading_mu += credit.area_mu
            weight_before += credit.area_mu
            weighted_before += credit.area_mu * credit.grade_before
            weighted_after += credit.area_mu * credit.grade_after
        elif credit.plot_kind == NEW_FARMLAND:
            summary.new_farmland_mu += credit.area_mu
            weight_new += credit.area_mu
            weighted_new += credit.area_mu * credit.grade_after
    summary.area_mu = m2_to_mu(summary.area_m2)
    if weight_before > 0:
        summary.grade_before_mean = weighted_before / weight_before
        summary.grade_after_mean = weighted_after / weight_before
        summary.grade_uplift = summary.grade_before_mean - summary.grade_after_mean
    if weight_new > 0:
        summary.new_farmland_grade_mean = weighted_new / weight_new
    if profile is not None and summary.area_mu > 0:
        share = summary.new_farmland_mu / summary.area_mu
        summary.province_share = profile.credit_split(share, funding_source)[0]
    return summary


def summarize_by_project(plot_credits, profile=None, funding_by_project=None):
    """Group plot credits by project code (in first-seen order) and summarize each."""
    groups = {}
    for credit in plot_credits:
        groups.setdefault(credit.project_code, []).append(credit)
    funding_by_project = funding_by_project or {}
    return [summarize_project(code, items, profile, funding_by_project.get(code)) for code, items in groups.items()]
