# SPDX-License-Identifier: GPL-2.0-or-later
"""Meeting sheets as read: text layer searchable as written (no Kangxi radicals), every blocking plot in the
verdict (or how many were left out), the CRS note in Chinese, kilograms whole, headings over their figures,
the producer (制图单位) from the settings."""
import os
import re
import subprocess
import unicodedata

import pytest

from double_guarantee_plugin.core.reports.pdf_text import fix_cmap, fix_pdf_text

from reports_pdf_helpers import pdf_text
from test_meeting_maps import exported  # noqa: F401 (a fixture)

RED_LINE = "DG2024-06"
_KEEP = []
COMPATIBILITY = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")


def _raw_text(path):
    """pdftotext as written: no normalisation of any kind."""
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True).stdout.decode("utf-8")


@pytest.fixture(scope="module")
def sheet(exported):
    """test_meeting_maps' export (three demo projects in Chinese, per project and combined)."""
    return exported[1]


def test_pdf_text_is_searchable_as_written(sheet):
    for path in sheet.files:
        text = _raw_text(path)
        assert "项目" in text and "示范" in text, path        # 项⽬ / ⽰范 (U+2F70) before the fix
        assert not COMPATIBILITY.search(text), COMPATIBILITY.findall(text)
        assert unicodedata.normalize("NFKC", text).count("项目") == text.count("项目")
        info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
        assert "Pages:" in info


def test_the_cmap_fix_keeps_glyph_codes_and_expands_ranges():
    cmap = (b"2 beginbfrange\n<0010> <0012> <2F00>\n<0020> <0021> [<2F6C> <0041>]\nendbfrange\n"
            b"1 beginbfchar\n<2F6C> <2F70>\nendbfchar\n")
    fixed, count = fix_cmap(cmap)
    assert fixed == (b"2 beginbfrange\n<0010> <0012> [<4E00> <4E28> <4E36>]\n<0020> <0021> [<76EE> <0041>]\n"
                     b"endbfrange\n1 beginbfchar\n<2F6C> <793A>\nendbfchar\n")   # ⽰ U+2F70 → 示 U+793A
    assert count == 5


def test_a_cmap_that_grows_is_appended_as_an_incremental_update(sheet, tmp_path, monkeypatch):
    """The in-place path keeps the length; a CMap that grows goes into an appended update that readers follow."""
    import shutil
    from double_guarantee_plugin.core.reports import pdf_text as module
    plots_pdf = tmp_path / "raw.pdf"
    shutil.copy(sheet.files[0], plots_pdf)
    # undo the fix in the copy: 目 back to ⽬ in place, as Qt wrote it
    data = plots_pdf.read_bytes().replace(b"<76EE>", b"<2F6C>")
    plots_pdf.write_bytes(data)
    assert "项目" not in _raw_text(plots_pdf)
    original = module.fix_cmap

    def grown(cmap, font_table=None):
        fixed, count = original(cmap, font_table)
        return fixed + b"\n% grown", count
    monkeypatch.setattr(module, "fix_cmap", grown)
    assert fix_pdf_text(str(plots_pdf)) > 0
    assert plots_pdf.read_bytes().startswith(data)                     # appended, not rewritten
    assert "项目" in _raw_text(plots_pdf)
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(plots_pdf), str(tmp_path / "page")], check=True)
    assert os.path.exists(tmp_path / "page-1.png")


def test_verdict_lists_blocking_plots_or_says_how_many_more(sheet):
    report = next(r for r in sheet.reports if r.info.code == RED_LINE)
    blocking = sorted(p.plot_code for p in report.check.plots if p.status == "blocking")
    assert len(blocking) == 12
    text = pdf_text(next(p for p in sheet.files if os.path.basename(p).startswith(RED_LINE)))
    flat = re.sub(r"\s+", "", text)
    assert "核查结论：不通过" in flat and "12个地块不通过：" in flat
    shown = [code for code in blocking if code in flat]
    assert shown[0] == blocking[0] and len(shown) >= 2
    assert f"另有{len(blocking) - len(shown)}个地块" in flat
    assert "red_line" not in text


def test_no_english_fragments_and_kg_whole(sheet):
    text = pdf_text(next(p for p in sheet.files if os.path.basename(p).startswith(RED_LINE)))
    assert "Gauss-Kruger" not in text and "3-degree" not in text
    assert "第 39 带" in text and "高斯-克吕格" in text
    assert re.search(r"\b\d+ 公斤", text) and not re.search(r"\d\.\d+ 公斤", text)


def test_the_producer_comes_from_the_settings(iface, plots_layer, tmp_path, zh_translation):
    """A single project's sheet (the project dock's export) names the producer typed once in the atlas dialog."""
    from qgis.core import QgsSettings
    from double_guarantee_plugin.core.reports.layout import PRODUCER_KEY
    from double_guarantee_plugin.gui.dialogs.export_maps import AtlasDialog, export_project_map
    settings = QgsSettings()
    old = settings.value(PRODUCER_KEY)
    try:
        settings.remove(PRODUCER_KEY)
        dialog = AtlasDialog(iface, plots_layer)
        dialog.producer.setText("示范县自然资源和规划局")
        dialog.folder.setText(str(tmp_path))
        dialog.make_task()                      # what 确定 does before the task starts
        path = export_project_map(iface, plots_layer, RED_LINE, path=str(tmp_path / "sheet.pdf"))
        assert "制图单位：示范县自然资源和规划局" in pdf_text(path)
        assert AtlasDialog(iface, plots_layer).producer.text() == "示范县自然资源和规划局"
    finally:
        if old is None:
            settings.remove(PRODUCER_KEY)
        else:
            settings.setValue(PRODUCER_KEY, old)


def test_figure_columns_and_their_headings_are_right_aligned(qgis_app):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt
    from double_guarantee_plugin.core.reports.layout import load_template, set_table, table_of
    project = QgsProject()
    layout = load_template(project, None)
    _KEEP.append((project, layout))     # Python must not delete them before QGIS exits
    table = table_of(layout, "credit_table")
    set_table(table, ["指标", "数值", "换算"], [("项目面积", "1.00 亩", "0.0667 公顷")],
              align=(Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignRight))
    from qgis.core import QgsLayoutTable
    assert table.headerHAlignment() == QgsLayoutTable.HeaderHAlignment.FollowColumn
    assert [int(c.hAlignment()) for c in table.headers()] == [int(Qt.AlignmentFlag.AlignLeft),
                                                              int(Qt.AlignmentFlag.AlignRight),
                                                              int(Qt.AlignmentFlag.AlignRight)]
    row = table.tableContents()[0]
    assert int(row[1].horizontalAlignment()) == int(Qt.AlignmentFlag.AlignRight)
