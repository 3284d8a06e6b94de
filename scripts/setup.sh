#!/usr/bin/env bash
# Install everything the plugin's demo, tests and benchmarks need on Debian bookworm.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="python3-qgis qgis-providers qgis python3-shapely python3-psycopg2 python3-venv \
xvfb xauth pyqt5-dev-tools qttools5-dev-tools fonts-noto-cjk poppler-utils python3-openpyxl \
postgresql postgresql-15-postgis-3 zip qttranslations5-l10n"

missing=""
for pkg in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "setup: installing apt packages:$missing"
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import qgis.core" 2>/dev/null; then
  echo "setup: creating .venv from /usr/bin/python3 with system site packages"
  rm -rf .venv
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
if [ ! -f .venv/.pip-done ] || [ scripts/requirements-dev.txt -nt .venv/.pip-done ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r scripts/requirements-dev.txt
  touch .venv/.pip-done
fi
