# SPDX-License-Identifier: GPL-2.0-or-later
"""Constraint defaults from ``resources/data/constraint_rules.json`` and the project-level rules.

Project-level rules (domain.md §5 and §7): the minimum mapping area of a plot, and for a profile
with ``consolidation`` (jiangsu_2014) the moderate-scale consolidation rules (scale, pieces,
piece size, a piece being a connected group of plots) and the construction-land reclamation share.
Pure Python except ``pieces_of`` which takes QgsGeometry objects.
"""
import functools
import json
from dataclasses import dataclass

from ..paths import data_path
from ..tables import TableError
from ..units import m2_to_mu

SEVERITIES = ("blocking", "warning", "info")
ROLES = ("basic_farmland", "red_line", "slope", "land_survey", "extra")
PLOT_KINDS_CHECKED = ("new_farmland", "upgrading", "not_creditable")


@dataclass(frozen=True)
class ConstraintDefaults:
    roles: dict
    min_overlap_m2: float
    survey_cultivated_share_max: float
    reclamation_class_prefixes: tuple
    consolidation_project_types: tuple
    source_path: str = ""

    def role(self, role):
        return self.roles.get(role) or self.roles["extra"]


@functools.lru_cache(maxsize=None)
def defaults():
    """The constraint defaults, checked against their schema (the message names the file and field)."""
    path = data_path("constraint_rules.json")
    try:
        with open(path, encoding="utf-8") as handle:
            doc = json.load(handle)
    except FileNotFoundError:
        raise TableError(f"{path}: file not found") from None
    except json.JSONDecodeError as exc:
        raise TableError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    if str(doc.get("schema", "")).split("/")[0] != "constraint_rules":
        raise TableError(f"{path}: schema is '{doc.get('schema')}', expected 'constraint_rules/1'")
    roles = doc.get("roles")
    if not isinstance(roles, dict) or "extra" not in roles:
        raise TableError(f"{path}: field 'roles' should be an object with at least 'extra'")
    for name, rule in roles.items():
        if rule.get("severity") not in SEVERITIES:
            raise TableError(f"{path}: roles.{name}.severity should be one of {SEVERITIES}")
        kinds = rule.get("applies_to")
        if not isinstance(kinds, list) or any(kind not in PLOT_KINDS_CHECKED for kind in kinds):
            raise TableError(f"{path}: roles.{name}.applies_to should be a list of {PLOT_KINDS_CHECKED}")
    for key in ("min_overlap_m2", "survey_cultivated_share_max"):
        if not isinstance(doc.get(key), (int, float)) or doc[key] < 0:
            raise TableError(f"{path}: field '{key}' should be a number ≥ 0")
    for key in ("reclamation_class_prefixes", "consolidation_project_types"):
        if not isinstance(doc.get(key), list) or not all(isinstance(v, str) for v in doc[key]):
            raise TableError(f"{path}: field '{key}' should be a list of strings")
    return ConstraintDefaults(roles, float(doc["min_overlap_m2"]), float(doc["survey_cultivated_share_max"]),
                              tuple(doc["reclamation_class_prefixes"]), tuple(doc["consolidation_project_types"]),
                              path)


def is_reclamation(class_before):
    """True when ``class_before`` is construction land (06xx–10xx by default): a reclamation plot."""
    code = str(class_before or "").strip()
    return bool(code) and code.startswith(defaults().reclamation_class_prefixes)


def pieces_of(geometries):
    """Connected groups of plots (indexes into ``geometries``): plots that touch or overlap join."""
    parent = list(range(len(geometries)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    boxes = [g.boundingBox() if g is not None and not g.isEmpty() else None for g in geometries]
    for i, gi in enumerate(geometries):
        if boxes[i] is None:
            continue
        for j in range(i + 1, len(geometries)):
            if boxes[j] is None or not boxes[i].intersects(boxes[j]):
                continue
            if find(i) != find(j) and gi.intersects(geometries[j]):
                parent[find(i)] = find(j)
    groups = {}
    for i, box in enumerate(boxes):
        if box is not None:
            groups.setdefault(find(i), []).append(i)
    return list(groups.values())


@dataclass
class RuleCheck:
    """One project-level rule: its status, a readable message and the figure it looked at."""
    rule: str
    status: str
    message: str
    value: float = None


def consolidation_checks(profile, plot_areas_m2, geometries, class_befores, tr):
    """Moderate-scale consolidation and reclamation-share results of one project (may be empty)."""
    results = []
    rules = getattr(profile, "consolidation", None)
    total_m2 = sum(plot_areas_m2)
    if rules:
        scale_mu = m2_to_mu(total_m2)
        min_scale = float(rules.get("min_scale_mu", 0))
        min_piece = float(rules.get("min_piece_mu", 0))
        max_pieces = int(rules.get("max_pieces", 0) or 0)
        if scale_mu < min_scale:
            results.append(RuleCheck("consolidation_scale", "warning", tr(
                "Scale {:.1f} mu is below the {:.0f} mu of a moderate-scale consolidation project",
                scale_mu, min_scale), scale_mu))
        else:
            results.append(RuleCheck("consolidation_scale", "ok", tr(
                "Scale {:.1f} mu reaches {:.0f} mu", scale_mu, min_scale), scale_mu))
        groups = pieces_of(geometries)
        piece_mu = sorted((m2_to_mu(sum(plot_areas_m2[i] for i in group)) for group in groups), reverse=True)
        if max_pieces and len(groups) > max_pieces:
            results.append(RuleCheck("consolidation_pieces", "warning", tr(
                "{} pieces (connected groups of plots); at most {} are allowed", len(groups), max_pieces),
                len(groups)))
        small = [area for area in piece_mu if area < min_piece]
        if small:
            results.append(RuleCheck("consolidation_piece_size", "warning", tr(
                "{} piece(s) below {:.0f} mu (smallest {:.1f} mu)", len(small), min_piece, min(small)),
                min(small)))
        if not (max_pieces and len(groups) > max_pieces) and not small:
            results.append(RuleCheck("consolidation_pieces", "ok", tr(
                "{} piece(s) of {} mu", len(groups), ", ".join(f"{area:.1f}" for area in piece_mu)), len(groups)))
    share_min = getattr(profile, "reclamation_share_min", None)
    if share_min is not None and total_m2 > 0:
        reclaimed = sum(area for area, before in zip(plot_areas_m2, class_befores) if is_reclamation(before))
        share = reclaimed / total_m2
        if share >= share_min:
            message = tr("Construction-land reclamation is {:.1f}% of the scale (at least {:.0f}%): the project "
                         "qualifies for the village layout adjustment policy", 100 * share, 100 * share_min)
        else:
            message = tr("Construction-land reclamation is {:.1f}% of the scale, below {:.0f}%: the village layout "
                         "adjustment policy does not apply", 100 * share, 100 * share_min)
        results.append(RuleCheck("reclamation_share", "ok", message, share))
    return results
