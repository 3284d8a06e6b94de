# SPDX-License-Identifier: GPL-2.0-or-later
"""Exact unit conversions between 亩 (mu), 公顷 (hectare), m², kg and 万公斤.

1 亩 = 2000/3 m² exactly and 1 公顷 = 15 亩 (domain.md §3).  All conversions go through
this module so that no rounded 666.67 ever enters a figure.
"""
from fractions import Fraction

M2_PER_MU = Fraction(2000, 3)
M2_PER_HA = Fraction(10000)
MU_PER_HA = Fraction(15)
KG_PER_WAN_KG = Fraction(10000)


def _exact(value):
    """Return ``value`` as an exact Fraction (floats are taken at their exact binary value)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        return Fraction(value)
    return Fraction(value)


def _same_kind(result, *inputs):
    """Floats in give floats out; ints/Fractions in give an exact Fraction out."""
    if any(isinstance(v, float) for v in inputs):
        return float(result)
    return result


def m2_to_mu(area_m2):
    return _same_kind(_exact(area_m2) / M2_PER_MU, area_m2)


def mu_to_m2(area_mu):
    return _same_kind(_exact(area_mu) * M2_PER_MU, area_mu)


def m2_to_ha(area_m2):
    return _same_kind(_exact(area_m2) / M2_PER_HA, area_m2)


def ha_to_m2(area_ha):
    return _same_kind(_exact(area_ha) * M2_PER_HA, area_ha)


def mu_to_ha(area_mu):
    return _same_kind(_exact(area_mu) / MU_PER_HA, area_mu)


def ha_to_mu(area_ha):
    return _same_kind(_exact(area_ha) * MU_PER_HA, area_ha)


def kg_to_wan_kg(capacity_kg):
    return _same_kind(_exact(capacity_kg) / KG_PER_WAN_KG, capacity_kg)


def wan_kg_to_kg(capacity_wan_kg):
    return _same_kind(_exact(capacity_wan_kg) * KG_PER_WAN_KG, capacity_wan_kg)
