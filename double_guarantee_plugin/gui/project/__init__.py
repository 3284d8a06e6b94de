# SPDX-License-Identifier: GPL-2.0-or-later
"""The project dock's components, one concern per module (``gui.docks.project_dock`` assembles them).

- ``database``: the open project database (layers, open/close, save/discard, multi-layer undo)
- ``live_runner``: background credit runs of the selected project and of every project
- ``project_list``: the list of projects with search and status filter
- ``action_bar``: the dock's rows of buttons, wrapping to the dock's width
- ``headline``: the selected project's verdict and credits in two lines, and the plot being drawn
- ``drawing_preview``: the draw tool's live area and credits before the form opens
- ``plot_editing``: draw, split, reshape, merge, delete, fill from a layer, repair
- ``project_actions``: new, rename, delete, the status menu, the workflow dialog, zoom
- ``dock_body``: the dock's widgets in their order, and what can be clicked when
- ``acceptance``: accepting (status and deposit together) and reopening (reversal) a project, for both
  workflows (the workflow dialog's deposit step comes here)
- ``lock_guard``: accepted projects refuse edits made with QGIS's own tools
- ``snapping``: one toggle to snap plots to the plots, basic farmland and land survey
- ``exchange``: coordinate TXT in and out, meeting sheets, atlas, drops
- ``state``: what the dock keeps in the QGIS project
"""
