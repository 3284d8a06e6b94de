# SPDX-License-Identifier: GPL-2.0-or-later
"""Random sequences of plot edits, undo and redo: the live panel always equals a fresh computation."""
import random

import pytest
from qgis.core import QgsGeometry, QgsPointXY

from double_guarantee_plugin.core import projects, tables
from double_guarantee_plugin.core.layer_credits import compute_layer_credits
from double_guarantee_plugin.core.live_credits import project_request

PROJECT = "DG2023-01"


def _fresh(dock):
    _plots, summaries = compute_layer_credits(dock.plots_layer, tables.load_rule_profile(),
                                              request=project_request(PROJECT))
    return summaries[0] if summaries else None


def _random_edit(dock, rng):
    layer = dock.plots_layer
    fids = [f.id() for f in projects.plot_features(layer, PROJECT)]
    action = rng.choice(["split", "merge", "delete", "attribute", "shrink", "add", "undo", "undo", "redo"])
    if action == "split" and fids:
        box = layer.getFeature(rng.choice(fids)).geometry().boundingBox()
        y = box.yMinimum() + box.height() * rng.uniform(0.2, 0.8)
        try:
            projects.split_plots(layer, [f for f in fids if layer.getFeature(f).geometry().boundingBox()
                                         .intersects(box)][:1],
                                 [QgsPointXY(box.xMinimum() - 10, y), QgsPointXY(box.xMaximum() + 10, y)])
            dock._record([layer])
        except projects.ProjectError:
            pass
    elif action == "merge" and len(fids) >= 2:
        dock.plots_layer.selectByIds(rng.sample(fids, 2))
        dock.merge_selected()
    elif action == "delete" and len(fids) > 1:
        projects.delete_plots(layer, [rng.choice(fids)])
        dock._record([layer])
    elif action == "attribute" and fids:
        with projects.edit_command(layer, "grade"):
            layer.changeAttributeValue(rng.choice(fids), layer.fields().indexOf("grade_after"), rng.randint(1, 15))
        dock._record([layer])
    elif action == "shrink" and fids:
        fid = rng.choice(fids)
        shape = layer.getFeature(fid).geometry().buffer(-rng.uniform(1, 20), 2)
        if not shape.isEmpty():
            shape.convertToMultiType()
            with projects.edit_command(layer, "shrink"):
                layer.changeGeometry(fid, shape)
            dock._record([layer])
    elif action == "add":
        extent = projects.project_extent(layer, PROJECT)
        x, y = extent.xMinimum() + rng.uniform(0, 500), extent.yMinimum() - rng.uniform(100, 600)
        square = QgsGeometry.fromRect(extent.__class__(x, y, x + 80, y + 80))
        projects.add_plot(layer, PROJECT, square, {"class_before": "0404", "class_after": "0103",
                                                    "grade_after": rng.randint(1, 15)})
        dock._record([layer])
    elif action == "undo":
        dock.undo()
    elif action == "redo":
        dock.redo()
    return action


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_keep_panel_equal_to_fresh_computation(dock, project_db_path, idle, seed):
    dock.open_database(str(project_db_path))
    idle(dock)
    dock.select_project(PROJECT, zoom=False)
    idle(dock)
    projects.ensure_editing(dock.plots_layer)
    rng = random.Random(seed)
    for step in range(18):
        action = _random_edit(dock, rng)
        idle(dock)
        fresh = _fresh(dock)
        shown = dock.last_snapshot.project_credit
        where = f"seed {seed} step {step} ({action})"
        assert shown.plot_count == (fresh.plot_count if fresh else 0), where
        if fresh is not None:
            assert shown.area_m2 == pytest.approx(fresh.area_m2, rel=1e-12), where
            assert shown.credit_capacity_kg == pytest.approx(fresh.credit_capacity_kg, rel=1e-12), where
            assert f"{fresh.credit_area_mu:,.2f}" in dock.panel.values["credit_area"].text(), where
