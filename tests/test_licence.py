# SPDX-License-Identifier: GPL-2.0-or-later
"""The licence: LICENSE (GPL-2.0-or-later, as QGIS) at the top, and the SPDX line in every source file.

``scripts/spdx_headers.py --check`` is what fails here when a merge brought a file without the line;
``scripts/spdx_headers.py`` adds it.
"""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "spdx_headers.py"
LINE = "SPDX-License-Identifier: GPL-2.0-or-later"


def test_license_file_is_the_gpl_version_2():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text.splitlines()[0]
    assert "Version 2, June 1991" in text
    # "or (at your option) any later version": the terms the SPDX id -or-later refers to
    assert "any later version" in text


def test_every_source_file_states_the_licence():
    completed = subprocess.run([sys.executable, str(SCRIPT), "--check"], cwd=ROOT, capture_output=True, text=True)
    assert completed.returncode == 0, (
        "source files without the SPDX line (run: python3 scripts/spdx_headers.py):\n" + completed.stdout)


def _git(folder, *args):
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def test_the_script_adds_the_line_where_python_and_the_shell_need_it(tmp_path):
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, repo / "scripts" / "spdx_headers.py")
    files = {
        "plain.py": '"""Docstring first."""\nVALUE = 1\n',
        "empty.py": "",
        "shebang.py": "#!/usr/bin/env python3\nprint('x')\n",
        "coding.py": "#!/usr/bin/python3\n# -*- coding: utf-8 -*-\nprint('é')\n",
        "tool.sh": "#!/usr/bin/env bash\necho hi\n",
        "schema.sql": "CREATE TABLE t (id integer);\n",
        "Makefile": "all:\n\ttrue\n",
        "run": "#!/bin/sh\nexit 0\n",
        "crlf.py": "X = 1\r\nY = 2\r\n",
        "other.py": "# SPDX-License-Identifier: MIT\nX = 1\n",
        "tests/coord/data/fixture.py": "kept = 'byte for byte'\n",
        "notes.txt": "not a source file\n",
        "ignored.py": "X = 1\n",
    }
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    (repo / ".gitignore").write_text("ignored.py\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "plain.py", "empty.py", "Makefile")   # the others are new files: listed as well

    check = subprocess.run([sys.executable, "scripts/spdx_headers.py", "--check"], cwd=repo,
                           capture_output=True, text=True)
    assert check.returncode == 1
    assert "plain.py lacks" in check.stdout and "other.py states another licence" in check.stdout
    assert (repo / "plain.py").read_text(encoding="utf-8") == files["plain.py"], "--check changed a file"

    subprocess.run([sys.executable, "scripts/spdx_headers.py"], cwd=repo, check=False, capture_output=True)
    read = {name: (repo / name).read_bytes().decode("utf-8") for name in files}
    assert read["plain.py"] == f"# {LINE}\n" + files["plain.py"]
    assert read["empty.py"] == f"# {LINE}\n"
    assert read["shebang.py"].splitlines()[:2] == ["#!/usr/bin/env python3", f"# {LINE}"]
    # the encoding declaration stays on line 2, where Python looks for it
    assert read["coding.py"].splitlines()[:3] == ["#!/usr/bin/python3", "# -*- coding: utf-8 -*-", f"# {LINE}"]
    assert read["tool.sh"].splitlines()[:2] == ["#!/usr/bin/env bash", f"# {LINE}"]
    assert read["schema.sql"].splitlines()[0] == f"-- {LINE}"
    assert read["Makefile"].splitlines()[0] == f"# {LINE}"
    assert read["run"].splitlines()[:2] == ["#!/bin/sh", f"# {LINE}"]
    assert read["crlf.py"] == f"# {LINE}\r\n" + files["crlf.py"]
    for untouched in ("other.py", "tests/coord/data/fixture.py", "notes.txt", "ignored.py"):
        assert read[untouched] == files[untouched], untouched
    # the module docstring is still the module's docstring
    namespace = {}
    exec(compile(read["plain.py"], "plain.py", "exec"), namespace)
    assert namespace["__doc__"] == "Docstring first."

    # a second run changes nothing: the lead re-runs it after each merge
    before = {name: (repo / name).read_bytes() for name in files}
    again = subprocess.run([sys.executable, "scripts/spdx_headers.py"], cwd=repo, capture_output=True, text=True)
    assert "added the licence line to 0 file(s)" in again.stdout
    assert {name: (repo / name).read_bytes() for name in files} == before
