# SPDX-License-Identifier: GPL-2.0-or-later
"""The basemap tests read the meeting-sheet helpers of tests/reports."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
