# SPDX-License-Identifier: GPL-2.0-or-later
"""Fixtures of the coordinate-TXT tests: the hand-made trap files and the real samples in shared."""
import shutil
import tempfile
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


@pytest.fixture()
def tmp_path():
    """A private scratch folder instead of pytest's numbered one.

    pytest keeps only the three newest /tmp/pytest-of-<user>/pytest-N folders and deletes older
    ones when a session starts; with other suites running at the same time, a folder could vanish
    under a running test (GeoPackage copies then fail with "unable to open database file").
    """
    path = Path(tempfile.mkdtemp(prefix="dg_coord_txt_"))
    yield path
    shutil.rmtree(path, ignore_errors=True)
