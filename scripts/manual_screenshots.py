#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""``make manual-screenshots``: the user manual's pictures, taken by the desktop test in the real QGIS.

    .venv/bin/python scripts/manual_screenshots.py [--out DIR] [--keep-going]

1. builds the manual (pictures not taken yet left out) and the plugin zip (``scripts/package.py``);
2. runs the desktop test (``tests/desktop/run_desktop.py --scenario manual_scenario``: real QGIS under
   Xvfb at 1366×768, the plugin from the zip, real input events) once per manual language, with
   QGIS's locale from ``docs/manual/screenshots.json`` (zh-Hans for zh_CN, en_US for en);
3. copies the screenshots ``screenshots.json`` names into ``docs/manual/<language>/images/``, and
   renders the meeting sheet the test exported (first PDF page, pdftoppm) for ``kind: sheet``;
4. builds the manual again, with every picture.
A failed desktop run stops here and changes no picture.  Commit the pictures with the change that
altered what they show.
"""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANUAL = ROOT / "docs" / "manual"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_docs  # noqa: E402
import package  # noqa: E402


def shot_file(folder, name):
    """The harness numbers its screenshots (``07_accept_confirmation.png``): the first one of ``name``."""
    found = sorted(path for path in folder.glob(f"*_{name}.png")
                   if path.stem.split("_", 1)[1] == name and not path.stem.split("_", 1)[1].startswith("FAILED"))
    return found[0] if found else None


def render_sheet(pdf, target):
    with tempfile.TemporaryDirectory() as scratch:
        stem = Path(scratch) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                       check=True)
        shutil.copy(f"{stem}.png", target)


def collect(out, manifest):
    """{language: {picture: source file}} from the run in ``out``; raises when one is missing."""
    chosen, missing = {}, []
    for language, locale in manifest["locales"].items():
        chosen[language] = {}
        for picture, source in manifest["pictures"].items():
            if source.get("kind", "screen") == "sheet":
                path = out / locale / source["file"]
            else:
                path = shot_file(out / locale / "screenshots", source["shot"])
            if path is None or not path.is_file():
                missing.append(f"{locale}: {picture} ({source})")
            else:
                chosen[language][picture] = (path, source.get("kind", "screen"))
    if missing:
        raise SystemExit("manual-screenshots: the desktop run left no picture for:\n  " + "\n  ".join(missing))
    return chosen


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the desktop runs (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="take the pictures from an earlier run in --out")
    args = parser.parse_args(argv)
    manifest = json.loads((MANUAL / "screenshots.json").read_text(encoding="utf-8"))
    out = args.out or Path(tempfile.mkdtemp(prefix="dg_manual_shots_"))
    if not args.reuse:
        build_docs.build(missing_pictures_ok=True)
        zip_path = package.build()
        command = [sys.executable, str(ROOT / "tests" / "desktop" / "run_desktop.py"), "--scenario", "manual_scenario",
                   "--zip", str(zip_path), "--out", str(out)]
        for locale in manifest["locales"].values():
            command += ["--locale", locale]
        if subprocess.run(command, cwd=ROOT).returncode != 0:
            raise SystemExit(f"manual-screenshots: the desktop run failed (see {out}); no picture changed")
    chosen = collect(out, manifest)
    for language, pictures in chosen.items():
        folder = MANUAL / language / "images"
        folder.mkdir(parents=True, exist_ok=True)
        for picture, (path, kind) in pictures.items():
            if kind == "sheet":
                render_sheet(path, folder / picture)
            else:
                shutil.copy(path, folder / picture)
        print(f"manual-screenshots: {len(pictures)} pictures into {folder.relative_to(ROOT)}")
    count = build_docs.build()
    print(f"manual-screenshots: manual rebuilt ({count} pages); runs kept in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
