# SPDX-License-Identifier: GPL-2.0-or-later
"""Which rule profile governs a project: chosen from its implementation date, or overridden with a reason.

Profiles with an ``applies`` date range are chosen automatically: ``national_2017`` for projects
implemented before 2025-01-01, ``national_2024`` from then on (自然资发〔2024〕204号, policy-2024.md
§2.8).  A project without an implementation date has not started yet, so it falls under the rules
of today: the profile whose range is open towards the future.  A project may name another profile
(``rule_profile``, e.g. a province's own) with a recorded reason (``rule_profile_reason``); that
override wins.  Pure Python.
"""
import datetime
from dataclasses import dataclass

from ...i18n import tr
from .. import tables

FROM_DATES, FROM_OVERRIDE, WITHOUT_DATE = "dates", "override", "no_date"


class ProfileChoiceError(ValueError):
    """A project whose profile cannot be chosen; the message names the project and why."""


@dataclass(frozen=True)
class ProfileChoice:
    profile_id: str
    source: str            # FROM_DATES, FROM_OVERRIDE or WITHOUT_DATE
    reason: str = ""       # the recorded reason of an override
    implemented_on: str = ""

    @property
    def profile(self):
        return tables.load_rule_profile(self.profile_id)

    @property
    def overridden(self):
        return self.source == FROM_OVERRIDE


def _as_date(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if hasattr(value, "toString") and hasattr(value, "isValid"):   # QDate
        if not value.isValid():
            return None
        value = value.toString("yyyy-MM-dd")
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def dated_profiles():
    """``[(profile_id, DateRange)]`` of the profiles chosen by date, earliest first."""
    found = []
    for profile_id in tables.rule_profile_ids():
        applies = tables.load_rule_profile(profile_id).reform.applies
        if applies is not None:
            found.append((profile_id, applies))
    return sorted(found, key=lambda item: item[1].start or datetime.date.min)


def profile_for_date(implemented_on, code=""):
    """The id of the profile whose ``applies`` range holds ``implemented_on`` (today's rules without a date)."""
    date = _as_date(implemented_on)
    candidates = dated_profiles()
    if date is None:
        matching = [profile_id for profile_id, applies in candidates if applies.open_ended]
    else:
        matching = [profile_id for profile_id, applies in candidates if applies.contains(date)]
    if len(matching) != 1:
        what = tr("implemented on {}", date) if date else tr("without an implementation date")
        raise ProfileChoiceError(tr("project {}: {} rule profiles apply to a project {} ({}); the 'applies' dates "
                                    "of the profiles must not overlap or leave gaps", code, len(matching), what,
                                    ", ".join(matching) or "—"))
    return matching[0]


def choose_profile(project):
    """The ProfileChoice of a project (a dict with implemented_on and, if overridden, rule_profile and
    rule_profile_reason)."""
    code = project.get("project_code") or ""
    override = str(project.get("rule_profile") or "").strip()
    date = _as_date(project.get("implemented_on"))
    date_text = date.isoformat() if date else ""
    if override:
        if override not in tables.rule_profile_ids():
            raise ProfileChoiceError(tr("project {}: rule profile '{}' is not known (known: {})", code, override,
                                        ", ".join(tables.rule_profile_ids())))
        reason = str(project.get("rule_profile_reason") or "").strip()
        if not reason:
            raise ProfileChoiceError(tr("project {}: the rule profile '{}' was set without a reason", code, override))
        return ProfileChoice(override, FROM_OVERRIDE, reason, date_text)
    return ProfileChoice(profile_for_date(date, code), FROM_DATES if date else WITHOUT_DATE, "", date_text)


def override_values(profile_id, reason, code=""):
    """The project attributes that record an override (``None, None`` returns to the date-based choice)."""
    if profile_id in (None, ""):
        return {"rule_profile": None, "rule_profile_reason": None}
    if profile_id not in tables.rule_profile_ids():
        raise ProfileChoiceError(tr("project {}: rule profile '{}' is not known (known: {})", code, profile_id,
                                    ", ".join(tables.rule_profile_ids())))
    if not str(reason or "").strip():
        raise ProfileChoiceError(tr("project {}: a reason is required to choose the rule profile '{}' instead of "
                                    "the one its dates give", code, profile_id))
    return {"rule_profile": profile_id, "rule_profile_reason": str(reason).strip()}
