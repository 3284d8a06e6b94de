#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The checks plugins.qgis.org applies to an uploaded zip, run here on ours before anyone uploads it.

    python3 scripts/plugin_repo_checks.py dist/double_guarantee_plugin-0.2.0.zip

From QGIS-Django's ``plugins/validator.py`` (what refuses an upload): size at most 25 MB; no path
information (``..``, absolute paths); no ``.pyc``; no ``__MACOSX``, ``.git`` or ``__pycache__``
folder; a zip that tests clean; one top folder whose name starts with an ASCII letter and holds only
letters, digits, ``-`` and ``_`` (and, for a new plugin, is PEP 8: lower case and underscores);
``__init__.py`` and ``metadata.txt`` in it; metadata.txt parsed by ``configparser`` (with its
``%`` interpolation) with a ``[general]`` section holding name, description, version,
qgisMinimumVersion, author, email, about, tracker and repository; the boolean flags readable; URLs
(tracker, repository, homepage) with a scheme and a host and not the template placeholders; an
author without ``/``; ``LICENSE`` in the top folder.  From its security scanner (reported on the
plugin's page): no Python file with the execute bit, no hidden files, no executables or scripts
(``.exe .dll .so .dylib .bat .sh .ps1 .cmd``).  What this cannot do offline: the validator also
asks each URL with an HTTP HEAD request and refuses a site that does not answer.

Besides, for QGIS itself: the icon named in metadata.txt is in the zip, and the version is the one
asked for.
"""
import configparser
import io
import os
import re
import sys
import zipfile
from urllib.parse import urlparse

MAX_UPLOAD_BYTES = 25_000_000
REQUIRED_METADATA = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about",
                     "tracker", "repository")
BOOLEAN_METADATA = ("experimental", "deprecated", "server")
FORBIDDEN_DIRS = ("__MACOSX", ".git", "__pycache__")
FORBIDDEN_URLS = {"tracker": "http://bugs", "repository": "http://repo", "homepage": "http://homepage"}
SUSPICIOUS_SUFFIXES = (".exe", ".dll", ".so", ".dylib", ".bat", ".sh", ".ps1", ".cmd")


def read_metadata(archive, package_name):
    """metadata.txt as the validator reads it: ConfigParser with interpolation, keys case-sensitive."""
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read_file(io.StringIO(archive.read(f"{package_name}/metadata.txt").decode("utf-8")))
    if not parser.has_section("general"):
        raise ValueError("metadata.txt has no [general] section")
    return dict(parser.items("general"))     # items() interpolates: a stray % raises here


def check_zip(path, version=None, new_plugin=True):
    """Problems plugins.qgis.org (or QGIS) would have with the zip at ``path``; [] when there are none.
    Returns (problems, metadata)."""
    problems = []
    size = os.path.getsize(path)
    if size > MAX_UPLOAD_BYTES:
        problems.append(f"the zip is {size / 1e6:.1f} MB; the plugin repository takes at most 25 MB")
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        return [f"not a zip file: {exc}"], {}
    with archive:
        names = archive.namelist()
        for name in names:
            if ".." in name or name.startswith(os.path.sep):
                problems.append(f"path information in the zip: {name}")
            if ".pyc" in name:
                problems.append(f"compiled Python in the zip: {name}")
            for forbidden in FORBIDDEN_DIRS:
                if forbidden in name.split("/"):
                    problems.append(f"a {forbidden} folder in the zip: {name}")
        bad = archive.testzip()
        if bad:
            problems.append(f"bad zip (CRC error) on {bad}")
        tops = sorted({name.split("/")[0] for name in names})
        if len(tops) != 1:
            problems.append(f"the zip has {len(tops)} top-level entries, not one plugin folder: {tops}")
        if not names or "/" not in names[0]:
            return problems + ["no folder inside the zip: not a valid plugin"], {}
        package_name = names[0][:names[0].index("/")]
        if not re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", package_name):
            problems.append(f"top folder {package_name!r}: ASCII letters, digits, '-' and '_' only")
        if new_plugin and not re.match(r"^[a-z_][a-z0-9_]*$", package_name):
            problems.append(f"top folder {package_name!r} is not PEP 8 (lower case with underscores)")
        for required in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{package_name}/{required}" not in names:
                problems.append(f"{package_name}/{required} is missing")
        metadata = {}
        if f"{package_name}/metadata.txt" in names:
            try:
                metadata = read_metadata(archive, package_name)
            except (configparser.Error, ValueError, UnicodeDecodeError) as exc:
                problems.append(f"metadata.txt cannot be parsed: {exc}")
        problems += check_metadata(metadata, archive, package_name, names, version) if metadata else []
        for info in archive.infolist():
            mode = info.external_attr >> 16
            base = info.filename.rsplit("/", 1)[-1]
            if info.filename.endswith(".py") and mode & 0o111:
                problems.append(f"a Python file with the execute bit: {info.filename}")
            if base.startswith(".") and base not in (".gitignore", ".gitattributes"):
                problems.append(f"a hidden file: {info.filename}")
            if info.filename.lower().endswith(SUSPICIOUS_SUFFIXES):
                problems.append(f"an executable or script file: {info.filename}")
    return problems, metadata


def check_metadata(metadata, archive, package_name, names, version):
    problems = [f"metadata.txt lacks {key}=" for key in REQUIRED_METADATA if not metadata.get(key, "").strip()]
    for key in BOOLEAN_METADATA:
        if key in metadata and metadata[key].strip().lower() not in ("true", "false", "1", "0", "yes", "no"):
            problems.append(f"metadata.txt: {key}={metadata[key]} is not a boolean")
    for key, placeholder in FORBIDDEN_URLS.items():
        url = metadata.get(key)
        if url is None and key == "homepage":
            continue
        parsed = urlparse(url or "")
        if url == placeholder or not (parsed.scheme and parsed.netloc):
            problems.append(f"metadata.txt: {key}={url} is not a valid URL")
    if "/" in metadata.get("author", ""):
        problems.append("metadata.txt: the author contains a slash")
    icon = metadata.get("icon", "")
    icon = icon[2:] if icon.startswith("./") else icon
    if icon and f"{package_name}/{icon}" not in names:
        problems.append(f"metadata.txt names the icon {icon}, which is not in the zip")
    if version and metadata.get("version") != version:
        problems.append(f"metadata.txt says version={metadata.get('version')}, expected {version}")
    minimum = metadata.get("qgisMinimumVersion", "")
    if minimum and not re.match(r"^\d+\.\d+(\.\d+)?$", minimum):
        problems.append(f"metadata.txt: qgisMinimumVersion={minimum} is not a version")
    return problems


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(__doc__.splitlines()[2].strip())
        return 2
    failed = 0
    for path in argv:
        problems, _metadata = check_zip(path)
        for problem in problems:
            print(f"{path}: {problem}")
        print(f"{path}: {'passes' if not problems else 'FAILS'} the plugin repository's checks")
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
