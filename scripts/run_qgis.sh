#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `make run`: open QGIS with the plugin linked from this working tree and the demo project loaded.
# Uses its own profile folder (.qgis_profiles/) so that the user's QGIS settings are untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
profiles="$root/.qgis_profiles"
plugins="$profiles/profiles/double_guarantee_dev/python/plugins"
mkdir -p "$plugins" "$profiles/profiles/double_guarantee_dev/QGIS"
ln -sfn "$root/double_guarantee_plugin" "$plugins/double_guarantee_plugin"
ini="$profiles/profiles/double_guarantee_dev/QGIS/QGIS3.ini"
if ! grep -q "double_guarantee_plugin=true" "$ini" 2>/dev/null; then
  printf '[PythonPlugins]\ndouble_guarantee_plugin=true\n' >> "$ini"
fi
[ -f demo_output/demo_county.qgz ] || .venv/bin/python scripts/demo.py
if [ -z "${DISPLAY:-}" ]; then
  echo "make run needs a display (run it on a desktop, or under xvfb-run for a smoke test)" >&2
  exit 2
fi
unset QT_QPA_PLATFORM
exec qgis --profiles-path "$profiles" --profile double_guarantee_dev "$root/demo_output/demo_county.qgz"
