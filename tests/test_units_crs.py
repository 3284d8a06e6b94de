# SPDX-License-Identifier: GPL-2.0-or-later
"""Exact unit conversions and CGCS2000 zone ↔ EPSG helpers (pure Python)."""
from fractions import Fraction

import pytest

from double_guarantee_plugin.core import crs, units


def test_mu_is_exactly_two_thousand_thirds_m2():
    assert units.M2_PER_MU == Fraction(2000, 3)
    assert units.m2_to_mu(2000) == 3
    assert units.mu_to_m2(3) == 2000
    assert units.mu_to_m2(1) == Fraction(2000, 3)           # not 666.67
    assert units.m2_to_mu(Fraction(2000, 3)) == 1


def test_hectare_is_fifteen_mu_and_floats_stay_floats():
    assert units.ha_to_mu(1) == 15
    assert units.mu_to_ha(15) == 1
    assert units.m2_to_ha(10000) == 1
    assert units.ha_to_m2(Fraction(1, 2)) == 5000
    assert isinstance(units.m2_to_mu(1000.0), float)
    assert units.m2_to_mu(1000.0) == pytest.approx(1.5)
    assert units.kg_to_wan_kg(25000) == Fraction(5, 2)
    assert units.wan_kg_to_kg(3) == 30000


def test_round_trips_are_exact():
    for value in (Fraction(1, 7), 12345, Fraction(98765, 3)):
        assert units.mu_to_m2(units.m2_to_mu(value)) == value
        assert units.ha_to_mu(units.mu_to_ha(value)) == value


@pytest.mark.parametrize("zone, width, prefixed, datum, epsg", [
    (25, 3, True, "cgcs2000", 4513), (39, 3, True, "cgcs2000", 4527), (45, 3, True, "cgcs2000", 4533),
    (25, 3, False, "cgcs2000", 4534), (45, 3, False, "cgcs2000", 4554),
    (13, 6, True, "cgcs2000", 4491), (23, 6, False, "cgcs2000", 4512),
    (25, 3, True, "xian1980", 2349), (45, 3, True, "xian1980", 2369),
])
def test_zone_epsg_both_ways(zone, width, prefixed, datum, epsg):
    assert crs.epsg_for_zone(zone, width, prefixed, datum) == epsg
    assert crs.zone_for_epsg(epsg) == (datum, width, prefixed, zone)


def test_zone_helpers_refuse_and_derive():
    with pytest.raises(crs.ZoneError):
        crs.epsg_for_zone(46)
    assert crs.zone_for_epsg(4326) is None
    assert crs.central_meridian(39) == 117
    assert crs.central_meridian(20, 6) == 117
    assert crs.zone_from_easting(39_512_345.6) == 39
    assert crs.zone_from_easting(512_345.6) is None
    assert crs.zone_for_longitude(117.4) == 39
    assert crs.zone_for_longitude(118.6) == 40
