# SPDX-License-Identifier: GPL-2.0-or-later
"""Signal helpers shared by the docks."""


def disconnect_all(pairs):
    """Disconnect each ``(signal, slot)``; one already disconnected, or whose sender is gone, is skipped
    (a dock's cleanup runs at unload, when QGIS may have deleted the sender already)."""
    for signal, slot in pairs:
        try:
            signal.disconnect(slot)
        except (TypeError, RuntimeError):
            pass
