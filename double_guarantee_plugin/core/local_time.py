# SPDX-License-Identifier: GPL-2.0-or-later
"""Times shown to people in their local time.

The plugin stores times as ISO-8601 UTC text (``2026-12-03T01:30:00Z`` or ``…+00:00``; sortable and
unambiguous across machines).  Docks, sheets and reports show them with ``local_time_text`` in the
machine's time zone, to the minute or second, without the offset people do not read.
"""
from datetime import datetime, timezone


def parse_utc(value):
    """A timezone-aware datetime from ISO text or a datetime; naive values are UTC (as stored). None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip().replace(" ", "T", 1)
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def to_local(value):
    moment = parse_utc(value)
    return None if moment is None else moment.astimezone()


def local_time_text(value, seconds=False):
    """``YYYY-MM-DD HH:MM`` (``:SS`` with ``seconds``) in local time; text that is no time comes back as it is."""
    try:
        moment = to_local(value)
    except ValueError:
        return str(value)
    if moment is None:
        return ""
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
