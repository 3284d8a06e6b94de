# SPDX-License-Identifier: GPL-2.0-or-later
"""Every user-facing string of the ledger's GUI and algorithms has a Chinese translation in i18n/zh_CN/ledger.json."""
import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "double_guarantee_plugin"
LEDGER_FILES = (sorted((PACKAGE / "gui" / "dialogs").glob("ledger_*.py"))
                + [PACKAGE / "gui" / "dialogs" / "deposit.py", PACKAGE / "gui" / "docks" / "ledger_dock.py",
                   PACKAGE / "processing" / "algorithms" / "ledger_report.py",
                   PACKAGE / "processing" / "algorithms" / "ledger_writeoff.py"])


def tr_literals(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                and isinstance(node.args[0], ast.Constant)):
            yield node.args[0].value


def test_every_ledger_string_has_a_chinese_translation_with_the_same_placeholders():
    # ledger.json, and the glossaries of parts that added strings to the ledger's GUI (ui_polish.json)
    glossary = {key: value for path in sorted((ROOT / "i18n" / "zh_CN").glob("*.json"))
                for key, value in json.loads(path.read_text(encoding="utf-8")).items()}
    missing, broken = [], []
    for path in LEDGER_FILES:
        for text in tr_literals(path):
            if text not in glossary:
                missing.append(f"{path.name}: {text}")
            elif glossary[text].count("{") != text.count("{"):
                broken.append(text)
    assert sum(1 for path in LEDGER_FILES for _ in tr_literals(path)) > 100
    assert missing == [] and broken == []
