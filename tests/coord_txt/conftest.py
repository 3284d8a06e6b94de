"""Fixtures of the coordinate-TXT tests: the hand-made trap files and the real samples in shared."""
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TRAPS = HERE / "data"
REAL = HERE.parents[1].parent / "shared" / "data" / "real" / "coord_txt"


@pytest.fixture(scope="session")
def traps():
    return TRAPS


@pytest.fixture(scope="session")
def real_coord_dir():
    if not REAL.is_dir():
        pytest.fail(f"real coordinate samples not found at {REAL}")
    return REAL
