# SPDX-License-Identifier: GPL-2.0-or-later
"""What one meeting sheet shows: project facts, credits (the ``computecredits`` core) and constraint checks.

Credits come from ``core.layer_credits.compute_layer_credits`` so that every figure on a sheet
equals ``doubleguarantee:computecredits``.  Checks come from ``core.constraints`` (imported lazily:
it may be absent); a constraint that was not checked is shown as ``not_checked`` (未核查) and
never as ok.
"""
import os
from dataclasses import dataclass, field

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from .. import tables
from ..credits import NEW_FARMLAND, NOT_CREDITABLE, UPGRADING
from ..layer_credits import PlotFields, compute_layer_credits
from ..units import kg_to_wan_kg, mu_to_ha
from . import ReportError

STATUS_OK, STATUS_WARNING, STATUS_BLOCKING, STATUS_NOT_CHECKED = "ok", "warning", "blocking", "not_checked"
_SEVERITY = {STATUS_OK: 0, STATUS_NOT_CHECKED: 1, STATUS_WARNING: 2, STATUS_BLOCKING: 3}
ROLES_SHOWN = ("basic_farmland", "red_line", "slope")  # every sheet lists these, checked or not


def status_label(status):
    """The reader's word for a check status: the one table of verdict words (core.verdicts)."""
    from ..verdicts import verdict_label
    return verdict_label(status)


def role_label(role):
    from ...i18n import tr
    labels = {"basic_farmland": tr("Basic farmland"), "red_line": tr("Ecological red line"),
              "slope": tr("Slope above limit"), "extra": tr("Other constraint")}
    return labels.get(role, str(role))


def kind_label(kind):
    from ...i18n import tr
    return {NEW_FARMLAND: tr("New farmland"), UPGRADING: tr("Upgrading"),
            NOT_CREDITABLE: tr("Not creditable")}.get(kind, str(kind))


def worst_status(statuses):
    """The worst of ``statuses``; an empty list is not_checked (nothing checked is never ok)."""
    statuses = list(statuses)
    if not statuses:
        return STATUS_NOT_CHECKED
    return max(statuses, key=lambda s: _SEVERITY.get(s, 1))


# Figures are printed with fixed decimals; tests format computecredits' numbers the same way.
def fmt_mu(value):
    return "—" if value is None else f"{value:.2f}"


def fmt_ha(area_mu):
    return "—" if area_mu is None else f"{mu_to_ha(float(area_mu)):.4f}"


def fmt_kg(value):
    """Kilograms as whole numbers: a grain-capacity credit is never read to the gram."""
    return "—" if value is None else f"{value:.0f}"


def fmt_wan_kg(value):
    return "—" if value is None else f"{kg_to_wan_kg(float(value)):.4f}"


def fmt_grade(value):
    return "—" if value is None else f"{value:.2f}"


def fmt_share(share):
    return "—" if share is None else f"{100.0 * share:.1f}%"


@dataclass
class ProjectInfo:
    code: str
    name: str = ""
    county_code: str = ""
    project_type: str = ""
    funding_source: str = ""
    status: str = ""

    @property
    def type_label(self):
        for row in tables.project_codes().get("project_types", []):
            if row["code"] == self.project_type:
                return row["name_zh"]
        return self.project_type


@dataclass
class CheckRow:
    role: str
    name: str
    status: str
    overlap_mu: float = None
    share: float = None
    message: str = ""


@dataclass
class ProjectReport:
    info: ProjectInfo
    credit: object                       # core.credits.ProjectCredit
    plot_credits: list                   # [(fid, PlotCredit)]
    check: object = None                 # core.constraints.ProjectCheck or None
    check_rows: list = field(default_factory=list)
    verdict: str = STATUS_NOT_CHECKED
    messages: list = field(default_factory=list)

    @property
    def fids(self):
        return [fid for fid, _credit in self.plot_credits]


def projects_layer_beside(plots_layer):
    """The ``projects`` table of the GeoPackage the plots layer comes from, or None."""
    source = plots_layer.source() if plots_layer is not None else ""
    if plots_layer is None or plots_layer.providerType() != "ogr" or "|layername=" not in source:
        return None
    path = source.split("|")[0]
    if not os.path.exists(path):
        return None
    layer = QgsVectorLayer(f"{path}|layername=projects", "projects", "ogr")
    return layer if layer.isValid() and layer.fields().indexOf("project_code") >= 0 else None


def read_project_infos(projects_layer):
    """project_code → ProjectInfo from a projects table (an empty dict when there is none)."""
    infos = {}
    if projects_layer is None:
        return infos
    names = set(projects_layer.fields().names())

    def text(feature, name):
        if name not in names:
            return ""
        value = feature[name]
        return "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)

    for feature in projects_layer.getFeatures():
        code = text(feature, "project_code")
        if code:
            infos[code] = ProjectInfo(code, text(feature, "project_name"), text(feature, "county_code"),
                                      text(feature, "project_type"), text(feature, "funding_source"),
                                      text(feature, "status"))
    return infos


def project_codes_of(plots_layer, fields=None):
    """The distinct project codes of a plots layer, sorted."""
    fields = fields or PlotFields()
    index = plots_layer.fields().indexOf(fields.project_code)
    if index < 0:
        raise ReportError(f"{plots_layer.name()}: no field '{fields.project_code}' (the project code)")
    values = {str(v) for v in plots_layer.uniqueValues(index) if v is not None and str(v) not in ("", "NULL")}
    return sorted(values)


def constraint_engine_checks(plots_layer, codes, basic_farmland=None, red_line=None, slope=None,
                             slope_field="slope_deg", profile=None, feedback=None, constraint_set=None):
    """``(project_code → ProjectCheck, fid → PlotCheck, note)`` from core.constraints.

    ``constraint_set`` (a saved ConstraintSet) wins over the single layers.  When the engine is not
    installed or no constraint is given, both dicts are empty and ``note`` says why: every
    constraint then shows as not_checked.
    """
    if constraint_set is None and basic_farmland is None and red_line is None and slope is None:
        return {}, {}, "no constraint layer given"
    try:
        from .. import constraints
    except ImportError:
        return {}, {}, "the constraint engine (core.constraints) is not installed"
    if constraint_set is None:
        constraint_set = constraints.ConstraintSet.from_layers(basic_farmland=basic_farmland, red_line=red_line,
                                                               slope=slope, slope_field=slope_field)
    engine = constraints.ConstraintEngine(constraint_set, profile)
    project_checks = engine.check_plots(plots_layer, project_codes=list(codes), feedback=feedback) or {}
    plot_checks = {}
    for project_check in project_checks.values():
        for plot_check in project_check.plots:
            plot_checks[plot_check.plot_fid] = plot_check
    return project_checks, plot_checks, ""


def check_rows(project_check, note=""):
    """Rows of the check table: one per constraint layer, plus not_checked rows for missing roles."""
    rows = []
    if project_check is not None:
        for layer_check in project_check.layers:
            # the role says more to a meeting than a file name such as "demo_county"
            name = role_label(layer_check.role) if layer_check.role in ROLES_SHOWN else layer_check.name
            rows.append(CheckRow(layer_check.role, name or role_label(layer_check.role),
                                 layer_check.status or STATUS_NOT_CHECKED, layer_check.overlap_mu,
                                 layer_check.share, layer_check.message or ""))
    present = {row.role for row in rows}
    for role in ROLES_SHOWN:
        if role not in present:
            rows.append(CheckRow(role, role_label(role), STATUS_NOT_CHECKED, None, None,
                                 note or "constraint layer not given"))
    return rows


def credit_rows(credit):
    """Rows of the credit table: (indicator, value, converted value) with units in the cells."""
    from ...i18n import tr
    mu, ha, kg, wan_kg = tr("mu"), tr("ha"), tr("kg"), tr("10,000 kg")  # outside f-strings: pylupdate5 sees them
    return [
        (tr("Project area"), f"{fmt_mu(credit.area_mu)} {mu}", f"{fmt_ha(credit.area_mu)} {ha}"),
        # gross above, then 田坎 and the net area the credits are computed on
        (tr("田坎 deducted / net area"), f"{fmt_mu(credit.tiankan_mu)} {mu}", f"{fmt_mu(credit.net_area_mu)} {mu}"),
        (tr("Area credit"), f"{fmt_mu(credit.credit_area_mu)} {mu}",
         f"{fmt_ha(credit.credit_area_mu)} {ha}"),
        (tr("Grain capacity credit"), f"{fmt_kg(credit.credit_capacity_kg)} {kg}",
         f"{fmt_wan_kg(credit.credit_capacity_kg)} {wan_kg}"),
        (tr("Paddy credit"), f"{fmt_mu(credit.credit_paddy_mu)} {mu}",
         f"{fmt_ha(credit.credit_paddy_mu)} {ha}"),
        (tr("New farmland / upgrading"), f"{fmt_mu(credit.new_farmland_mu)} {mu}",
         f"{fmt_mu(credit.upgrading_mu)} {mu}"),
        (tr("Grade before / after"), fmt_grade(credit.grade_before_mean), fmt_grade(credit.grade_after_mean)),
        (tr("Grade uplift / new farmland grade"), fmt_grade(credit.grade_uplift),
         fmt_grade(credit.new_farmland_grade_mean)),
        (tr("Plots / refused"), str(credit.plot_count), str(credit.refused_count)),
    ]


def _request_for(code, fields):
    escaped = str(code).replace("'", "''")
    return QgsFeatureRequest().setFilterExpression(f"\"{fields.project_code}\" = '{escaped}'")


def gather_reports(plots_layer, codes=None, projects_layer=None, basic_farmland=None, red_line=None,
                   slope=None, slope_field="slope_deg", profile=None, fields=None, feedback=None,
                   constraint_set=None):
    """``(reports, problems)``: a ProjectReport per project with plots, and code → message for the rest.

    A project code with no plot in the layer is a problem ("nothing to map"), never an empty sheet.
    """
    if plots_layer is None or not plots_layer.isValid():
        raise ReportError("the plots layer is missing or cannot be read")
    fields = fields or PlotFields()
    missing = fields.missing_in(plots_layer.fields())
    if missing:
        raise ReportError(f"{plots_layer.name()}: missing field(s) {', '.join(missing)}")
    profile = profile or tables.load_rule_profile()
    known = project_codes_of(plots_layer, fields)
    codes = list(codes) if codes else known
    problems = {}
    for code in codes:
        if code not in known:
            problems[code] = (f"project {code} has no plots in layer '{plots_layer.name()}': "
                              f"nothing to map")
    wanted = [code for code in codes if code in known]
    infos = read_project_infos(projects_layer if projects_layer is not None
                               else projects_layer_beside(plots_layer))
    project_checks, plot_checks, note = constraint_engine_checks(
        plots_layer, wanted, basic_farmland, red_line, slope, slope_field, profile, feedback, constraint_set)
    reports = []
    for code in wanted:
        if feedback is not None and feedback.isCanceled():
            break
        plot_credits, projects = compute_layer_credits(plots_layer, profile, fields, _request_for(code, fields),
                                                       plot_checks)
        credit = projects[0]
        check = project_checks.get(code)
        rows = check_rows(check, note)
        statuses = [row.status for row in rows]
        verdict = check.status if check is not None and check.status else worst_status(statuses)
        if verdict == STATUS_OK and STATUS_NOT_CHECKED in statuses:
            verdict = STATUS_NOT_CHECKED  # one unchecked layer keeps the project from looking clean
        messages = list(check.messages) if check is not None else ([note] if note else [])
        messages += credit.reasons
        info = infos.get(code) or ProjectInfo(code, code)
        reports.append(ProjectReport(info, credit, plot_credits, check, rows, verdict, messages))
    return reports, problems
