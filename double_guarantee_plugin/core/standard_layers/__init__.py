# SPDX-License-Identifier: GPL-2.0-or-later
"""The standard county layers (DLTB, YJJBNTTB/YJJBNTBHTB, STBHHX, CZKFBJ) and what the plugin does with them.

- ``schema``: the layers' roles, field codes and rules as data (``resources/data/standard_layers.json``);
- ``recognition``: which role a layer has, from its field codes (the name is only a hint);
- ``personal``: the personal fields that never reach an output;
- ``parcels``: the parcels of a recognised layer under a plot, with their standard attributes;
- ``labels``: how a feature is named in messages (``YJJBNTTBBH``, ``HXMC`` + ``ZRBHDFQ`` + ``GKCS`` …);
- ``plot_rules``: the checks the standard fields allow (slope level GDPDJB, unstable farmland) and
  the naming of conflicting features, applied to the constraint engine's results;
- ``official``: official figures of a layer from its own area fields, never mixing units;
- ``constraint_set``: a constraint set filled from the layers found in a QGIS project.
"""
