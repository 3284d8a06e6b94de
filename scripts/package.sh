#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Build the QGIS plugin repository zip: dist/double_guarantee_plugin-<version>.zip.
#
# Usage: bash scripts/package.sh <version>   (``make package`` compiles the .qm files first)
#
# The zip holds one folder, double_guarantee_plugin/, with the Python package, metadata.txt,
# resources/ (without resources/screenshots/, which only the README needs) and the compiled
# i18n/*.qm: core/paths.py finds resources and i18n inside the plugin folder.  Files that
# .gitignore excludes (__pycache__, *.pyc, demo output) stay out; the .qm files, which are
# build products and ignored by git, are added explicitly.
set -euo pipefail
cd "$(dirname "$0")/.."

PLUGIN=double_guarantee_plugin
VERSION="${1:-}"
if [ -z "$VERSION" ]; then
  VERSION="$(sed -n 's/^version=//p' metadata.txt)"
fi
if [ -z "$VERSION" ]; then
  echo "package: no version given and none found in metadata.txt" >&2
  exit 1
fi
META_VERSION="$(sed -n 's/^version=//p' metadata.txt)"
if [ "$VERSION" != "$META_VERSION" ]; then
  echo "package: version $VERSION differs from metadata.txt ($META_VERSION)" >&2
  exit 1
fi

qm_files=(i18n/*.qm)
if [ ! -e "${qm_files[0]}" ]; then
  echo "package: no compiled translations in i18n/*.qm (run 'make transcompile' first)" >&2
  exit 1
fi
for ts in i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -e "$qm" ] || [ "$ts" -nt "$qm" ]; then
    echo "package: $qm is missing or older than $ts (run 'make transcompile')" >&2
    exit 1
  fi
done

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
TARGET="$STAGE/$PLUGIN"
mkdir -p "$TARGET"

# the package and resources minus what .gitignore excludes (__pycache__, *.pyc, build output)
copy_tracked() {
  local source="$1" dest="$2"
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard -- "$source" | while IFS= read -r -d '' file; do
      [ -f "$file" ] || continue   # deleted in the working tree
      mkdir -p "$dest/$(dirname "$file")"
      cp -p "$file" "$dest/$file"
    done
  else
    cp -rp "$source" "$dest/$(dirname "$source")/"
  fi
}

# package contents go to the top of the plugin folder, not double_guarantee_plugin/double_guarantee_plugin
copy_tracked "$PLUGIN" "$STAGE/tree"
cp -rp "$STAGE/tree/$PLUGIN/." "$TARGET/"
copy_tracked resources "$TARGET"
rm -rf "$TARGET/resources/screenshots"
cp -p metadata.txt "$TARGET/metadata.txt"
mkdir -p "$TARGET/i18n"
cp -p i18n/*.qm "$TARGET/i18n/"
find "$TARGET" \( -name '__pycache__' -o -name '*.pyc' \) -prune -exec rm -rf {} +
rm -rf "$STAGE/tree"

# the icon named in metadata.txt must be inside the zip, or the plugin manager shows none
icon="$(sed -n 's/^icon=//p' metadata.txt)"
if [ -n "$icon" ] && [ ! -f "$TARGET/$icon" ]; then
  echo "package: metadata.txt names icon '$icon' but it is not in the package" >&2
  exit 1
fi

# DG_DIST_DIR lets the package test build into a scratch folder instead of dist/
DIST="${DG_DIST_DIR:-dist}"
mkdir -p "$DIST"
DIST="$(cd "$DIST" && pwd)"
ZIP="$DIST/${PLUGIN}-${VERSION}.zip"
rm -f "$ZIP"
(cd "$STAGE" && zip -q -r -X "$ZIP" "$PLUGIN")
count="$(unzip -Z1 "$ZIP" | grep -vc '/$')"
echo "package: $ZIP ($count files, $(du -h "$ZIP" | cut -f1))"
