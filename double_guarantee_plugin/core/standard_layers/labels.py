# SPDX-License-Identifier: GPL-2.0-or-later
"""How a feature of a standard layer is named in messages and reports: by its standard ids.

The basic-farmland 图斑 by ``YJJBNTTBBH``, the red line by ``HXMC`` with its zone ``ZRBHDFQ`` and
its measures ``GKCS``, a survey parcel by ``TBBH`` and ``DLMC`` (``id_fields`` of each role in
``standard_layers.json``).  Each value is written after the layer's own field name
(``YJJBNTTBBH=320999…``), so the reader can look it up.  Pure Python.
"""
MAX_LABELS = 5


def feature_label(recognition, attributes, fid=None):
    """``TBBH=0012 DLMC=旱地``-like text of one feature (its fid when it has no id value)."""
    parts = []
    for key in recognition.spec.id_fields:
        name = recognition.field(key)
        value = attributes.get(key)
        if name and value is not None and str(value).strip():
            parts.append(f"{name}={str(value).strip()}")
    if not parts and fid is not None:
        parts.append(f"fid {fid}")
    return " ".join(parts)


def labels_text(labels, most=MAX_LABELS):
    """Labels joined with '、', the rest counted (``… and 3 more``)."""
    from ...i18n import tr
    labels = [label for label in labels if label]
    if not labels:
        return ""
    shown = "、".join(labels[:most])
    if len(labels) > most:
        shown += tr(" and {} more", len(labels) - most)
    return shown
