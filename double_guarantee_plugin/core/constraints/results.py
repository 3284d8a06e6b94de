# SPDX-License-Identifier: GPL-2.0-or-later
"""What a check returns: ``LayerCheck`` per plot and layer, ``PlotCheck`` per plot, ``ProjectCheck`` per project."""
from dataclasses import dataclass, field

from qgis.core import QgsGeometry

from .status import STATUS_BLOCKING, STATUS_WARNING
from ..units import m2_to_mu


# ----------------------------------------------------------------------------------------------
# results


@dataclass
class LayerCheck:
    """One plot (or project) against one constraint layer."""
    role: str
    name: str
    status: str
    message: str
    overlap_m2: float = None
    overlap_mu: float = None
    share: float = None
    feature_ids: list = field(default_factory=list)
    severity: str = ""
    geometry: object = field(default=None, repr=False, compare=False)  # the overlap (QgsGeometry, plot CRS)

    def set_geometry_source(self, source):
        """Compute ``geometry`` only when it is first read, by calling ``source()`` (a batch check
        measures overlaps without building them; the dock flashes a few of them)."""
        self._geometry = None
        self._geometry_source = source


def _get_overlap_geometry(check):
    source = check.__dict__.get("_geometry_source")
    if source is not None:
        check._geometry_source = None
        check._geometry = source()
    return check.__dict__.get("_geometry")


def _set_overlap_geometry(check, value):
    check._geometry_source = None
    check._geometry = value


# the dataclass keeps ``geometry`` as a constructor argument; reading it may build it (see above)
LayerCheck.geometry = property(_get_overlap_geometry, _set_overlap_geometry)


@dataclass
class PlotCheck:
    plot_fid: int
    plot_code: str
    project_code: str
    plot_kind: str
    status: str
    message: str
    layers: list                # [LayerCheck]
    bf_overlap_m2: float = 0.0
    rl_overlap_m2: float = 0.0
    slope_overlap_m2: float = 0.0
    excluded_m2: float = 0.0    # new-farmland area to exclude from credits (inside basic farmland)
    blocking_reason: str = ""   # non-empty => credits zero
    area_m2: float = 0.0
    messages: list = field(default_factory=list)   # readable, worst first
    geometry: object = field(default=None, repr=False, compare=False)  # the (repaired) plot geometry

    @property
    def conflict_geometry(self):
        """The union of the overlaps that are not ok (for flashing on the canvas), or None."""
        parts = [check.geometry for check in self.layers
                 if check.geometry is not None and check.status in (STATUS_WARNING, STATUS_BLOCKING)]
        if not parts:
            return None
        return QgsGeometry.unaryUnion(parts) if len(parts) > 1 else parts[0]


@dataclass
class ProjectCheck:
    project_code: str
    status: str
    messages: list              # readable, worst first
    plots: list                 # [PlotCheck]
    layers: list                # [LayerCheck] aggregated per constraint layer (overlap counted once)
    rules: list = field(default_factory=list)     # [rules.RuleCheck]
    area_m2: float = 0.0

    @property
    def area_mu(self):
        return m2_to_mu(self.area_m2)
