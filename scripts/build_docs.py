#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""``make docs``: the user manual (``docs/manual/<language>/*.md``) as HTML pages inside the plugin.

    .venv/bin/python scripts/build_docs.py [--out DIR]

Writes ``resources/help/<language>/<page>.html`` with the pictures each page shows (copied from
``docs/manual/<language>/images/``, where ``make manual-screenshots`` puts the desktop test's
screenshots), ``resources/help/style.css`` and ``resources/help/index.html`` (the choice of
language).  The plugin's 帮助 actions open these pages (``double_guarantee_plugin/gui/help.py``).

Authoring (docs/manual/README.md): one Markdown file per page and language, the pages listed in
``docs/manual/manual.json``; ``[[name]]`` names a button, menu entry, tab or title on the plugin's
docks, menu or toolbar and ``{{name}}`` one inside a dialog the plugin opens — both are checked
against the plugin (tests/test_manual.py) and shown as interface names.  Links between pages are
written to the ``.md`` files.  A page that names a missing picture or page stops the build.
"""
import argparse
import html
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANUAL = ROOT / "docs" / "manual"
OUT = ROOT / "resources" / "help"
UI_NAME = re.compile(r"\[\[([^\[\]]+)\]\]")       # on a dock, the menu or the toolbar
DIALOG_NAME = re.compile(r"\{\{([^{}]+)\}\}")     # inside a dialog the plugin opens
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")

STYLE = """\
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; line-height: 1.6;
       max-width: 60em; margin: 0 auto; padding: 0 1.5em 3em; color: #222; }
header, nav.pages { border-bottom: 1px solid #ccc; padding: 0.6em 0; }
header { display: flex; justify-content: space-between; align-items: baseline; }
nav.pages { display: flex; justify-content: space-between; border-bottom: none; border-top: 1px solid #ccc;
            margin-top: 2em; }
a { color: #1b5e20; }
h1 { color: #1b5e20; }
img { max-width: 100%; border: 1px solid #bbb; box-shadow: 0 1px 4px rgba(0,0,0,0.15); }
figure { margin: 1em 0; }
span.ui { font-weight: bold; background: #eef5ee; border: 1px solid #c8dcc8; border-radius: 3px; padding: 0 0.25em;
          white-space: nowrap; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2em 0.6em; }
code { background: #f4f4f4; padding: 0 0.2em; }
.note { background: #fff8e1; border-left: 4px solid #f9a825; padding: 0.4em 0.8em; }
footer { color: #777; font-size: 0.85em; margin-top: 2em; }
"""


class DocsError(Exception):
    pass


def load_manual(manual=MANUAL):
    return json.loads((manual / "manual.json").read_text(encoding="utf-8"))


def page_source(language, page, manual=MANUAL):
    return (manual / language / f"{page}.md").read_text(encoding="utf-8")


def ui_names(text):
    """The names ``[[…]]`` of the plugin's docks, menu and toolbar that a page uses."""
    return UI_NAME.findall(text)


def dialog_names(text):
    return DIALOG_NAME.findall(text)


def image_refs(text):
    return IMAGE.findall(text)


def page_links(text):
    return [target[:-3] for target, _anchor in LINK.findall(text)]


def title_of(text, page):
    for line in text.splitlines():
        if line.startswith("# "):
            return UI_NAME.sub(r"\1", DIALOG_NAME.sub(r"\1", line[2:].strip()))
    raise DocsError(f"page {page} has no '# ' title line")


def problems(manual=MANUAL, pictures=True):
    """What is wrong with the sources: missing pages, pictures (unless ``pictures`` is False) or link targets."""
    found = []
    spec = load_manual(manual)
    for language in spec["languages"]:
        for page in spec["pages"]:
            path = manual / language / f"{page}.md"
            if not path.exists():
                found.append(f"{path.relative_to(manual)} is missing")
                continue
            text = path.read_text(encoding="utf-8")
            for image in image_refs(text) if pictures else ():
                if not (path.parent / image).is_file():
                    found.append(f"{path.relative_to(manual)} shows {image}, which is missing")
            for target in page_links(text):
                if target not in spec["pages"]:
                    found.append(f"{path.relative_to(manual)} links to {target}.md, which is not a page")
    return found


def to_html(text):
    import markdown
    marked = UI_NAME.sub(lambda m: f'<span class="ui">{html.escape(m.group(1))}</span>', text)
    marked = DIALOG_NAME.sub(lambda m: f'<span class="ui">{html.escape(m.group(1))}</span>', marked)
    body = markdown.markdown(marked, extensions=["tables", "sane_lists", "attr_list", "toc"], output_format="html")
    return re.sub(r'href="([A-Za-z0-9_]+)\.md(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"',
                  body)


def render_page(spec, language, page, text, version):
    pages = spec["pages"]
    index = pages.index(page)
    other = [lang for lang in spec["languages"] if lang != language]
    switch = " · ".join(f'<a href="../{lang}/{page}.html" hreflang="{lang}">{spec["language_names"][lang]}</a>'
                        for lang in other)
    words = {"zh_CN": ("目录", "上一页", "下一页", "版本"), "en": ("Contents", "Previous", "Next", "version")}
    contents, previous, following, version_word = words.get(language, words["en"])
    nav = []
    nav.append(f'<a href="{pages[index - 1]}.html">← {previous}</a>' if index > 0 else "<span></span>")
    nav.append(f'<a href="index.html">{contents}</a>')
    nav.append(f'<a href="{pages[index + 1]}.html">{following} →</a>' if index + 1 < len(pages) else "<span></span>")
    lang_attr = "zh-Hans" if language.startswith("zh") else language
    return (f'<!DOCTYPE html>\n<html lang="{lang_attr}">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{html.escape(title_of(text, page))} — {html.escape(spec["title"][language])}</title>\n'
            f'<link rel="stylesheet" href="../style.css">\n</head>\n<body>\n'
            f'<header><a href="index.html">{html.escape(spec["title"][language])}</a><span>{switch}</span></header>\n'
            f'<main>\n{to_html(text)}\n</main>\n<nav class="pages">{"".join(nav)}</nav>\n'
            f'<footer>{html.escape(spec["title"][language])} · {version_word} {html.escape(version)}</footer>\n'
            f'</body>\n</html>\n')


def landing_page(spec):
    links = "\n".join(f'<li><a href="{lang}/index.html" hreflang="{lang}">{html.escape(spec["title"][lang])}</a></li>'
                      for lang in spec["languages"])
    return ('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>双保 Double Guarantee</title>\n'
            '<link rel="stylesheet" href="style.css">\n</head>\n<body>\n<h1>双保 Double Guarantee</h1>\n'
            f'<ul>\n{links}\n</ul>\n</body>\n</html>\n')


def version():
    found = re.search(r"^version=(.+)$", (ROOT / "metadata.txt").read_text(encoding="utf-8"), re.M)
    return found.group(1).strip() if found else "?"


def build(out=OUT, manual=MANUAL, missing_pictures_ok=False):
    """Write the manual into ``out``; ``missing_pictures_ok`` only for the run that takes the pictures."""
    found = problems(manual, pictures=not missing_pictures_ok)
    if found:
        raise DocsError("the manual's sources are incomplete:\n  " + "\n  ".join(found))
    spec = load_manual(manual)
    if out.exists():
        shutil.rmtree(out)        # nothing stale: a picture no page shows any more is not shipped
    out.mkdir(parents=True)
    (out / "style.css").write_text(STYLE, encoding="utf-8")
    (out / "index.html").write_text(landing_page(spec), encoding="utf-8")
    written = 0
    for language in spec["languages"]:
        folder = out / language
        folder.mkdir()
        for page in spec["pages"]:
            text = page_source(language, page, manual)
            (folder / f"{page}.html").write_text(render_page(spec, language, page, text, version()), encoding="utf-8")
            written += 1
            for image in image_refs(text):
                if missing_pictures_ok and not (manual / language / image).is_file():
                    continue
                target = folder / image
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(manual / language / image, target)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--missing-pictures-ok", action="store_true",
                        help="build without the pictures not taken yet (make manual-screenshots only)")
    args = parser.parse_args(argv)
    try:
        count = build(args.out, missing_pictures_ok=args.missing_pictures_ok)
    except DocsError as exc:
        print(f"docs: {exc}", file=sys.stderr)
        return 1
    size = sum(path.stat().st_size for path in args.out.rglob("*") if path.is_file())
    print(f"docs: {count} pages in {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
