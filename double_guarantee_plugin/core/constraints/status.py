# SPDX-License-Identifier: GPL-2.0-or-later
"""Check statuses, severities and constraint roles: their names, ranks and labels."""
from ...i18n import tr


STATUS_OK, STATUS_WARNING, STATUS_BLOCKING, STATUS_NOT_CHECKED = "ok", "warning", "blocking", "not_checked"
STATUS_ORDER = (STATUS_OK, STATUS_WARNING, STATUS_BLOCKING)  # worse to the right; not_checked is separate

SEVERITY_BLOCKING, SEVERITY_WARNING, SEVERITY_INFO = "blocking", "warning", "info"
ROLE_BASIC_FARMLAND, ROLE_RED_LINE, ROLE_SLOPE, ROLE_EXTRA = "basic_farmland", "red_line", "slope", "extra"
ROLE_LAND_SURVEY = "land_survey"
ROLES = (ROLE_BASIC_FARMLAND, ROLE_RED_LINE, ROLE_SLOPE, ROLE_LAND_SURVEY, ROLE_EXTRA)


# how a plot's worst finding ranks: a layer we could not check hides nothing worse than a warning,
# so not_checked sits between blocking and warning (and is never shown as ok)
_RANK = {STATUS_BLOCKING: 0, STATUS_NOT_CHECKED: 1, STATUS_WARNING: 2, STATUS_OK: 3}


def worst_status(statuses):
    """blocking > not_checked > warning > ok; an empty list is not_checked (nothing was checked)."""
    statuses = [status for status in statuses if status]
    if not statuses:
        return STATUS_NOT_CHECKED
    return min(statuses, key=lambda status: _RANK.get(status, 1))


def status_rank(status):
    return _RANK.get(status, 1)


def status_label(status):
    from ..verdicts import verdict_label    # the one table of verdict words
    return verdict_label(status)


def role_label(role):
    return {ROLE_BASIC_FARMLAND: tr("Basic farmland"), ROLE_RED_LINE: tr("Ecological red line"),
            ROLE_SLOPE: tr("Slope"), ROLE_LAND_SURVEY: tr("Land survey"), ROLE_EXTRA: tr("Other layer")}.get(role, role)
