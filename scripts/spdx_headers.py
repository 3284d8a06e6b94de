#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Every source file of the repository states its licence in the short SPDX form; this adds what is missing.

    python3 scripts/spdx_headers.py           # add the line to every source file that lacks it
    python3 scripts/spdx_headers.py --check   # list the files without it; exit 1 if there are any

Source files are the Python, shell and SQL files, the Makefile and the scripts with a ``#!`` line that
git lists (tracked, or new and not ignored), except test data (``tests/**/data/``).  The line goes first,
or right after a ``#!`` line and a Python encoding declaration, which must stay on the first two lines.
Re-runnable: a file that has the line is left alone, so it can run again after every merge.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LICENCE = "GPL-2.0-or-later"
TAG = "SPDX-License-Identifier:"
COMMENT = {".py": "#", ".sh": "#", ".sql": "--", "Makefile": "#"}
# a declaration of the source encoding (PEP 263) must stay on line 1 or 2
ENCODING_LINE = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+")
HEAD_LINES = 5          # the line must be among the first lines


def listed_files(root=ROOT):
    """What git lists in ``root``: tracked files and new files that .gitignore does not exclude."""
    output = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=root, capture_output=True, check=True).stdout
    return sorted({name for name in output.decode("utf-8").split("\0") if name})


def comment_marker(root, name):
    """The comment marker of a source file, or None for a file that is no source file."""
    path = Path(name)
    if "tests" in path.parts and "data" in path.parts[path.parts.index("tests"):]:
        return None              # test data: fixtures read byte for byte
    if path.name in COMMENT:
        return COMMENT[path.name]
    if path.suffix in COMMENT:
        return COMMENT[path.suffix]
    if not path.suffix:
        try:
            with open(root / name, "rb") as handle:
                if handle.read(2) == b"#!":
                    return "#"
        except (FileNotFoundError, IsADirectoryError):
            return None
    return None


def source_files(root=ROOT):
    return [(name, marker) for name in listed_files(root)
            if (root / name).is_file() and (marker := comment_marker(root, name))]


def header(marker):
    return f"{marker} {TAG} {LICENCE}"


def has_header(text):
    """'ok' when the first lines state this licence, 'other' for another SPDX id, None when absent."""
    for line in text.splitlines()[:HEAD_LINES]:
        if TAG in line:
            return "ok" if line.split(TAG, 1)[1].strip() == LICENCE else "other"
    return None


def with_header(text, marker):
    """``text`` with the SPDX line inserted after a ``#!`` line and an encoding declaration."""
    lines = text.splitlines(keepends=True)
    position = 0
    if lines and lines[0].startswith("#!"):
        position = 1
    if marker == "#" and len(lines) > position and position < 2 and ENCODING_LINE.match(lines[position]):
        position += 1
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if position and not lines[position - 1].endswith(("\n", "\r")):
        lines[position - 1] += newline
    lines.insert(position, header(marker) + newline)
    return "".join(lines)


def run(root=ROOT, check=False, out=sys.stdout):
    """Add (or with ``check`` only list) missing headers; returns (missing, wrong) lists of paths."""
    missing, wrong = [], []
    for name, marker in source_files(root):
        path = root / name
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        state = has_header(text)
        if state == "ok":
            continue
        if state == "other":
            wrong.append(name)
            continue
        missing.append(name)
        if not check:
            # write bytes: keep the file's own line endings and mode
            path.write_bytes(with_header(text, marker).encode("utf-8"))
    verb = "lacks" if check else "given"
    for name in missing:
        print(f"spdx: {name} {verb} '{TAG} {LICENCE}'", file=out)
    for name in wrong:
        print(f"spdx: {name} states another licence; left alone", file=out)
    return missing, wrong


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list files without the line; exit 1 if any")
    args = parser.parse_args(argv)
    missing, wrong = run(check=args.check)
    if args.check:
        print(f"spdx: {len(missing)} source file(s) without the licence line, {len(wrong)} with another one")
        return 1 if missing or wrong else 0
    print(f"spdx: added the licence line to {len(missing)} file(s)")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
