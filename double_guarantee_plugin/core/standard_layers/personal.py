# SPDX-License-Identifier: GPL-2.0-or-later
"""Personal fields of the county layers (承包/责任人 names, ID numbers, phones, addresses): never output.

data-standards.md §2: the basic-farmland layer may carry contract and 责任人 details under the 田长制.
They must never appear on a map, label, report or export, and are dropped whenever features are
copied.  A field is personal when its code is one of ``personal_fields.codes`` of
``standard_layers.json`` or its name or alias holds one of the Chinese words listed there.
Pure Python.
"""
from .schema import load_schema, normalise_code


def is_personal_field(name, alias=""):
    schema = load_schema()
    if normalise_code(name) in schema.personal_codes:
        return True
    texts = (str(name or ""), str(alias or ""))
    return any(word in text for word in schema.personal_words for text in texts)


def personal_field_names(names):
    """The personal ones among ``names`` (field names, or (name, alias) pairs), in order."""
    found = []
    for item in names:
        name, alias = item if isinstance(item, tuple) else (item, "")
        if is_personal_field(name, alias):
            found.append(name)
    return found


def layer_personal_fields(layer):
    """Names of the personal fields of a QGIS vector layer (or feature source)."""
    return personal_field_names([(item.name(), item.alias()) for item in layer.fields()])
