#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""``make package``: the plugin zip ``dist/double_guarantee_plugin-<version>.zip``, built by qgis-plugin-ci.

    .venv/bin/python scripts/package.py [--ref REF] [--dist DIR]

qgis-plugin-ci packages a plugin folder from git (``git archive`` of a commit, with ``metadata.txt``
inside the folder).  This repository keeps ``metadata.txt``, ``resources/`` and ``i18n/`` beside the
Python package, so this script lays the plugin out as the zip holds it in a scratch git repository
and runs ``qgis-plugin-ci package <version>`` there, with the configuration ``.qgis-plugin-ci`` and
``CHANGELOG.md``, which gives ``metadata.txt`` its changelog and the folder its ``LICENSE``.

What is packaged:
  * by default the working tree as git lists it: tracked files as they are now, uncommitted edits
    included, and new files that .gitignore does not exclude (the script says which files differ
    from HEAD); a fresh clone is its HEAD;
  * with ``--ref REF`` (``make package REF=v0.3.0``) exactly that commit, whatever the working tree.
Build products are added to the package by qgis-plugin-ci as assets: the compiled translations
``i18n/*.qm`` (``make transcompile``) and the user manual ``resources/help/`` (``make docs``).
``resources/screenshots/`` (the README's pictures) stays out.  The zip must then pass the plugin
repository's checks (scripts/plugin_repo_checks.py) or no zip is left in ``dist/``.
Nothing here uses the network: it works offline once ``make setup`` has installed qgis-plugin-ci.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import plugin_repo_checks  # noqa: E402

PLUGIN = "double_guarantee_plugin"
# repository path → where it goes in the scratch repository (the zip's layout)
LAYOUT = ((f"{PLUGIN}/", f"{PLUGIN}/"), ("resources/", f"{PLUGIN}/resources/"), ("metadata.txt", f"{PLUGIN}/metadata.txt"),
          ("LICENSE", "LICENSE"), ("CHANGELOG.md", "CHANGELOG.md"), (".qgis-plugin-ci", ".qgis-plugin-ci"))
LEFT_OUT = ("resources/screenshots/", "resources/help/")    # README pictures; the manual comes built, as an asset
BUILT_HELP = ROOT / "resources" / "help"
IDENTITY = {"GIT_AUTHOR_NAME": "make package", "GIT_AUTHOR_EMAIL": "package@localhost",
            "GIT_COMMITTER_NAME": "make package", "GIT_COMMITTER_EMAIL": "package@localhost"}


class PackageError(Exception):
    pass


def git(*args, cwd=ROOT, env=None):
    completed = subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=env)
    if completed.returncode != 0:
        raise PackageError(f"git {' '.join(args)}: {completed.stderr.decode('utf-8', 'replace').strip()}")
    return completed.stdout


def is_git_checkout():
    return subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=ROOT,
                          capture_output=True).returncode == 0


def staged_name(path):
    """Where repository file ``path`` goes in the plugin layout, or None if it is not packaged."""
    if path.startswith(LEFT_OUT) or "__pycache__" in path.split("/") or path.endswith((".pyc", ".pyo")):
        return None
    for source, target in LAYOUT:
        if path == source or (source.endswith("/") and path.startswith(source)):
            return target + path[len(source):]
    return None


def source_files(ref):
    """{repository path: bytes reader} of what is packaged, and a sentence saying what that is."""
    if ref:
        commit = git("rev-parse", "--verify", f"{ref}^{{commit}}").decode().strip()
        names = git("ls-tree", "-r", "-z", "--name-only", commit).decode("utf-8").split("\0")
        files = {n: (lambda n=n: git("show", f"{commit}:{n}")) for n in names if n and staged_name(n)}
        return files, f"commit {commit[:12]} ({ref})"
    if not is_git_checkout():
        files = {}
        for folder, dirs, file_names in os.walk(ROOT):
            dirs[:] = [d for d in dirs if d not in (".git", "__pycache__", ".venv")]
            for file_name in file_names:
                name = (Path(folder) / file_name).relative_to(ROOT).as_posix()
                if staged_name(name):
                    files[name] = (lambda p=ROOT / name: p.read_bytes())
        return files, f"the folder {ROOT} (not a git checkout)"
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard").decode("utf-8").split("\0")
    files = {n: (lambda p=ROOT / n: p.read_bytes()) for n in listed
             if n and staged_name(n) and (ROOT / n).is_file()}
    head = git("rev-parse", "--short=12", "HEAD").decode().strip()
    changed = [line[3:] for line in git("-c", "core.quotePath=false", "status", "--porcelain",
                                        "--untracked-files=all").decode("utf-8").splitlines()
               if staged_name(line[3:].split(" -> ")[-1])]
    if not changed:
        return files, f"the working tree, unchanged since commit {head}"
    shown = ", ".join(changed[:8]) + (f" and {len(changed) - 8} more" if len(changed) > 8 else "")
    return files, (f"the working tree at commit {head} WITH {len(changed)} uncommitted change(s) "
                   f"(use --ref HEAD for the commit alone): {shown}")


def version_of(metadata_text):
    found = re.search(r"^version=(.+)$", metadata_text, re.M)
    if not found:
        raise PackageError("metadata.txt has no version= line")
    return found.group(1).strip()


def check_build_products():
    """The compiled translations and the built manual exist and are not older than their sources."""
    ts_files = sorted((ROOT / "i18n").glob("*.ts"))
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            raise PackageError(f"{qm.relative_to(ROOT)} is missing or older than {ts.name} (run make transcompile)")
    if not ts_files:
        raise PackageError("no translations in i18n/*.ts")
    if not (BUILT_HELP / "index.html").exists():
        raise PackageError("the user manual is not built: resources/help/index.html is missing (run make docs)")


def stage(files, folder):
    for name, read in files.items():
        target = folder / staged_name(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(read())
    # build products: next to the committed files, given to qgis-plugin-ci as assets
    i18n = folder / PLUGIN / "i18n"
    i18n.mkdir(parents=True, exist_ok=True)
    for qm in sorted((ROOT / "i18n").glob("*.qm")):
        shutil.copy2(qm, i18n / qm.name)
    shutil.copytree(BUILT_HELP, folder / PLUGIN / "resources" / "help")
    for path in folder.rglob("*"):
        if path.is_file():
            # a plugin has no executables: the plugin repository flags Python files with the execute bit
            path.chmod(0o644)
    return [f"{PLUGIN}/i18n", f"{PLUGIN}/resources/help"]


def build(ref=None, dist=None, out=sys.stdout):
    files, what = source_files(ref)
    if "metadata.txt" not in files:
        raise PackageError("metadata.txt is not among the packaged files")
    version = version_of(files["metadata.txt"]().decode("utf-8"))
    check_build_products()
    dist = Path(dist or os.environ.get("DG_DIST_DIR") or ROOT / "dist").resolve()
    dist.mkdir(parents=True, exist_ok=True)
    zip_path = dist / f"{PLUGIN}-{version}.zip"
    if zip_path.exists():
        zip_path.unlink()
    print(f"package: {PLUGIN} {version} from {what}", file=out)
    with tempfile.TemporaryDirectory(prefix="dg_package_") as scratch:
        folder = Path(scratch) / "plugin"
        folder.mkdir()
        assets = stage(files, folder)
        env = dict(os.environ, **IDENTITY)
        env.pop("GIT_DIR", None)
        env.pop("GIT_WORK_TREE", None)
        git("init", "-q", cwd=folder, env=env)
        # the assets are build products: qgis-plugin-ci adds them to the archive, they are not committed
        (folder / ".git" / "info" / "exclude").write_text("\n".join(assets) + "\n", encoding="utf-8")
        git("add", "-A", cwd=folder, env=env)
        git("-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-m", f"{PLUGIN} {version}: {what}",
            cwd=folder, env=env)
        command = [sys.executable, "-m", "qgispluginci", "package", version]
        for asset in assets:
            command += ["--asset-path", asset]
        completed = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
        built = folder / f"{PLUGIN}.{version}.zip"
        if completed.returncode != 0 or not built.exists():
            raise PackageError(f"qgis-plugin-ci package failed ({completed.returncode}):\n"
                               f"{completed.stdout}{completed.stderr}")
        shutil.move(str(built), zip_path)
    problems, metadata = plugin_repo_checks.check_zip(zip_path, version=version)
    if "Version " + version not in metadata.get("changelog", ""):
        problems.append(f"the zip's metadata.txt has no changelog for {version} (CHANGELOG.md needs a "
                        f"'## [{version}] - YYYY-MM-DD' section)")
    if problems:
        zip_path.unlink()
        raise PackageError("the zip fails the plugin repository's checks:\n  " + "\n  ".join(problems))
    import zipfile
    with zipfile.ZipFile(zip_path) as archive:
        count = len([n for n in archive.namelist() if not n.endswith("/")])
    print(f"package: {zip_path} ({count} files, {zip_path.stat().st_size / 1e6:.1f} MB); "
          f"passes the plugin repository's checks", file=out)
    return zip_path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", help="package this commit (tag, branch, sha) instead of the working tree")
    parser.add_argument("--dist", help="output folder (default dist/, or $DG_DIST_DIR)")
    args = parser.parse_args(argv)
    try:
        build(args.ref, args.dist)
    except PackageError as exc:
        print(f"package: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
