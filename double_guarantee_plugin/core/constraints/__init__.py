# SPDX-License-Identifier: GPL-2.0-or-later
"""Constraint checks: supplementary-farmland plots against basic farmland, the red line, slope and other layers.

How a check flows from layers to statuses (domain.md §5):

1. ``constraint_set``: a ``ConstraintSet`` names the constraint layers and their roles
   (``status``), severities and the plot kinds they apply to (defaults in ``rules``); it is saved
   in the QGIS project or shared as a JSON file.
2. ``layer_resolution``: the ``ConstraintEngine`` (``engine``) resolves each entry to a readable
   layer (a DEM becomes steep-area polygons, ``dem``) or to the reason it is ``not_checked``, and
   gets the layer's index in the plots' CRS from ``registry`` (cached; edits laid over it,
   ``layer_index``).  A GeoPackage or PostGIS layer read as it is answers from its own database
   (``sql_index``: the GeoPackage's R-tree through SQLite, ``gpkg_index``; a GiST filter on the
   server, ``pg_index``): only the features near the plots are read, never the whole layer.
3. ``batch_check``: the plots of a batch are cut into chunks of nearby plots (``batch``) and
   measured together in numpy: shapes read from WKB (``polygons``), shown valid (``validity``),
   the planar area and moments of every (plot, feature) overlap from one boundary integral
   (``overlap_area``; the edges that can meet found through ``edge_index``), features of one
   layer that overlap each other counted once, and every area turned into the ellipsoidal one
   QGIS would measure on CGCS2000 (``ellipsoid``).  A plot numpy cannot be sure of (a vertex on
   an edge, an invalid feature) is measured with GEOS and QGIS (``layer_index.overlap``,
   ``measure``), as is the one plot of a live ``check_geometry``.
4. ``findings``: each overlap becomes a ``LayerCheck`` with a status from the entry's severity and
   the plot kind (``plots``); a plot's worst one is its status (``status.worst_status``: blocking >
   not_checked > warning > ok), a ``PlotCheck``; ``project_check``: the plots of a project, their
   overlaps counted once, and the project-level rules (``rules``) give a ``ProjectCheck``
   (``results``).
5. ``task``: the same in a ``QgsTask`` for whole layers, snapshots taken on the main thread.
"""
from .constraint_set import (ConstraintLayer, ConstraintSet, FILE_SCHEMA, PROJECT_KEY, PROJECT_SCOPE,
                             clear_project_constraint_set, load_constraint_set, make_layer_entry)
from .engine import ConstraintEngine, crs_is_defined, default_workers
from .measure import PlotMeasure, _mu  # noqa: F401 (_mu: read by standard_layers.plot_rules)
from .plots import classify_plot
from .registry import REGISTRY
from .results import LayerCheck, PlotCheck, ProjectCheck
from .shapes import merge_overlapping, polygonal_part, repaired
from .status import (ROLE_BASIC_FARMLAND, ROLE_EXTRA, ROLE_LAND_SURVEY, ROLE_RED_LINE, ROLE_SLOPE, ROLES,
                     SEVERITY_BLOCKING, SEVERITY_INFO, SEVERITY_WARNING, STATUS_BLOCKING, STATUS_NOT_CHECKED,
                     STATUS_OK, STATUS_ORDER, STATUS_WARNING, role_label, status_label, status_rank, worst_status)

__all__ = [
    "STATUS_OK", "STATUS_WARNING", "STATUS_BLOCKING", "STATUS_NOT_CHECKED", "STATUS_ORDER", "ConstraintLayer",
    "ConstraintSet", "LayerCheck", "PlotCheck", "ProjectCheck", "ConstraintEngine", "worst_status", "classify_plot",
    "load_constraint_set", "polygonal_part",
    # also read by the docks, Processing, reports and tests
    "ROLE_BASIC_FARMLAND", "ROLE_RED_LINE", "ROLE_SLOPE", "ROLE_LAND_SURVEY", "ROLE_EXTRA", "ROLES",
    "SEVERITY_BLOCKING", "SEVERITY_WARNING", "SEVERITY_INFO", "PROJECT_SCOPE", "PROJECT_KEY", "FILE_SCHEMA",
    "status_rank", "status_label", "role_label", "make_layer_entry", "clear_project_constraint_set",
    "crs_is_defined", "default_workers", "PlotMeasure", "REGISTRY", "merge_overlapping", "repaired",
]
