# SPDX-License-Identifier: GPL-2.0-or-later
"""Every user-facing string of the ledger (GUI, algorithms, core refusals) has a Chinese translation in i18n/zh_CN/."""
import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "double_guarantee_plugin"
LEDGER_FILES = (sorted((PACKAGE / "gui" / "dialogs").glob("ledger_*.py"))
                + [PACKAGE / "gui" / "dialogs" / "deposit.py", PACKAGE / "gui" / "docks" / "ledger_dock.py",
                   PACKAGE / "processing" / "algorithms" / "ledger_report.py",
                   PACKAGE / "processing" / "algorithms" / "ledger_writeoff.py"]
                + sorted((PACKAGE / "core" / "ledger").glob("*.py")))
LEDGER_ERRORS = {"LedgerError", "LedgerInputError", "RuleRefused", "DuplicateError", "LedgerPermissionError",
                 "LedgerStorageError", "LedgerIntegrityError", "ShortfallError"}


def tr_literals(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                and isinstance(node.args[0], ast.Constant)):
            yield node.args[0].value


def test_every_ledger_string_has_a_chinese_translation_with_the_same_placeholders():
    glossary = {}
    for path in sorted((ROOT / "i18n" / "zh_CN").glob("*.json")):   # ledger.json, ledger_guard.json, …
        glossary.update(json.loads(path.read_text(encoding="utf-8")))
    missing, broken = [], []
    for path in LEDGER_FILES:
        for text in tr_literals(path):
            if text not in glossary:
                missing.append(f"{path.name}: {text}")
            elif glossary[text].count("{") != text.count("{"):
                broken.append(text)
    assert sum(1 for path in LEDGER_FILES for _ in tr_literals(path)) > 100
    assert missing == [] and broken == []


def test_every_refusal_of_the_ledger_core_is_a_translated_message():
    """``raise LedgerInputError(tr("…", …))``: no f-string or bare text a Chinese user would see in English."""
    untranslated = []
    for path in sorted((PACKAGE / "core" / "ledger").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            name = getattr(node.exc.func, "id", None)
            if name not in LEDGER_ERRORS or name == "ShortfallError":
                continue
            message = node.exc.args[0] if node.exc.args else None
            translated = isinstance(message, ast.Call) and (
                getattr(message.func, "id", None) == "tr"
                or getattr(message.func, "attr", None) == "failure_message")   # integrity.py builds it with tr()
            # sqlite_backend.py builds it with tr() when it opens a ledger of a newer schema
            translated = translated or getattr(message, "attr", None) == "write_refusal"
            if not translated:
                untranslated.append(f"{path.name}:{node.lineno}")
    assert untranslated == []
