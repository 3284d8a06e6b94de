# SPDX-License-Identifier: GPL-2.0-or-later
"""Which account each creditable plot of a project credits: 占补平衡 (its deposit) or 进出平衡 (进).

A plot turned from other farmland (林/园/草/坑塘/设施农用地, the profile's ``in_out_balance``) back into
耕地 may credit either account, never both (自然资发〔2021〕166号; policy-2024.md §2.2); every other
creditable plot credits 占补平衡.  ``plot_accounts`` reads the plots' classes beside their credits;
``split`` sums what each account receives for a chosen set of 进出平衡 plots.  The ledger enforces the
choice (its deposit and inout_in entries name their plots).  Pure Python apart from reading a source.
"""
import dataclasses
from dataclasses import dataclass, field

from qgis.core import QgsFeatureRequest

from .ledger import Amounts
from .layer_credits import PlotFields


@dataclass(frozen=True)
class PlotAccount:
    plot_code: str
    class_before: str
    class_after: str
    credit: object                     # core.credits.PlotCredit

    @property
    def amounts(self):
        return Amounts(self.credit.credit_area_mu, self.credit.credit_capacity_kg, self.credit.credit_paddy_mu)

    @property
    def creditable(self):
        return bool(self.plot_code) and self.credit.creditable and not self.amounts.is_zero()

    def may_credit_in_out(self, rule):
        """True when the plot's change counts for 进出平衡 under ``rule`` (profile_reform.InOutRule)."""
        return rule is not None and self.creditable and rule.is_in(self.class_before, self.class_after)


@dataclass
class AccountSplit:
    occupation: Amounts = field(default_factory=Amounts)      # what the deposit receives (占补平衡)
    occupation_codes: list = field(default_factory=list)
    in_out: Amounts = field(default_factory=Amounts)          # what the 进 entry receives (进出平衡)
    in_out_codes: list = field(default_factory=list)
    in_out_classes: tuple = (None, None)                      # (before, after) when the 进 plots share them

    @property
    def whole_project(self):
        """Nothing goes to 进出平衡: the deposit keeps the whole project, as before the reform."""
        return not self.in_out_codes


def plot_accounts(source, request, plot_credits, fields=None):
    """``[PlotAccount]`` of the plots ``plot_credits`` (``[(fid, PlotCredit)]``) from ``source`` (a layer or
    a snapshot), in the order of the credits."""
    fields = fields or PlotFields()
    wanted = [name for name in (fields.plot_code, fields.class_before, fields.class_after) if name]
    read = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    read.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    read.setSubsetOfAttributes(wanted, source.fields())
    classes = {}
    for feature in source.getFeatures(read):
        classes[feature.id()] = tuple(_text(feature.attribute(name)) for name in wanted[-2:])
    return [PlotAccount(_text(credit.plot_code), *classes.get(fid, ("", "")), credit) for fid, credit in plot_credits]


def split(accounts, in_out_codes=(), rule=None):
    """What 占补平衡 and 进出平衡 receive when ``in_out_codes`` credit 进出平衡; a plot that may not credit
    it raises ValueError naming it."""
    chosen = set(in_out_codes)
    result = AccountSplit()
    classes = set()
    for account in accounts:
        if not account.creditable:
            continue
        if account.plot_code in chosen:
            if not account.may_credit_in_out(rule):
                raise ValueError(f"plot {account.plot_code} ({account.class_before} → {account.class_after}) is not "
                                 f"other farmland turned back into 耕地: it cannot credit 进出平衡")
            result.in_out = result.in_out.plus(account.amounts)
            result.in_out_codes.append(account.plot_code)
            classes.add((account.class_before, account.class_after))
        else:
            result.occupation = result.occupation.plus(account.amounts)
            result.occupation_codes.append(account.plot_code)
    unknown = chosen - {account.plot_code for account in accounts}
    if unknown:
        raise ValueError(f"plots {', '.join(sorted(unknown))} are not plots of the project")
    if len(classes) == 1:
        result.in_out_classes = classes.pop()
    return result


def _text(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value).strip()


def deposit_with_accounts(ledger, request, accounts, in_out_codes, rule):
    """Deposit ``request`` with the plots ``in_out_codes`` credited to 进出平衡 instead (a 进 entry):
    ``(deposit OperationResult or None when every plot went to 进出平衡, 进 OperationResult or None)``."""
    if not in_out_codes:
        return ledger.deposit(request), None
    parts = split(accounts, in_out_codes, rule)
    deposited = None
    if parts.occupation_codes and not parts.occupation.is_zero():
        deposited = ledger.deposit(dataclasses.replace(request, amounts=parts.occupation,
                                                       plot_codes=tuple(parts.occupation_codes)))
    came_in = ledger.record_in(request.county_code, request.project_code, request.project_name, parts.in_out,
                               request.occurred_on, parts.in_out_codes, classes=parts.in_out_classes,
                               profile=request.rule_profile)
    return deposited, came_in
