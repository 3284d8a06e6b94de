# SPDX-License-Identifier: GPL-2.0-or-later
"""Plot classification and the credit formulas of domain.md §3, per plot and per project.

Pure Python: the caller supplies each plot's ellipsoidal area in m² (see ``core.area``) and,
once constraints have been checked, the area to exclude and any blocking reason.
A plot that cannot be credited gets ``plot_kind = not_creditable`` and a ``reason``; credits are
never guessed.

Credits are on the **net** area, the gross ellipsoidal area less 田坎 (``core.net_area``).  A plot
may carry both grade systems (``use_grade_*`` 1–15 and ``quality_level_*`` 1–10) beside the grades
of its own ``grade_system``; the rule profile's ``credit_grade_system`` says which one credits
(none: each plot's own).  An empty grade before of a plot that was cultivated land defaults to the
area-weighted grade of the parcels under it (``PlotInput.survey``), with its source recorded.
"""
from dataclasses import dataclass, field

from . import tables
from .net_area import clean_farmland_type, clean_slope_level, net_area
from .units import m2_to_mu

NEW_FARMLAND = "new_farmland"
UPGRADING = "upgrading"
NOT_CREDITABLE = "not_creditable"
PLOT_KINDS = (NEW_FARMLAND, UPGRADING, NOT_CREDITABLE)

PADDY = "0101"
PADDY_SOURCES = ("0102", "0103")

# the plot fields holding each grade system's grades explicitly (before, after)
SYSTEM_GRADE_FIELDS = {"use_grade_15": ("use_grade_before", "use_grade_after"),
                       "quality_level_10": ("quality_level_before", "quality_level_after")}
GRADE_SOURCE_USER = "user"


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
    use_grade_before: object = None        # GDDB 1–15, explicitly
    use_grade_after: object = None
    quality_level_before: object = None    # GDDJ 1–10, explicitly
    quality_level_after: object = None
    tiankan_coefficient: object = None     # the plot's own KCXS (wins over the survey and the table)
    farmland_type: object = None           # GDLX TT/PD
    slope_level: object = None             # GDPDJB 1–5
    survey: object = None                  # what the standard layers say under the plot (PlotSurvey)


@dataclass
class PlotSurvey:
    """What the land survey and basic farmland say under one plot (``standard_layers.plot_rules``).

    ``tiankan_pieces``: ``[(area_m2, KCXS, label)]`` of the survey parcels; ``grade_pieces``:
    grade system → ``([(area_m2, grade)], source label)`` from the survey's GDDB or the basic
    farmland's GDDB/GDDJ; ``slope_level``/``farmland_type``: the survey's dominant GDPDJB/GDLX.
    """
    tiankan_pieces: list = field(default_factory=list)
    grade_pieces: dict = field(default_factory=dict)
    slope_level: str = None
    farmland_type: str = None
    lazy_grade_pieces: dict = field(default_factory=dict)   # system -> function measuring them when asked

    def grade_pieces_for(self, system_id):
        """``([(area_m2, grade)], source)`` of ``system_id``, measured now if it was left for later; or None."""
        if system_id not in self.grade_pieces and system_id in self.lazy_grade_pieces:
            self.grade_pieces[system_id] = self.lazy_grade_pieces.pop(system_id)()
        return self.grade_pieces.get(system_id)


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
    tiankan_m2: float = 0.0          # the 田坎 deduction of the gross area
    tiankan_coefficient: float = None
    tiankan_source: str = ""         # plot, survey, paddy, table or none (net_area.SOURCE_*)
    tiankan_note: str = ""
    grade_before_source: str = ""    # "user", or the parcels a default grade before came from
    use_grade_before: float = None   # both systems, as far as the plot has them
    use_grade_after: int = None
    quality_level_before: float = None
    quality_level_after: int = None
    was_cultivated: bool = False     # class before is cultivated land (the plots of the grade uplift)
    capacity_as_drawn_kg: float = 0.0   # capacity on the net area before exclusions and blocking
    grade_system_default: bool = False   # True when the grade system came from the profile, not the plot

    @property
    def grade_system_used(self):
        """The grade system the plot was credited under ('' when refused before one was known)."""
        return self.grade_system

    @property
    def creditable(self):
        return self.plot_kind != NOT_CREDITABLE

    @property
    def net_area_m2(self):
        return (self.area_m2 or 0.0) - self.tiankan_m2

    @property
    def net_area_mu(self):
        return m2_to_mu(self.net_area_m2) if self.area_m2 else 0.0


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


def _system_grades(plot, system_id, declared):
    """``(before, after)`` of ``system_id``: the explicit columns, else the plot's generic grades when
    its own system is ``system_id``.  Raises ValueError naming both fields when they disagree."""
    before_field, after_field = SYSTEM_GRADE_FIELDS.get(system_id, (None, None))
    explicit = (getattr(plot, before_field) if before_field else None,
                getattr(plot, after_field) if after_field else None)
    generic = (plot.grade_before, plot.grade_after) if declared == system_id else (None, None)
    values = []
    for label, mine, theirs, name in (("grade_before", explicit[0], generic[0], before_field),
                                      ("grade_after", explicit[1], generic[1], after_field)):
        mine, theirs = _parse_grade(mine), _parse_grade(theirs)
        if mine is not None and theirs is not None and mine != theirs:
            raise ValueError(f"{label} {theirs} and {name} {mine} disagree")
        values.append(mine if mine is not None else theirs)
    return tuple(values)


def grade_default(grade_pieces, system):
    """``(mean grade, [(share, grade)], source)`` of the valid grades among ``(pieces, label)``, or None."""
    if not grade_pieces:
        return None
    pieces, label = grade_pieces
    valid = []
    for area, value in pieces:
        try:
            grade = _parse_grade(value)
        except ValueError:
            continue
        if grade is not None and system.is_valid(grade) and area > 0:
            valid.append((float(area), grade))
    weight = sum(area for area, _grade in valid)
    if weight <= 0:
        return None
    mean = sum(area * grade for area, grade in valid) / weight
    return mean, [(area / weight, grade) for area, grade in valid], \
        f"{label}, area-weighted over {len(valid)} parcel(s)"


def _both_systems(plot, declared, result):
    """Fill ``result``'s use-grade and quality-level fields from whatever the plot has of each."""
    for system_id, (before_name, after_name) in SYSTEM_GRADE_FIELDS.items():
        try:
            before, after = _system_grades(plot, system_id, declared)
        except ValueError:
            continue
        setattr(result, before_name, before)
        setattr(result, after_name, after)


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
    declared = stated_system or profile.default_grade_system
    system_id = profile.credit_grade_system or declared
    systems = tables.grade_systems()
    for candidate in (declared, system_id):
        if candidate not in systems:
            return _refuse(plot, area_m2, f"unknown grade system '{candidate}' "
                                          f"(known: {', '.join(sorted(systems))})")
    system = systems[system_id]

    was_cultivated, is_cultivated = classes[before].is_cultivated, classes[after].is_cultivated
    if not is_cultivated:
        return _refuse(plot, area_m2, f"class after {after} ({classes[after].name_zh}) is not cultivated land")
    kind = UPGRADING if was_cultivated else NEW_FARMLAND

    try:
        grade_before, grade_after = _system_grades(plot, system_id, declared)
    except ValueError as exc:
        text = str(exc)
        if "disagree" not in text:
            text = f"grade '{exc.args[0]}' is not a whole number"
        return _refuse(plot, area_m2, text, system_id=system_id)
    if grade_after is None:
        empty = "grade_after is empty"
        if system_id != declared:
            empty += f" for grade system '{system_id}', which rule profile '{profile.id}' credits"
        return _refuse(plot, area_m2, empty, system_id=system_id)
    if not system.is_valid(grade_after):
        return _refuse(plot, area_m2, f"grade_after {grade_after} is outside {system_id} "
                                      f"({system.best}–{system.worst})", system_id=system_id)
    before_source = GRADE_SOURCE_USER if grade_before is not None else ""
    before_shares = None            # [(share, grade)] of a default grade before
    if kind == UPGRADING and grade_before is None:
        survey_grades = plot.survey.grade_pieces_for(system_id) if plot.survey is not None else None
        default = grade_default(survey_grades, system)
        if default is None:
            return _refuse(plot, area_m2, "grade_before is empty for a plot that was cultivated land",
                           system_id=system_id)
        grade_before, before_shares, before_source = default
    elif grade_before is not None and not system.is_valid(grade_before):
        return _refuse(plot, area_m2, f"grade_before {grade_before} is outside {system_id} "
                                      f"({system.best}–{system.worst})", system_id=system_id)

    yield_table = profile.yield_table(system_id)
    if yield_table is None:
        return _refuse(plot, area_m2, f"rule profile '{profile.id}' has no yield table for grade system "
                                      f"'{system_id}': capacity cannot be computed", system_id=system_id)

    net = _net_area(plot, area_m2, was_cultivated, after, profile)
    if net.error:
        return _refuse(plot, area_m2, net.error, system_id=system_id)
    result = PlotCredit(plot.plot_code, plot.project_code, area_m2, m2_to_mu(area_m2), kind, system_id,
                        grade_before, grade_after, tiankan_m2=net.tiankan_m2, tiankan_coefficient=net.coefficient,
                        tiankan_source=net.source, tiankan_note=net.note, grade_before_source=before_source,
                        was_cultivated=was_cultivated, grade_system_default=system_id != stated_system)
    _both_systems(plot, declared, result)
    if before_source and before_source != GRADE_SOURCE_USER:
        setattr(result, SYSTEM_GRADE_FIELDS.get(system_id, ("grade_before",))[0], grade_before)
    if kind == UPGRADING:
        better_grade = grade_after < grade_before
        to_paddy = before in PADDY_SOURCES and after == PADDY
        if not (better_grade or to_paddy):
            result.plot_kind = NOT_CREDITABLE
            result.reason = (f"cultivated land before and after with no better grade "
                             f"({_grade_text(grade_before)} → {grade_after}) and no conversion to paddy")
            return result

    y_after = yield_table.yield_for(grade_after)
    if kind == NEW_FARMLAND:
        gain_per_mu = y_after
    elif before_shares is None:
        gain_per_mu = max(0.0, y_after - yield_table.yield_for(grade_before))
    else:   # a default grade before: the parcels' own yields, weighted by area
        gain_per_mu = max(0.0, y_after - sum(share * yield_table.yield_for(grade) for share, grade in before_shares))
    # what the plot adds as drawn (net of 田坎, before exclusions and blocking): the panel shows both
    result.capacity_as_drawn_kg = m2_to_mu(net.net_m2) * gain_per_mu
    if plot.blocking_reason:
        result.reason = plot.blocking_reason
        return result

    # credits on the net area: the exclusion (a piece of the gross area) loses its share of 田坎 too
    credit_m2 = area_m2
    notes = []
    if kind == NEW_FARMLAND and plot.excluded_m2:
        excluded = min(max(float(plot.excluded_m2), 0.0), area_m2)
        credit_m2 = area_m2 - excluded
        notes.append(f"{m2_to_mu(excluded):.2f} 亩 excluded (inside basic farmland)")
    credit_mu = m2_to_mu(credit_m2 * net.net_ratio)
    result.credit_capacity_kg = credit_mu * gain_per_mu
    if kind == NEW_FARMLAND:
        result.credit_area_mu = credit_mu
        result.credit_paddy_mu = credit_mu if after == PADDY else 0.0
    else:
        result.credit_paddy_mu = credit_mu if (before in PADDY_SOURCES and after == PADDY) else 0.0
    result.reason = "; ".join(notes)
    return result


def _grade_text(grade):
    return f"{grade:.2f}" if isinstance(grade, float) else str(grade)


def _net_area(plot, area_m2, was_cultivated, class_after, profile):
    """The plot's ``NetArea`` (net_area.py) from its own fields, the survey under it and the 田坎 table."""
    survey = plot.survey
    table = profile.tiankan_table()
    return net_area(area_m2, was_cultivated, class_after, plot.tiankan_coefficient,
                    clean_farmland_type(plot.farmland_type), clean_slope_level(plot.slope_level),
                    survey.tiankan_pieces if survey is not None else (),
                    survey.slope_level if survey is not None else None,
                    survey.farmland_type if survey is not None else None, table)


@dataclass
class ProjectCredit:
    project_code: object
    plot_count: int = 0
    refused_count: int = 0
    area_m2: float = 0.0
    area_mu: float = 0.0
    tiankan_m2: float = 0.0
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

    @property
    def net_area_m2(self):
        return self.area_m2 - self.tiankan_m2

    @property
    def tiankan_mu(self):
        return m2_to_mu(self.tiankan_m2) if self.tiankan_m2 else 0.0

    @property
    def net_area_mu(self):
        return m2_to_mu(self.net_area_m2) if self.area_m2 else 0.0


def summarize_project(project_code, plot_credits, profile=None, funding_source=None):
    """Sum plot credits.  The grade uplift is the mean grade before minus after, weighted by net area,
    over every plot that was cultivated land before (domain.md §3) — a plot whose grade got worse
    included, which lowers the uplift."""
    summary = ProjectCredit(project_code)
    weight_before = weighted_before = weighted_after = 0.0
    weight_new = weighted_new = 0.0
    for credit in plot_credits:
        summary.plot_count += 1
        summary.refused_count += int(credit.refused)
        summary.area_m2 += credit.area_m2 or 0.0
        summary.tiankan_m2 += credit.tiankan_m2 or 0.0
        summary.credit_area_mu += credit.credit_area_mu
        summary.credit_capacity_kg += credit.credit_capacity_kg
        summary.credit_paddy_mu += credit.credit_paddy_mu
        if credit.reason:
            summary.reasons.append(f"{credit.plot_code}: {credit.reason}")
        net_mu = credit.net_area_mu
        if credit.plot_kind == UPGRADING:
            summary.upgrading_mu += credit.area_mu
        elif credit.plot_kind == NEW_FARMLAND:
            summary.new_farmland_mu += credit.area_mu
            weight_new += net_mu
            weighted_new += net_mu * credit.grade_after
        if credit.was_cultivated and credit.grade_before is not None and credit.grade_after is not None:
            weight_before += net_mu
            weighted_before += net_mu * credit.grade_before
            weighted_after += net_mu * credit.grade_after
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
