# SPDX-License-Identifier: GPL-2.0-or-later
"""The one table of verdict words: what a check status is called in docks, sheets, summaries and reports.

A status is ``ok``, ``warning``, ``blocking`` or ``not_checked`` (core.constraints); every place that
shows one to a person calls ``verdict_label`` so the dock, the meeting sheet and the county summary
never use two words for the same verdict (in Chinese: 通过 / 警告 / 不通过 / 未核查).
"""
from ..i18n import tr

STATUS_OK, STATUS_WARNING, STATUS_BLOCKING, STATUS_NOT_CHECKED = "ok", "warning", "blocking", "not_checked"
VERDICT_STATUSES = (STATUS_OK, STATUS_WARNING, STATUS_BLOCKING, STATUS_NOT_CHECKED)
VERDICT_COLOURS = {STATUS_OK: "#1b7f3b", STATUS_WARNING: "#b06d00", STATUS_BLOCKING: "#c0392b",
                   STATUS_NOT_CHECKED: "#6c6c6c"}


def verdict_words():
    """status → the translated word (a function: the words follow the language loaded now)."""
    return {STATUS_OK: tr("Passed"), STATUS_WARNING: tr("Warning"), STATUS_BLOCKING: tr("Not passed"),
            STATUS_NOT_CHECKED: tr("Not checked")}


def verdict_label(status):
    """The word for ``status``; an unknown code is shown as it is."""
    return verdict_words().get(status, str(status))
