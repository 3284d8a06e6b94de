#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Install everything the plugin's demo, tests and benchmarks need on Debian 12 (bookworm), 13
# (trixie) and later (forky, sid). Safe to run again: it installs only what is missing.
#
# Package names that change between releases are chosen from what apt offers: the PostgreSQL
# major version that the `postgresql` package depends on, with its PostGIS 3; the venv package of
# the system Python.  Everything the code and tests call is named explicitly, even where a
# release happens to pull it in through recommendations (a root built without them lacks it).
set -euo pipefail
cd "$(dirname "$0")/.."

# QGIS and the Python modules the plugin imports (osgeo, numpy, pyproj, shapely, psycopg2, openpyxl)
APT_PACKAGES="python3-qgis qgis-providers qgis python3-gdal python3-numpy python3-pyproj python3-shapely \
python3-psycopg2 python3-openpyxl"
# tests and demo: X server, translation tools, CJK fonts, PDF tools, packaging, git, make, chattr (e2fsprogs: the read-only ledger test as root)
APT_PACKAGES="$APT_PACKAGES xvfb xauth pyqt5-dev-tools qttools5-dev-tools fonts-noto-cjk poppler-utils zip unzip git make xdotool e2fsprogs"
# Qt's own words (OK, Cancel) in Chinese: QGIS loads qt_zh_CN from here for every Simplified spelling
APT_PACKAGES="$APT_PACKAGES qttranslations5-l10n"
# pyproj inside .venv looks for PROJ's data next to sys.prefix (the venv) and then next to the
# `proj` program: proj-bin puts it on PATH
APT_PACKAGES="$APT_PACKAGES proj-bin postgresql"

if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
LISTS_FRESH=0
refresh_lists() {
  if [ "$LISTS_FRESH" = 0 ]; then
    $SUDO apt-get update -q
    LISTS_FRESH=1
  fi
}

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

offered() {
  apt-cache show --no-all-versions "$1" >/dev/null 2>&1
}

# The PostGIS 3 package of the PostgreSQL that `postgresql` brings: an installed one if any,
# else postgresql-<major>-postgis-3 for the major `postgresql` depends on, else the newest offered.
postgis_package() {
  local pkg major
  pkg="$(dpkg-query -W -f='${Package} ${Status}\n' 'postgresql-*-postgis-3' 2>/dev/null |
         awk '/install ok installed/ {print $1}' | sort -V | tail -n1)"
  if [ -n "$pkg" ]; then echo "$pkg"; return; fi
  major="$(apt-cache depends postgresql 2>/dev/null | sed -n 's/^ *Depends: postgresql-\([0-9][0-9]*\)$/\1/p' | head -n1)"
  if [ -n "$major" ] && offered "postgresql-$major-postgis-3"; then echo "postgresql-$major-postgis-3"; return; fi
  pkg="$(apt-cache pkgnames postgresql- | grep -E '^postgresql-[0-9]+-postgis-3$' | sort -V | tail -n1)"
  if [ -z "$pkg" ]; then
    echo "setup: apt offers no postgresql-<version>-postgis-3 package (is the 'main' component enabled?)" >&2
    exit 1
  fi
  echo "$pkg"
}

# python3-venv where offered; else the versioned package of the system Python (python3.X-venv)
venv_package() {
  if installed python3-venv || offered python3-venv; then echo python3-venv; return; fi
  echo "python3.$(/usr/bin/python3 -c 'import sys; print(sys.version_info[1])')-venv"
}

missing=""
for pkg in $APT_PACKAGES; do
  installed "$pkg" || missing="$missing $pkg"
done
if [ -n "$missing" ] || ! installed python3-venv; then
  # something to install: names are chosen from current package lists (a fresh root has none)
  refresh_lists
fi
postgis="$(postgis_package)"
venv="$(venv_package)"
for pkg in "$postgis" "$venv"; do
  installed "$pkg" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "setup: installing apt packages:$missing"
  if [ "$LISTS_FRESH" = 0 ]; then refresh_lists; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends $missing
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
