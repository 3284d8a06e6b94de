# SPDX-License-Identifier: GPL-2.0-or-later
"""The list of projects of the open database: search by code or name, filter by status, totals and verdicts.

A widget only: it shows rows it is given (``show_rows``) and says which project the user picked
(``projectSelected``).  Rows hidden by the search stay in the table, so ``codes()`` is every project.
The status and verdict columns sit next to the name so that they stay in sight in a narrow dock.
"""
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLineEdit, QTableWidget,
                                 QStyle, QTableWidgetItem, QVBoxLayout, QWidget)

from ...core import live_credits, tables
from ...i18n import tr
from ..components.credit_panel import STATUS_COLOURS, status_label

COLUMNS = ("project_code", "project_name", "status", "check", "area_mu", "credit_area_mu", "credit_capacity_kg",
           "credit_paddy_mu", "county_code")
NUMBER_COLUMNS = (4, 5, 6, 7)
CHECK_COLUMN = 3


def status_names():
    return {row["code"]: row["name_zh"] for row in tables.project_codes()["statuses"]}


class _Table(QTableWidget):
    """A table whose preferred height is its minimum: in a scrolling dock, the space below is for the figures."""

    def sizeHint(self):  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        hint.setHeight(self.minimumHeight())
        return hint


class ProjectList(QWidget):
    projectSelected = pyqtSignal(object)     # the code, or None when nothing is selected

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("projectSearch")
        self.search_edit.setPlaceholderText(tr("Search code or name…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.apply_filter)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("projectStatusFilter")
        self.status_filter.addItem(tr("All statuses"), None)
        for code, name in status_names().items():
            self.status_filter.addItem(name, code)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.status_filter)
        layout.addLayout(filters)

        self.table = _Table(0, len(COLUMNS))
        self.table.setObjectName("projectTable")
        self.table.setHorizontalHeaderLabels([
            tr("Code"), tr("Name"), tr("Project status"), tr("Check"), tr("Area (mu)"), tr("Area credit (mu)"),
            tr("Capacity credit (kg)"), tr("Paddy credit (mu)"), tr("County")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        row_height = self.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        # the header, four rows and the horizontal scroll bar: usable on a laptop, the dock scrolls for the rest
        scroll_bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + 4 * row_height
                                    + scroll_bar + 2 * self.table.frameWidth())
        layout.addWidget(self.table, 1)
        self._statuses = {}

    # -- rows ------------------------------------------------------------------------------------
    def show_rows(self, rows, credits, checks, selected=None):
        """Rebuild the table from ``rows`` (dicts of the projects table), keeping ``selected`` selected."""
        names = status_names()
        self._statuses = {row.get("project_code"): row.get("status") for row in rows}
        selected_item = None
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(rows))
            for index, row in enumerate(rows):
                code = row.get("project_code")
                self._fill(index, row, credits.get(code), checks.get(code, live_credits.STATUS_NOT_CHECKED), names)
                if code == selected:
                    self.table.selectRow(index)
                    selected_item = self.table.item(index, 0)
            self.table.resizeColumnsToContents()
            self.apply_filter()
            if selected_item is not None:
                self._scroll_later(selected, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self.table.blockSignals(False)

    def update_row(self, row, credit, check):
        """Refresh one project's row; False when it is not in the table (rebuild instead)."""
        code = row.get("project_code")
        index = self.row_of(code)
        if index < 0:
            return False
        self._statuses[code] = row.get("status")
        self.table.blockSignals(True)
        try:
            self._fill(index, row, credit, check, status_names())
        finally:
            self.table.blockSignals(False)
        return True

    def _fill(self, index, row, credit, check, names):
        code = row.get("project_code")
        cells = [code, row.get("project_name") or "", names.get(row.get("status"), row.get("status") or ""),
                 status_label(check),
                 f"{credit.area_mu:,.2f}" if credit else "…",
                 f"{credit.credit_area_mu:,.2f}" if credit else "…",
                 f"{credit.credit_capacity_kg:,.0f}" if credit else "…",
                 f"{credit.credit_paddy_mu:,.2f}" if credit else "…",
                 row.get("county_code") or ""]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(str(text))
            item.setData(Qt.ItemDataRole.UserRole, code)
            if column in NUMBER_COLUMNS:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == CHECK_COLUMN:
                item.setForeground(QBrush(QColor(STATUS_COLOURS.get(check, "#000000"))))
            self.table.setItem(index, column, item)

    def clear(self):
        self._statuses = {}
        self.table.setRowCount(0)

    # -- search and filter -----------------------------------------------------------------------
    def apply_filter(self, *_args):
        text = self.search_edit.text().strip().lower()
        status = self.status_filter.currentData()
        for index in range(self.table.rowCount()):
            code_item, name_item = self.table.item(index, 0), self.table.item(index, 1)
            code = code_item.data(Qt.ItemDataRole.UserRole) if code_item is not None else None
            haystack = f"{code_item.text() if code_item else ''} {name_item.text() if name_item else ''}".lower()
            matches = (not text or text in haystack) and (status is None or self._statuses.get(code) == status)
            self.table.setRowHidden(index, not matches)

    def visible_codes(self):
        return [code for index, code in enumerate(self.codes()) if not self.table.isRowHidden(index)]

    def clear_filter(self):
        self.search_edit.clear()
        self.status_filter.setCurrentIndex(0)

    # -- selection -------------------------------------------------------------------------------
    def codes(self):
        return [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(self.table.rowCount())]

    def row_of(self, code):
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == code:
                return row
        return -1

    def selected_code(self):
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_code(self, code):
        """Select ``code`` without emitting ``projectSelected``; True when it is in the list."""
        row = self.row_of(code)
        if row < 0:
            return False
        if self.table.isRowHidden(row):
            self.clear_filter()     # a project picked elsewhere must be visible in the list
        self.table.blockSignals(True)
        self.table.selectRow(row)
        self.table.blockSignals(False)
        self._scroll_later(code, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _scroll_later(self, code, hint):
        """Scroll to ``code``'s row once the table has laid out rows just shown or added (scrolling at once
        used the old layout and left a new project's row out of sight)."""
        def scroll():
            try:
                row = self.row_of(code)
                if row >= 0:
                    self.table.scrollTo(self.table.model().index(row, 0), hint)
            except RuntimeError:     # the dock was closed meanwhile
                pass
        QTimer.singleShot(0, scroll)

    def _selection_changed(self):
        self.projectSelected.emit(self.selected_code())
