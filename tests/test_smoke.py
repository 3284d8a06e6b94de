# SPDX-License-Identifier: GPL-2.0-or-later
"""The package imports and finds its resources from a checkout."""
import os

from double_guarantee_plugin.core import paths


def test_resources_found_from_checkout():
    assert os.path.isfile(paths.data_path("land_classes.json"))
    assert os.path.isdir(paths.i18n_dir())


def test_no_test_imports_from_conftest():
    """Several folders have a conftest.py; pytest imports them all as ``conftest``, so a test that
    imports names from ``conftest`` gets whichever was loaded last (it broke the full run twice)."""
    import re
    from pathlib import Path
    offenders = [str(path) for path in Path(__file__).resolve().parent.rglob("*.py")
                 if re.search(r"^\s*(from conftest import|import conftest)", path.read_text(encoding="utf-8"), re.M)]
    assert offenders == []
