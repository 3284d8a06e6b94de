# SPDX-License-Identifier: GPL-2.0-or-later
"""The errors of take offline / bring back, and progress reporting that honours a cancel."""
from ...i18n import tr

MAX_LISTED_PROBLEMS = 12


class OfflineError(RuntimeError):
    """An offline package that cannot be written or merged; the message names the file, table and row."""


class OfflineCancelled(OfflineError):
    """The user cancelled; nothing was written."""


def cancelled():
    return OfflineCancelled(tr("Cancelled; nothing was written."))


def report(feedback, percent):
    """Progress to a QgsFeedback / QgsTask (or nothing); raises OfflineCancelled when cancelled."""
    if feedback is None:
        return
    if feedback.isCanceled():
        raise cancelled()
    feedback.setProgress(percent)


def problem(table, row, text):
    """One finding of the package check: which table, which row, what is wrong."""
    return tr("table {}, row {}: {}", table, row, text)


def refused(package_path, problems):
    """The OfflineError refusing a package for ``problems`` (at most a dozen listed)."""
    shown = list(problems[:MAX_LISTED_PROBLEMS])
    if len(problems) > MAX_LISTED_PROBLEMS:
        shown.append(tr("… and {} more", len(problems) - MAX_LISTED_PROBLEMS))
    return OfflineError(tr("{}: the offline package is refused and nothing was written:", package_path)
                        + "\n" + "\n".join(shown))
