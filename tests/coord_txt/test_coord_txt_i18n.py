# SPDX-License-Identifier: GPL-2.0-or-later
"""The zh_CN glossary covers the coordinate-TXT messages with the same placeholders, and errors render in Chinese."""
import ast
import json
import string
from pathlib import Path

import pytest

from double_guarantee_plugin.core.coord_txt import CoordTxtError, read_coord_txt

ROOT = Path(__file__).resolve().parents[2]
# every glossary: the coordinate-TXT strings of issue 15 live in standard_layers.json
GLOSSARY = {source: text for path in sorted((ROOT / "i18n" / "zh_CN").glob("*.json"))
            for source, text in json.loads(path.read_text(encoding="utf-8")).items()}
SOURCES = [ROOT / "double_guarantee_plugin" / "core" / "coord_txt",
           ROOT / "double_guarantee_plugin" / "processing" / "algorithms" / "import_coord_txt.py",
           ROOT / "double_guarantee_plugin" / "processing" / "algorithms" / "export_coord_txt.py",
           ROOT / "double_guarantee_plugin" / "gui" / "dialogs" / "coord_txt.py"]


def _marked_strings():
    """Every literal passed to tr() or QT_TR_NOOP() in the coordinate-TXT modules."""
    found = set()
    files = [p for source in SOURCES for p in (sorted(source.glob("*.py")) if source.is_dir() else [source])]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("tr", "QT_TR_NOOP") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def test_no_tr_call_that_pylupdate5_would_misread():
    """pylupdate5 reads tr(text, "literal", n) as a comment and plural form: such messages never translate."""
    files = [p for source in SOURCES for p in (sorted(source.glob("*.py")) if source.is_dir() else [source])]
    for path in files:
        code = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and len(node.args) > 1:
                second = ast.get_source_segment(code, node.args[1]).lstrip()
                assert second[:1] not in "\"'{[(", f"{path.name}:{node.lineno}: second argument {second[:30]}"


def _placeholders(text):
    fields, auto = [], 0
    for _literal, name, spec, _conversion in string.Formatter().parse(text):
        if name is None:
            continue
        index = auto if name == "" else int(name)
        auto += name == ""
        fields.append((index, spec))
    return sorted(fields)


def test_every_message_has_a_translation_with_the_same_placeholders():
    marked = _marked_strings() - {"Double Guarantee"}  # the plugin's name lives in core.json
    assert len(marked) > 100
    assert sorted(marked - set(GLOSSARY)) == []
    for source, translation in GLOSSARY.items():
        assert _placeholders(source) == _placeholders(translation), source


def test_error_renders_in_chinese(traps):
    with pytest.raises(CoordTxtError) as caught:
        read_coord_txt(traps / "zone_conflict.txt")
    text = caught.value.render(lambda template, *args: GLOSSARY[template].format(*args))
    # the declared zone wins only where the eastings fit it: 39,5xx,xxx is 1000 km from zone 38's meridian
    assert text.endswith("第 9 行: 带号为 38，但东坐标前的带号为 39，且距中央经线 1000 公里（第 38 带）")
