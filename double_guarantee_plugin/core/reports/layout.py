# SPDX-License-Identifier: GPL-2.0-or-later
"""Print layouts of meeting sheets: the .qpt templates (A4/A3, portrait/landscape) and filling them.

A template is an ordinary QGIS layout file whose items carry fixed ids (``ITEM_IDS``); staff can
restyle it in the QGIS layout designer as long as the ids stay.  ``write_templates()`` regenerates
the four shipped templates from ``build_template_layout()``.
"""
import datetime
import math
import os
from dataclasses import dataclass, field

from qgis.core import (QgsApplication, QgsLayerTree, QgsLayoutItemLabel, QgsLayoutItemLegend,
                       QgsLayoutItemManualTable, QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemScaleBar,
                       QgsLayoutFrame, QgsLayoutMultiFrame, QgsLayoutPoint, QgsLayoutSize, QgsLayoutTable,
                       QgsLayoutTableColumn,
                       QgsLegendStyle, QgsPrintLayout, QgsScaleBarSettings, QgsReadWriteContext, QgsRectangle, QgsSettings, QgsTableCell,
                       QgsTextFormat, QgsUnitTypes)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..paths import resource_path
from . import ReportError
from .report_data import credit_rows, fmt_mu, fmt_share, status_label
from .sheet_text import crs_note, verdict_text

TEMPLATES = {  # name -> (file, page size, orientation)
    "a4_landscape": ("meeting_a4_landscape.qpt", "A4", "landscape"),
    "a4_portrait": ("meeting_a4_portrait.qpt", "A4", "portrait"),
    "a3_landscape": ("meeting_a3_landscape.qpt", "A3", "landscape"),
    "a3_portrait": ("meeting_a3_portrait.qpt", "A3", "portrait"),
}
DEFAULT_TEMPLATE = "a4_landscape"
PAGE_MM = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
ITEM_IDS = ("title", "subtitle", "map", "legend", "scalebar", "numeric_scale", "north_arrow", "crs_note",
            "credit_title", "credit_table", "check_title", "check_table", "verdict", "producer", "date")
REQUIRED_IDS = ("title", "map", "credit_table", "check_table")
PRODUCER_KEY = "DoubleGuarantee/reports/producer"
LEFT, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
NICE_SCALES = [m * 10 ** e for e in range(2, 8) for m in (1, 1.5, 2, 2.5, 5)]


def template_path(template=None):
    """The .qpt file of a template name (``a4_landscape`` …) or a path to a user's own .qpt."""
    template = template or DEFAULT_TEMPLATE
    if template in TEMPLATES:
        return resource_path("templates", TEMPLATES[template][0])
    if os.path.exists(template):
        return template
    raise ReportError(f"layout template '{template}' not found: use one of {', '.join(TEMPLATES)} "
                      f"or the path of a .qpt file")


def configured_producer():
    return str(QgsSettings().value(PRODUCER_KEY, "") or "")


# ---------------------------------------------------------------- building the shipped templates
def _label(layout, item_id, rect, size_pt, bold=False, align=Qt.AlignmentFlag.AlignLeft):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(item_id)
    font = QFont("Noto Sans CJK SC")
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    label.setFont(font)
    label.setHAlign(align)
    label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    layout.addLayoutItem(label)
    _place(label, rect)
    return label


def _place(item, rect):
    x, y, w, h = rect
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))


def _table(layout, item_id, rect, size_pt):
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId(item_id)
    _place(frame, rect)
    table.addFrame(frame)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    text = QgsTextFormat()
    text.setFont(QFont("Noto Sans CJK SC"))
    text.setSize(size_pt)
    table.setContentTextFormat(text)
    header = QgsTextFormat(text)
    bold = QFont("Noto Sans CJK SC")
    bold.setBold(True)
    header.setFont(bold)
    table.setHeaderTextFormat(header)
    table.setCellMargin(0.8)
    table.setGridStrokeWidth(0.2)
    table.setWrapBehavior(QgsLayoutItemManualTable.WrapBehavior.WrapText)
    return table


def build_template_layout(project, page="A4", orientation="landscape"):
    """A meeting-sheet layout with every item of ``ITEM_IDS`` placed for the page size."""
    width, height = PAGE_MM[page]
    if orientation == "portrait":
        width, height = height, width
    s = min(width, height) / 210.0  # A4 = 1, A3 = 1.41: sizes grow with the sheet
    m = 8.0 * s
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(f"meeting_{page.lower()}_{orientation}")
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    _label(layout, "title", (m, m, width - 2 * m, 11 * s), 18 * s, True, Qt.AlignmentFlag.AlignHCenter)
    _label(layout, "subtitle", (m, m + 11 * s, width - 2 * m, 6 * s), 9 * s, False, Qt.AlignmentFlag.AlignHCenter)
    map_y = m + 19 * s
    if orientation == "landscape":
        map_w = (width - 2 * m) * 0.64
        map_h = height - map_y - m - 16 * s
        rx, rw = m + map_w + 5 * s, width - 2 * m - map_w - 5 * s
        boxes = {"legend": (rx, map_y, rw, 40 * s), "credit_title": (rx, map_y + 41 * s, rw, 5 * s),
                 "credit_table": (rx, map_y + 46 * s, rw, 50 * s), "check_title": (rx, map_y + 97 * s, rw, 5 * s),
                 "check_table": (rx, map_y + 102 * s, rw, 38 * s), "verdict": (rx, map_y + 141 * s, rw, 14 * s),
                 "producer": (rx, height - m - 10 * s, rw, 5 * s), "date": (rx, height - m - 5 * s, rw, 5 * s)}
    else:
        map_w = width - 2 * m
        map_h = height * 0.5
        cw = (width - 2 * m - 5 * s) / 2
        y0 = map_y + map_h + 14 * s
        rx = m + cw + 5 * s
        boxes = {"credit_title": (m, y0, cw, 5 * s), "credit_table": (m, y0 + 6 * s, cw, 50 * s),
                 "legend": (m, y0 + 58 * s, cw, 38 * s), "check_title": (rx, y0, cw, 5 * s),
                 "check_table": (rx, y0 + 6 * s, cw, 40 * s), "verdict": (rx, y0 + 48 * s, cw, 16 * s),
                 "producer": (rx, height - m - 10 * s, cw, 5 * s), "date": (rx, height - m - 5 * s, cw, 5 * s)}
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(_mm(0.4))
    layout.addLayoutItem(map_item)
    _place(map_item, (m, map_y, map_w, map_h))
    _reset_extent(map_item)
    map_bottom = map_y + map_h

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("legend")
    legend.setResizeToContents(False)
    legend.setFrameEnabled(True)
    for style, size_pt, bold in ((QgsLegendStyle.Style.Title, 8.5 * s, True), (QgsLegendStyle.Style.Group, 7 * s, True),
                                 (QgsLegendStyle.Style.Subgroup, 7 * s, True), (QgsLegendStyle.Style.SymbolLabel, 6.5 * s, False)):
        font = QFont("Noto Sans CJK SC")
        font.setPointSizeF(size_pt)
        font.setBold(bold)
        legend.setStyleFont(style, font)
        legend.setStyleMargin(style, QgsLegendStyle.Side.Top, 0.8 * s)
    legend.setSymbolWidth(5 * s)
    legend.setSymbolHeight(3 * s)
    legend.setBoxSpace(1.5 * s)
    legend.setColumnCount(2 if orientation == "landscape" else 1)
    legend.setSplitLayer(True)
    layout.addLayoutItem(legend)
    _place(legend, boxes["legend"])

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    layout.addLayoutItem(scalebar)
    _place(scalebar, (m, map_bottom + 1.5 * s, 60 * s, 10 * s))
    numeric = QgsLayoutItemScaleBar(layout)
    numeric.setId("numeric_scale")
    numeric.setStyle("Numeric")
    layout.addLayoutItem(numeric)
    _place(numeric, (m + 64 * s, map_bottom + 3 * s, 34 * s, 6 * s))
    _label(layout, "crs_note", (m + 100 * s, map_bottom + 1.5 * s, map_w - 100 * s, 11 * s), 6.5 * s)

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setPicturePath(north_arrow_svg())
    arrow.setBackgroundEnabled(False)
    layout.addLayoutItem(arrow)
    _place(arrow, (m + map_w - 14 * s, map_y + 2 * s, 11 * s, 15 * s))

    _label(layout, "credit_title", boxes["credit_title"], 9 * s, True)
    _table(layout, "credit_table", boxes["credit_table"], 7 * s)
    _label(layout, "check_title", boxes["check_title"], 9 * s, True)
    _table(layout, "check_table", boxes["check_table"], 7 * s)
    _label(layout, "verdict", boxes["verdict"], 8 * s, True)
    _label(layout, "producer", boxes["producer"], 7 * s, False, Qt.AlignmentFlag.AlignRight)
    _label(layout, "date", boxes["date"], 7 * s, False, Qt.AlignmentFlag.AlignRight)
    return layout


def _mm(value):
    from qgis.core import QgsLayoutMeasurement
    return QgsLayoutMeasurement(value, QgsUnitTypes.LayoutUnit.LayoutMillimeters)


def north_arrow_svg():
    """QGIS's own north arrow SVG (the path is resolved at run time: installations differ)."""
    for folder in QgsApplication.svgPaths() + ["/usr/share/qgis/svg"]:
        path = os.path.join(folder, "arrows", "NorthArrow_02.svg")
        if os.path.exists(path):
            return path
    return ""


def write_templates(project, folder=None):
    """Write the four shipped .qpt templates; returns their paths."""
    folder = folder or resource_path("templates")
    written = []
    for name, (filename, page, orientation) in TEMPLATES.items():
        layout = build_template_layout(project, page, orientation)
        path = os.path.join(folder, filename)
        if not layout.saveAsTemplate(path, QgsReadWriteContext()):
            raise ReportError(f"{path}: cannot write the layout template")
        written.append(path)
    return written


# ---------------------------------------------------------------- loading and filling
def load_template(project, template=None):
    """A QgsPrintLayout from a template name or .qpt path; refuses templates missing required items."""
    path = template_path(template)
    with open(path, encoding="utf-8") as handle:
        document = QDomDocument()
        ok, message, line, _column = document.setContent(handle.read())
    if not ok:
        raise ReportError(f"{path}: line {line}: not a valid layout template ({message})")
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise ReportError(f"{path}: QGIS could not load this layout template")
    missing = [item_id for item_id in REQUIRED_IDS if layout.itemById(item_id) is None]
    if missing:
        raise ReportError(f"{path}: the template lacks the item(s) {', '.join(missing)} (item ids)")
    return layout


@dataclass
class Sheet:
    """A filled layout plus what must stay alive while it is exported (layers, legend tree)."""
    layout: object
    layers: list = field(default_factory=list)
    legend_root: object = None
    title: str = ""


def _reset_extent(map_item):
    """Give the map an extent of its own aspect ratio: zoomToExtent() needs a finite one to start from."""
    extent = map_item.extent()
    if not all(math.isfinite(v) for v in (extent.xMinimum(), extent.yMinimum(), extent.width(), extent.height())) \
            or extent.width() <= 0 or extent.height() <= 0:
        rect = map_item.rect()
        map_item.setExtent(QgsRectangle(0, 0, rect.width() * 10, rect.height() * 10))


def nice_scale(scale):
    """The first round scale (1:500, 1:1000, 1:2000, 1:2500, 1:5000 …) not smaller than ``scale``."""
    for candidate in NICE_SCALES:
        if candidate >= scale * 0.999:
            return candidate
    return math.ceil(scale)


def _with_family(font, family):
    font.setFamily(family)
    # QGIS 3.40 gives the fonts it reads from a template a families() list (Qt >= 5.13), which Qt
    # prefers to family(): without replacing it the text kept the template's font
    font.setFamilies([family])
    # Without shaping Qt writes every glyph's character into the PDF's ToUnicode map; shaped
    # digits of Noto Sans CJK were missing from it, so "2024" vanished from copied/searched text.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def apply_font(layout, family):
    """Set ``family`` on every text of the layout, keeping each item's size and weight."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            font = item.font()
            _with_family(font, family)
            item.setFont(font)
        elif isinstance(item, QgsLayoutItemLegend):
            for style in (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup,
                          QgsLegendStyle.Style.SymbolLabel):
                font = item.styleFont(style)
                _with_family(font, family)
                item.setStyleFont(style, font)
        elif isinstance(item, QgsLayoutItemScaleBar):
            text = item.textFormat()
            font = text.font()
            _with_family(font, family)
            text.setFont(font)
            item.setTextFormat(text)
    for multi in layout.multiFrames():
        if isinstance(multi, QgsLayoutItemManualTable):
            for getter, setter in ((multi.contentTextFormat, multi.setContentTextFormat),
                                   (multi.headerTextFormat, multi.setHeaderTextFormat)):
                text = getter()
                font = text.font()
                _with_family(font, family)
                text.setFont(font)
                setter(text)


def table_of(layout, item_id):
    frame = layout.itemById(item_id)
    if frame is None or not isinstance(frame, QgsLayoutFrame):
        return None
    return frame.multiFrame()


MIN_TABLE_PT = 5.0     # below this a printed table is no longer readable at a meeting


def set_table(table, headers, rows, more_text=None, align=None):
    """Fill ``table`` and make it fit its frame (``fit_table``); returns how many rows were left out.

    ``align`` gives each column's horizontal alignment (figures right-aligned); every heading
    follows its column, so a heading stands over its figures."""
    if table is None:
        return 0
    align = tuple(align or ()) + (LEFT,) * (len(headers) - len(align or ()))
    columns = []
    for text, alignment in zip(headers, align):
        column = QgsLayoutTableColumn(text)
        column.setHAlignment(alignment)
        columns.append(column)
    table.setHeaders(columns)
    table.setIncludeTableHeader(True)
    table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)
    table._dg_align = align
    _set_rows(table, rows)
    return fit_table(table, rows, more_text)


def _set_rows(table, rows):
    align = getattr(table, "_dg_align", ())
    contents = []
    for row in rows:
        cells = []
        for column, value in enumerate(row):
            cell = QgsTableCell(str(value))
            if column < len(align):
                cell.setHorizontalAlignment(align[column])
            cells.append(cell)
        contents.append(cells)
    table.setTableContents(contents)
    table.refresh()


def _frame_height(table):
    frames = [table.frame(number) for number in range(table.frameCount())]
    return sum(frame.rect().height() for frame in frames if frame is not None)


def fit_table(table, rows, more_text=None):
    """Make every row of ``table`` visible in its frame(s): first by shrinking its text step by
    step down to ``MIN_TABLE_PT``; if that is not enough, the rows that do not fit are replaced by
    one row saying how many were left out (``more_text``, formatted with that number).  Returns the
    number of rows left out (0 when all are shown)."""
    available = _frame_height(table)
    if available <= 0 or not rows or table.totalHeight() <= available:
        return 0
    content, header = table.contentTextFormat(), table.headerTextFormat()
    size = content.size()
    while table.totalHeight() > available and size > MIN_TABLE_PT:
        size = max(MIN_TABLE_PT, size * 0.88)
        content.setSize(size)
        header.setSize(size)
        table.setContentTextFormat(content)
        table.setHeaderTextFormat(header)
        table.setCellMargin(min(table.cellMargin(), max(0.3, size * 0.12)))
        table.refresh()
    if table.totalHeight() <= available:
        return 0
    # still too tall: keep the first rows that fit, and say how many more there are
    width = len(rows[0])
    low, high = 0, len(rows) - 1              # rows kept (plus the "more" row)
    while low < high:
        middle = (low + high + 1) // 2
        _set_rows(table, list(rows[:middle]) + [_more_row(len(rows) - middle, width, more_text)])
        if table.totalHeight() <= available:
            low = middle
        else:
            high = middle - 1
    _set_rows(table, list(rows[:low]) + [_more_row(len(rows) - low, width, more_text)])
    return len(rows) - low


def _more_row(count, width, more_text):
    from ...i18n import tr
    text = (more_text or tr("… and {} more rows")).format(count)
    return [text] + [""] * (width - 1)


def set_label(layout, item_id, text):
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutItemLabel):
        item.setText(text)
    return item


def fill_map(layout, layers, extent, crs, legend_layers=None):
    """Point the map, legend, scale bars and north arrow at ``layers`` (top first) around ``extent``."""
    from ...i18n import tr
    map_item = layout.itemById("map")
    map_item.setCrs(crs)
    _reset_extent(map_item)
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)
    map_item.zoomToExtent(extent)
    map_item.setScale(nice_scale(map_item.scale()))
    root = QgsLayerTree()
    for layer in legend_layers if legend_layers is not None else layers:
        root.addLayer(layer)
    legend = layout.itemById("legend")
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setLinkedMap(map_item)
        legend.setAutoUpdateModel(False)
        legend.model().setRootGroup(root)
        legend.setTitle(tr("Legend"))
        legend.setResizeToContents(False)
        legend.refresh()
    for item_id in ("scalebar", "numeric_scale"):
        bar = layout.itemById(item_id)
        if isinstance(bar, QgsLayoutItemScaleBar):
            bar.setLinkedMap(map_item)
            if item_id == "scalebar":
                bar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
                bar.setUnitLabel("m")
                bar.setNumberOfSegmentsLeft(0)
                bar.setNumberOfSegments(2)
                bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
                bar.setMinimumBarWidth(25)
                bar.setMaximumBarWidth(45)
            bar.update()
    arrow = layout.itemById("north_arrow")
    if isinstance(arrow, QgsLayoutItemPicture):
        if not os.path.exists(arrow.picturePath() or ""):
            arrow.setPicturePath(north_arrow_svg())
        arrow.setLinkedMap(map_item)
    return root


def fill_project_sheet(layout, report, layers, legend_layers, extent, crs, font_family, producer=None,
                       date=None):
    """Write one project's title, map, tables, verdict, producer and date into a loaded template."""
    from ...i18n import tr
    info = report.info
    set_label(layout, "title", info.name or info.code)
    subtitle = tr("Project code {}", info.code)
    if info.type_label:
        subtitle += " · " + info.type_label
    if info.county_code:
        subtitle += " · " + tr("County {}", info.county_code)
    set_label(layout, "subtitle", subtitle)
    root = fill_map(layout, layers, extent, crs, legend_layers)
    set_label(layout, "crs_note", crs_note(crs))
    set_label(layout, "credit_title", tr("Credits"))
    set_table(table_of(layout, "credit_table"), [tr("Indicator"), tr("Value"), tr("Converted")],
              credit_rows(report.credit), align=(LEFT, RIGHT, RIGHT))
    set_label(layout, "check_title", tr("Constraint checks"))
    rows = [(row.name, fmt_mu(row.overlap_mu), fmt_share(row.share), status_label(row.status))
            for row in report.check_rows]
    set_table(table_of(layout, "check_table"), [tr("Constraint layer"), tr("Overlap (mu)"), tr("Share"),
                                                tr("Status")], rows,
              tr("… and {} more constraint layers (all are in the county summary table)"),
              align=(LEFT, RIGHT, RIGHT, LEFT))
    set_label(layout, "verdict", verdict_text(report))
    producer = configured_producer() if producer is None else producer
    set_label(layout, "producer", tr("Producer: {}", producer) if producer else "")
    set_label(layout, "date", tr("Date: {}", (date or datetime.date.today()).isoformat()))
    apply_font(layout, font_family)
    layout.refresh()
    return root


def fix_verdict_colour(layout, status):
    """Blocking verdicts in dark red text, the rest black (the map's conflict red stays unique)."""
    item = layout.itemById("verdict")
    if isinstance(item, QgsLayoutItemLabel):
        item.setFontColor(QColor(140, 0, 0) if status == "blocking" else QColor(0, 0, 0))
