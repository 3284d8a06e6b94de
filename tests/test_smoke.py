"""The package imports and finds its resources from a checkout."""
import os

from double_guarantee_plugin.core import paths


def test_resources_found_from_checkout():
    assert os.path.isfile(paths.data_path("land_classes.json"))
    assert os.path.isdir(paths.i18n_dir())
