# SPDX-License-Identifier: GPL-2.0-or-later
"""The security scans plugins.qgis.org runs on an uploaded plugin, run on the repository by ``make test``.

* bandit over the plugin package (what the zip ships): no finding of any severity left unexplained —
  an accepted one is marked ``# nosec B<id>`` on its line *with the reason after it* (a blanket
  ``# nosec`` or one without a reason fails); bandit over scripts/, bench/ and tests/ (never shipped):
  no high-severity finding.
* detect-secrets over every file git lists: no credential.  A string that only looks like one (a
  settings key's name, the made-up password of a test) is marked ``# pragma: allowlist secret``
  followed by the reason.  The test PostgreSQL clusters (scripts/pg_cluster.py) trust local logins;
  the passwords the tests write are invented to prove they are never stored.
* flake8-qgis runs in tests/test_qt6_readiness.py (issue 13).

The same scans of the built zip, as the plugin repository runs them, are in tests/test_package.py.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "double_guarantee_plugin"
BIN = Path(sys.executable).parent
NOSEC = re.compile(r"#\s*nosec\b(?P<rest>.*)$")
ALLOWLIST = re.compile(r"#[ \t]*pragma: ?allowlist[ -]secret(?P<rest>.*)$")   # the comment detect-secrets honours


def bandit(*paths, extra=()):
    completed = subprocess.run([str(BIN / "bandit"), "-r", *paths, "-f", "json", "-q", *extra], cwd=ROOT,
                               capture_output=True, text=True, timeout=600)
    assert completed.stdout.strip(), completed.stderr[-2000:]
    report = json.loads(completed.stdout)
    assert not report["errors"], report["errors"]
    return report


def listed_files():
    output = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode("utf-8")
    return [name for name in output.split("\0") if name and (ROOT / name).is_file()]


def _describe(results):
    return "\n".join(f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_severity']}: {r['issue_text']}"
                     for r in results)


def test_bandit_finds_nothing_unexplained_in_the_plugin():
    report = bandit(PACKAGE)
    assert report["results"] == [], "bandit findings in the plugin (fix, or mark '# nosec B<id>  # reason'):\n" + \
        _describe(report["results"])
    assert report["metrics"]["_totals"]["loc"] > 10000, "bandit read (almost) nothing"


def test_every_nosec_names_its_test_and_gives_a_reason():
    unexplained = []
    count = 0
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = NOSEC.search(line)
            if not found:
                continue
            count += 1
            rest = found.group("rest")
            ids = re.match(r"[:\s]*((?:B\d{3}[,\s]*)+)", rest)
            reason = rest[ids.end():] if ids else ""
            # the reason follows the ids, or stands in the line's own noqa comment before them
            reason_words = re.findall(r"[A-Za-z]{3,}", reason + " " + line[:found.start()].split("# noqa", 1)[-1]
                                      if "# noqa" in line else reason)
            if not ids or len(reason_words) < 3:
                unexplained.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert unexplained == [], "'# nosec' without a test id or a reason:\n" + "\n".join(unexplained)
    assert count >= 1


def test_bandit_finds_no_high_severity_issue_in_the_tools_and_tests():
    report = bandit("scripts", "bench", "tests", extra=("--severity-level", "high"))
    assert report["results"] == [], _describe(report["results"])


def test_detect_secrets_finds_no_credential_in_the_tree():
    files = listed_files()
    assert len(files) > 200
    completed = subprocess.run([str(BIN / "detect-secrets"), "scan", *files], cwd=ROOT, capture_output=True,
                               text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr[-2000:]
    results = json.loads(completed.stdout)["results"]
    found = [f"{name}:{item['line_number']} {item['type']}" for name, items in results.items() for item in items]
    assert found == [], "possible credentials (remove, or mark '# pragma: allowlist secret - reason'):\n" + \
        "\n".join(found)


def test_every_secret_allowlisting_gives_a_reason():
    unexplained = []
    for name in listed_files():
        if name == "tests/test_security_scans.py" or not name.endswith((".py", ".sh", ".sql", ".txt", ".ini")):
            continue
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            found = ALLOWLIST.search(line)
            if found and len(re.findall(r"[A-Za-z]{3,}", found.group("rest"))) < 2:
                unexplained.append(f"{name}:{number}: {line.strip()}")
    assert unexplained == [], "allowlisted secrets without a reason:\n" + "\n".join(unexplained)
