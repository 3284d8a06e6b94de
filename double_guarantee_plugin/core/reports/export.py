# SPDX-License-Identifier: GPL-2.0-or-later
"""Export meeting sheets: one project to PDF/PNG, an atlas (one file per project or one combined PDF).

``export_meeting_maps(job, feedback)`` is the single entry point used by the Processing algorithm,
the project dock and the atlas task.  Everything it draws is copied into memory layers of its own
QgsProject, so it does not touch the user's project and can run in a QgsTask.
"""
import dataclasses
import datetime
import os
import re
from dataclasses import dataclass, field

from qgis.core import (Qgis, QgsLayoutExporter, QgsProject, QgsRenderContext)
from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageSize, QPainter, QPdfWriter

from ..basemap import sheet_basemap_layers
from ..credits import NEW_FARMLAND
from ..layer_credits import PlotFields
from . import ReportError
from .fonts import resolve_font_family
from .layout import Sheet, fill_project_sheet, fix_verdict_colour, load_template, template_path
from .map_layers import (constraint_features, context_layer, overlap_geometry, overlap_layer, padded_extent,
                         plot_layer, union_geometry)
from .pdf_text import fix_pdf_text
from .report_data import gather_reports

FORMATS = ("pdf", "png")


@dataclass
class MeetingMapJob:
    """What to export; layers are QgsVectorLayer objects (or None), codes None = every project."""
    plots_layer: object
    output_folder: str
    project_codes: list = None
    template: str = None
    basic_farmland: object = None
    red_line: object = None
    slope: object = None
    slope_field: str = "slope_deg"
    basemap: object = None
    projects_layer: object = None
    fmt: str = "pdf"
    combined_pdf: str = ""          # a file name: also (or only) write every sheet into one PDF
    per_project: bool = True
    font_family: str = None
    producer: str = None
    dpi: int = 200
    date: object = None
    profile: object = None
    fields: object = None
    constraint_set: object = None   # a core.constraints.ConstraintSet (e.g. the QGIS project's); wins over layers
    configured_basemap: bool = True  # without ``basemap``: the county's basemap from the settings, when set


@dataclass
class ExportResult:
    files: list = field(default_factory=list)
    problems: dict = field(default_factory=dict)   # project code -> readable message
    reports: list = field(default_factory=list)    # ProjectReport of every exported project
    canceled: bool = False


def safe_file_name(text):
    """A file name from a project code/name: no path separators or characters Windows refuses."""
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "_", str(text)).strip("._")
    return cleaned or "project"


def _set_layer(constraint_set, role):
    """The vector layer of ``role`` in a ConstraintSet (its live layer, project layer or source), or None."""
    if constraint_set is None:
        return None
    from qgis.core import QgsProject, QgsVectorLayer
    for entry in getattr(constraint_set, "layers", []):
        if entry.role != role:
            continue
        layer = getattr(entry, "layer", None)
        try:
            if layer is not None and layer.isValid():
                return layer
        except RuntimeError:  # the layer was deleted since the set was made
            layer = None
        if entry.layer_id:
            layer = QgsProject.instance().mapLayer(entry.layer_id)
            if isinstance(layer, QgsVectorLayer) and layer.isValid():
                return layer
        if entry.source:
            layer = QgsVectorLayer(entry.source, entry.name or role, "ogr")
            if layer.isValid():
                return layer
    return None


def build_sheet(project, report, job, font_family):
    """The filled layout of one project (its display layers are kept in the returned Sheet)."""
    from ...i18n import tr
    plots_layer = job.plots_layer
    crs = plots_layer.crs()
    fields = job.fields or PlotFields()
    plots = plot_layer(plots_layer, report.plot_credits, crs, fields)
    if plots.featureCount() == 0:
        raise ReportError(f"project {report.info.code}: no plot with a usable geometry: nothing to map")
    # only new farmland can conflict (domain.md §5): upgrading inside basic farmland is allowed
    conflict_area = union_geometry(f.geometry() for f in plots.getFeatures() if f["plot_kind"] == NEW_FARMLAND)
    extent = padded_extent(plots.extent())
    layers, legend_layers = [], []
    overlaps, contexts = [], []
    for role, source, overlap_name, context_name in (
            ("red_line", job.red_line or _set_layer(job.constraint_set, "red_line"),
             tr("Overlap with ecological red line"), tr("Ecological red line")),
            ("basic_farmland", job.basic_farmland or _set_layer(job.constraint_set, "basic_farmland"),
             tr("Overlap with basic farmland"), tr("Basic farmland"))):
        if source is None:
            continue
        geometries = constraint_features(source, extent, crs)
        overlaps.append(overlap_layer(overlap_name, overlap_geometry(conflict_area, geometries), crs, role))
        contexts.append(context_layer(context_name, geometries, crs, role))
    layers = overlaps + [plots] + contexts
    legend_layers = [plots] + overlaps + contexts
    if job.basemap is not None:
        layers.append(job.basemap)
    layout = load_template(project, job.template)
    root = fill_project_sheet(layout, report, layers, legend_layers, extent, crs, font_family, job.producer,
                              job.date)
    fix_verdict_colour(layout, report.verdict)
    return Sheet(layout, layers, root, report.info.name or report.info.code)


def _prepare(layout, dpi):
    context = layout.renderContext()
    context.setDpi(dpi)
    # text as text, so the PDF can be searched and read back (and copied into minutes)
    context.setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)


def _sheet_family(font_family):
    """The CJK font the sheet's text was written in (the configured one when not given)."""
    if font_family:
        return font_family
    try:
        return resolve_font_family(None)
    except ReportError:
        return None


def export_sheet(sheet, path, fmt="pdf", dpi=200, font_family=None):
    """Write one sheet to ``path`` as PDF or PNG; raises ReportError with the exporter's reason."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ReportError(f"unknown format '{fmt}': use pdf or png")
    _prepare(sheet.layout, dpi)
    exporter = QgsLayoutExporter(sheet.layout)
    if fmt == "pdf":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = False
        result = exporter.exportToPdf(path, settings)
    else:
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        result = exporter.exportToImage(path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise ReportError(f"{path}: export failed ({exporter.errorMessage() or _RESULTS.get(result, result)})")
    if fmt == "pdf":
        # Qt names some ideographs by their Kangxi radicals: make the text searchable as written
        fix_pdf_text(path, _sheet_family(font_family))
    return path


_RESULTS = {QgsLayoutExporter.ExportResult.FileError: "the file cannot be written",
            QgsLayoutExporter.ExportResult.PrintError: "printing failed",
            QgsLayoutExporter.ExportResult.MemoryError: "not enough memory",
            QgsLayoutExporter.ExportResult.Canceled: "canceled"}


class CombinedPdf:
    """Sheets of different layouts (sizes may differ) as the pages of one PDF, text kept as text."""

    def __init__(self, path, dpi=200, font_family=None):
        self.path = path
        self.dpi = dpi
        self.font_family = font_family
        self.writer = None
        self.painter = None
        self.pages = 0

    def add(self, sheet):
        layout = sheet.layout
        _prepare(layout, self.dpi)
        page = layout.pageCollection().page(0)
        size = page.pageSize()
        page_size = QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Millimeter)
        if self.writer is None:
            self.writer = QPdfWriter(self.path)
            self.writer.setResolution(self.dpi)
            self.writer.setCreator("Double Guarantee QGIS plugin")
            self.writer.setPageSize(page_size)
            self.writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            self.painter = QPainter()
            if not self.painter.begin(self.writer):
                raise ReportError(f"{self.path}: the PDF file cannot be written")
        else:
            self.writer.setPageSize(page_size)
            self.writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            self.writer.newPage()
        QgsLayoutExporter(layout).renderPage(self.painter, 0)
        self.pages += 1

    def close(self):
        if self.painter is not None:
            self.painter.end()
            self.painter = None
        self.writer = None
        if not self.pages:
            return None
        fix_pdf_text(self.path, _sheet_family(self.font_family))
        return self.path


def export_meeting_maps(job, feedback=None):
    """Export every project of ``job``; returns an ExportResult (files written, problems by project)."""
    fmt = (job.fmt or "pdf").lower()
    if fmt not in FORMATS:
        raise ReportError(f"unknown format '{job.fmt}': use pdf or png")
    font_family = resolve_font_family(job.font_family)  # before any work: a missing font stops here
    template_path(job.template)                         # and so does an unknown template
    os.makedirs(job.output_folder, exist_ok=True)
    result = ExportResult()
    reports, problems = gather_reports(job.plots_layer, job.project_codes, job.projects_layer, job.basic_farmland,
                                       job.red_line, job.slope, job.slope_field, job.profile, job.fields, feedback,
                                       job.constraint_set)
    result.problems.update(problems)
    if feedback is not None and feedback.isCanceled():
        result.canceled = True
        return result
    if job.basemap is None and job.configured_basemap:
        configured = sheet_basemap_layers()
        if configured:
            job = dataclasses.replace(job, basemap=configured[0])
    project = QgsProject()
    project.setCrs(job.plots_layer.crs())
    combined = CombinedPdf(os.path.join(job.output_folder, job.combined_pdf), job.dpi, font_family) \
        if job.combined_pdf else None
    total = max(len(reports), 1)
    try:
        for index, report in enumerate(reports):
            if feedback is not None:
                if feedback.isCanceled():
                    result.canceled = True
                    break
                feedback.setProgress(100.0 * index / total)
                feedback.pushInfo(f"{report.info.code} {report.info.name}")
            try:
                sheet = build_sheet(project, report, job, font_family)
            except ReportError as exc:
                result.problems[report.info.code] = str(exc)
                continue
            if job.per_project:
                name = safe_file_name(f"{report.info.code}_{report.info.name}" if report.info.name != report.info.code
                                      else report.info.code)
                path = os.path.join(job.output_folder, f"{name}.{fmt}")
                result.files.append(export_sheet(sheet, path, fmt, job.dpi, font_family))
            if combined is not None:
                combined.add(sheet)
            result.reports.append(report)
    finally:
        if combined is not None:
            written = combined.close()
            if written:
                result.files.append(written)
    if feedback is not None and not result.canceled:
        feedback.setProgress(100.0)
    return result


def today():
    return datetime.date.today()
