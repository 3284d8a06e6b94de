# SPDX-License-Identifier: GPL-2.0-or-later
"""The plot being drawn, measured before the form opens: its area in 亩 and the credits it would bring.

``PreviewDrawPlotTool`` is the dock's draw tool (QGIS's capture tool, ``gui.tools.plot_tools``) that
also reports, at every mouse move, the polygon of the clicked vertices plus the cursor.  ``DrawingPreview``
measures it on the CGCS2000 ellipsoid and applies the credit formulas with the attributes the form
will propose (the project's last plot), before constraint exclusions: what the technician needs to
decide where to put the next vertex.  ``DrawingOverlay`` shows that line on the map itself, where
the eyes are while drawing (clicks go through it to the map).
"""
from qgis.core import QgsGeometry, QgsPointXY
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel

from ...core import projects
from ...core.area import EllipsoidalArea
from ...core.credits import PlotInput, compute_plot_credit
from ...core.units import m2_to_mu
from ...i18n import tr
from ..tools.plot_tools import DrawPlotTool


class PreviewDrawPlotTool(DrawPlotTool):
    """The draw tool; ``on_preview(geometry or None)`` follows the cursor while a plot is drawn."""

    def __init__(self, *args, on_preview=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.on_preview = on_preview or (lambda geometry: None)

    def _polygon(self, cursor_map_point=None):
        points = [QgsPointXY(p) for p in self.points()]
        if cursor_map_point is not None:
            points.append(self.toLayerCoordinates(self.plot_layer, cursor_map_point))
        if len(points) < 3:
            return None
        return QgsGeometry.fromPolygonXY([points + [points[0]]])

    def canvasMoveEvent(self, event):  # noqa: N802 (QGIS's name)
        super().canvasMoveEvent(event)
        if self.size() > 0:
            self.on_preview(self._polygon(event.mapPoint()))

    def canvasReleaseEvent(self, event):  # noqa: N802
        super().canvasReleaseEvent(event)
        # a right click finishes the plot (the form takes over), Esc or undo may empty it
        self.on_preview(self._polygon() if self.size() > 0 else None)

    def deactivate(self):
        self.on_preview(None)
        super().deactivate()


class DrawingPreview:
    """Turns the polygon being drawn into a line of text for the headline."""

    def __init__(self, plots_layer, project_code, profile):
        self.measure = EllipsoidalArea(plots_layer.crs())
        self.profile = profile
        self.project_code = project_code
        self.attributes = projects.last_plot_attributes(plots_layer, project_code)

    def text(self, geometry):
        if geometry is None or geometry.isEmpty():
            return None
        area_m2 = self.measure.area_m2(geometry)
        area_mu = m2_to_mu(area_m2)
        if not self.attributes.get("class_after"):
            return tr("Drawing a plot of {}: {:,.2f} mu (the credits follow the land classes of the form)",
                      self.project_code, area_mu)
        plot = PlotInput(class_before=self.attributes.get("class_before"),
                         class_after=self.attributes.get("class_after"),
                         grade_before=self.attributes.get("grade_before"),
                         grade_after=self.attributes.get("grade_after"), area_m2=area_m2,
                         grade_system=self.attributes.get("grade_system"), plot_code="", project_code=self.project_code)
        credit = compute_plot_credit(plot, self.profile)
        return tr("Drawing a plot of {}: {:,.2f} mu; it would bring {:,.2f} mu area credit, {:,.0f} kg capacity "
                  "credit, {:,.2f} mu paddy credit (as the last plot, before constraint exclusions)",
                  self.project_code, area_mu, credit.credit_area_mu, credit.credit_capacity_kg,
                  credit.credit_paddy_mu)


class DrawingOverlay(QLabel):
    """A line of text in the map's top left corner, transparent to the mouse."""

    MARGIN = 8

    def __init__(self, canvas):
        super().__init__(canvas)
        self.setObjectName("drawingFigures")
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel { background: rgba(255, 255, 255, 225); color: #202020; border: 1px solid #909090;"
                           " border-radius: 3px; padding: 3px 6px; }")
        self.hide()

    def show_text(self, text):
        if not text:
            self.hide()
            return
        self.setText(text)
        canvas = self.parentWidget()
        width = max(120, min(canvas.width() - 2 * self.MARGIN, 480))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(self.MARGIN, self.MARGIN)
        self.show()
        self.raise_()
