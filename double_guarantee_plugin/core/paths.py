# SPDX-License-Identifier: GPL-2.0-or-later
"""Where the plugin's ``resources/`` and ``i18n/`` folders are, from a checkout or a packaged zip.

In a source checkout they sit beside the package (``<repo>/resources``); in the zip built by
``make package`` they sit inside the plugin folder (``double_guarantee_plugin/resources``).
"""
import os

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # real path: `make run` links the package


def _find(name):
    for candidate in (os.path.join(PACKAGE_DIR, name),
                      os.path.join(os.path.dirname(PACKAGE_DIR), name)):
        if os.path.isdir(candidate):
            return candidate
    raise FileNotFoundError(
        f"the plugin folder '{name}' was found neither in {PACKAGE_DIR} nor beside it")


def resources_dir():
    return _find("resources")


def i18n_dir():
    return _find("i18n")


def resource_path(*parts):
    return os.path.join(resources_dir(), *parts)


def data_path(*parts):
    return resource_path("data", *parts)
