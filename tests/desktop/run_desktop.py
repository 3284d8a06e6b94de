# SPDX-License-Identifier: GPL-2.0-or-later
"""``make test-desktop``: the plugin from its zip in the real QGIS desktop at 1366×768, once per locale.

For each locale (QGIS's own spelling, as its options store it: zh-Hans, zh_CN, en_US) this makes a
fresh profile (``--profiles-path``) with the plugin unzipped from ``dist/`` and enabled, the locale set
in the profile's QGIS3.ini, and a private copy of the demo county (``demo_output/demo_county.qgz`` and
the data it names), then starts ``qgis`` under Xvfb with ``driver.py`` as ``--code``.  The driver
walks the scenario with real input events and writes a JSON result; this script prints every step,
the screenshot folder, and exits non-zero when a step failed, QGIS logged a critical message or a
run did not finish in time.

    .venv/bin/python tests/desktop/run_desktop.py [--locale zh-Hans ...] [--out DIR] [--keep]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PLUGIN = "double_guarantee_plugin"
LOCALES = ("zh-Hans", "zh_CN", "en_US")
SCREEN = "1366x768x24"
RUN_TIMEOUT_S = 150


def version():
    return re.search(r"^version=(.+)$", (ROOT / "metadata.txt").read_text(encoding="utf-8"), re.M).group(1).strip()


def make_profile(folder, zip_path, locale):
    """A fresh QGIS profile with the plugin installed from the zip and enabled, and QGIS's locale set."""
    profile = folder / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    (profile / "QGIS").mkdir()
    # what QGIS's Settings ▸ Options ▸ General ▸ Locale writes, plus what a first start would ask
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[locale]\n"
        f"userLocale={locale}\n"
        "overrideFlag=true\n\n"
        "[PythonPlugins]\n"
        f"{PLUGIN}=true\n\n"
        "[plugin-manager]\n"
        "automatically-check-for-updates=false\n\n"
        "[core]\n"
        "NewsFeed\\httpsfeedqgisorg\\disabled=true\n", encoding="utf-8")
    return folder


def copy_demo(folder):
    """The demo QGIS project and its data, copied so that the run cannot change the demo."""
    data, output = folder / "demo_data", folder / "demo_output"
    data.mkdir(parents=True)
    output.mkdir(parents=True)
    for name in ("demo_county.gpkg", "demo_projects.gpkg"):
        shutil.copy(ROOT / "demo_data" / name, data / name)
    # the county's reserve ledger with its history (make demo's), where the dock finds it: beside the database
    shutil.copy(ROOT / "demo_output" / "demo_projects_ledger.gpkg", data / "demo_projects_ledger.gpkg")
    source = ROOT / "demo_output" / "demo_county.qgz"
    target = output / "demo_county.qgz"
    # the project names its data relative to itself, except the dock's entry (an absolute path)
    with zipfile.ZipFile(source) as archive_in, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive_out:
        for item in archive_in.infolist():
            content = archive_in.read(item.filename)
            if item.filename.endswith(".qgs"):
                content = content.decode("utf-8").replace(str(ROOT / "demo_data"), str(data)).encode("utf-8")
            archive_out.writestr(item, content)
    return target


def run_locale(locale, zip_path, out, scenario="scenario"):
    folder = out / locale
    folder.mkdir(parents=True)
    make_profile(folder / "profile", zip_path, locale)
    # the harness's self-check needs no county: QGIS starts empty
    project = copy_demo(folder / "work") if scenario == "scenario" else None
    shots = folder / "screenshots"
    result = folder / "result.json"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)       # a real X display, not offscreen
    env.update(DG_DESKTOP_HERE=str(HERE), DG_DESKTOP_OUT=str(shots), DG_DESKTOP_RESULT=str(result),
               DG_DESKTOP_LOCALE=locale, DG_DESKTOP_WORK=str(folder / "work"), DG_DESKTOP_SCENARIO=scenario,
               DG_DESKTOP_TIMEOUT=str(RUN_TIMEOUT_S - 20))
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", "qgis", "--nologo", "--noversioncheck",
               "--profiles-path", str(folder / "profile"), "--code", str(HERE / "driver.py")]
    if project is not None:
        command.append(str(project))
    started = time.monotonic()
    with open(folder / "qgis_output.txt", "w", encoding="utf-8") as log:
        try:
            completed = subprocess.run(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                       timeout=RUN_TIMEOUT_S, check=False)
            code = completed.returncode
        except subprocess.TimeoutExpired:
            code = "timeout"
    seconds = time.monotonic() - started
    if not result.exists():
        return {"ok": False, "steps": [], "error": f"QGIS ended ({code}) without a result; see "
                                                   f"{folder / 'qgis_output.txt'}", "seconds": seconds}
    report = json.loads(result.read_text(encoding="utf-8"))
    report["seconds"] = seconds
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locale", action="append", help="QGIS locale (repeatable); default: " + ", ".join(LOCALES))
    parser.add_argument("--out", help="folder for profiles, copies, screenshots and results")
    parser.add_argument("--zip", help="the plugin zip (default: dist/ of make package)")
    parser.add_argument("--scenario", default="scenario", help="scenario module (selfcheck: a run that must fail)")
    args = parser.parse_args(argv)
    zip_path = Path(args.zip) if args.zip else ROOT / "dist" / f"{PLUGIN}-{version()}.zip"
    if not zip_path.exists():
        sys.exit(f"test-desktop: {zip_path} is missing (run make package)")
    if args.scenario == "scenario" and not (ROOT / "demo_output" / "demo_county.qgz").exists():
        sys.exit("test-desktop: demo_output/demo_county.qgz is missing (run make demo)")
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="dg_desktop_"))
    if out.exists() and any(out.iterdir()):
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    failures = 0
    for locale in args.locale or LOCALES:
        report = run_locale(locale, zip_path, out, args.scenario)
        print(f"== {locale}: {'ok' if report['ok'] else 'FAILED'} in {report['seconds']:.0f} s")
        for step in report.get("steps", []):
            mark = "ok  " if step["ok"] else "FAIL"
            print(f"   {mark} {step['step']:<28} {step['seconds']:6.1f} s" + ("" if step["ok"] else f"  {step['error']}"))
            if not step["ok"]:
                print("      " + step.get("traceback", "").replace("\n", "\n      "))
        for line in report.get("log_problems", []):
            print(f"   QGIS log: {line}")
        if report.get("error"):
            print(f"   {report['error']}")
        failures += not report["ok"]
    total = time.monotonic() - started
    print(f"test-desktop: screenshots in {out}/<locale>/screenshots")
    print(f"test-desktop: {len(args.locale or LOCALES) - failures} of {len(args.locale or LOCALES)} locales passed "
          f"in {total:.0f} s (limit 300 s)")
    if total > 300:
        print("test-desktop: FAILED: slower than 5 minutes in all")
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
