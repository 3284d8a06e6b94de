# SPDX-License-Identifier: GPL-2.0-or-later
"""Spatial index of one constraint layer in the plots' CRS, and the planar overlaps of plots with its features.

One ``LayerIndex`` holds a layer's features in the CRS of the plots being checked: a
``QgsSpatialIndex`` that keeps the geometries on the C++ side (bulk-loaded), or for a GeoPackage
or PostGIS layer read as it is the database's own index (``gpkg_index``, ``pg_index``: only the
features near the plots are read); per feature, on first use,
the geometry, its box and, once per group of features, a validity test (invalid ones are repaired
with ``makeValid`` and reported).  ``overlap_planar()`` answers "which features overlap this plot,
and what is the planar overlap, overlapping features counted once" with the plot's prepared
geometry engine (``batch`` answers it for many plots at once, in numpy).  Indexes are cached and
kept current by ``registry``.
"""
import time

from qgis.core import QgsCoordinateTransform, QgsCoordinateTransformContext, QgsFeatureRequest, QgsGeometry, \
    QgsSpatialIndex

from .shapes import _grouped, _meeting, _polygonal, merge_overlapping, polygonal_part, repaired


class LayerIndex:
    """A constraint layer's features in the target CRS, with a spatial index and checked geometries."""

    def __init__(self, source, target_crs, transform_context=None, attribute=None, feedback=None):
        started = time.perf_counter()
        self.name = source.sourceName() if hasattr(source, "sourceName") else ""
        self.attribute = attribute
        self.values = None
        self.transform_errors = 0
        request = QgsFeatureRequest()
        source_crs = source.sourceCrs()
        if source_crs != target_crs:
            request.setDestinationCrs(target_crs, transform_context or QgsCoordinateTransformContext())
            request.setTransformErrorCallback(self._transform_failed)
        flags = QgsSpatialIndex.Flag.FlagStoreFeatureGeometries
        if attribute:
            request.setSubsetOfAttributes([attribute], source.fields())
            self.index = QgsSpatialIndex(flags)
            self.values = {}
            for feature in source.getFeatures(request):
                if feedback is not None and feedback.isCanceled():
                    break
                if not feature.hasGeometry():
                    continue
                self.index.addFeature(feature)
                value = feature[attribute]
                self.values[feature.id()] = None if value is None or (
                    hasattr(value, "isNull") and value.isNull()) else value
        else:
            self.index = self._database_index(source, target_crs, feedback)
            if self.index is None:
                request.setNoAttributes()
                self.index = QgsSpatialIndex(source.getFeatures(request), feedback, flags)
        self.canceled = bool(feedback is not None and feedback.isCanceled())
        # edits made since the build (the layer's edit buffer), laid over the index instead of a
        # rebuild: fid -> (QgsGeometry, QgsAbstractGeometry, bbox) as in ``entries``, or False (deleted)
        self.overlay = {}
        self._transform = None
        if source_crs != target_crs:
            self._transform = QgsCoordinateTransform(source_crs, target_crs,
                                                     transform_context or QgsCoordinateTransformContext())
        self.entries = {}      # fid -> (QgsGeometry, QgsAbstractGeometry, bbox) or False (no geometry)
        self.repairs = {}      # fid -> what was wrong with the feature's geometry
        self.valid = set()     # fids whose geometry GEOS found valid
        self.areas = {}        # fid -> planar area (features found inside a plot)
        self.ellipsoidal = {}  # fid -> ellipsoidal area (the same, for the live check)
        self.shared = {}       # (fid, fid) -> WKB of the area two features share, None, or False
        self.apart = set()     # (fid, fid) of features whose boxes meet but whose shapes do not
        self.build_s = time.perf_counter() - started

    @staticmethod
    def _database_index(source, target_crs, feedback):
        """An index asking the layer's database (``sql_index``) when the layer can be read from its
        GeoPackage file or PostGIS table as it is, else None."""
        from .gpkg_index import GpkgIndex, gpkg_location
        from .pg_index import PgIndex, pg_location
        location = gpkg_location(source, target_crs)
        if location is not None and GpkgIndex.available(*location):
            return GpkgIndex(*location, feedback=feedback)
        location = pg_location(source, target_crs)
        if location is not None:
            try:
                return PgIndex(*location, feedback=feedback)
            except Exception:  # noqa: BLE001 - psycopg2 missing or the server refusing: the provider reads it
                return None
        return None

    def _transform_failed(self, feature):
        self.transform_errors += 1

    def entry(self, fid):
        """``(QgsGeometry, its QgsAbstractGeometry, (xmin, ymin, xmax, ymax))`` of feature ``fid`` as
        indexed, cached; False when it has no geometry.  It is not validated here: checking every
        candidate would cost more than the whole overlap; validity is tested once per group of
        features (see ``overlap_planar``) and each feature is repaired when found invalid."""
        found = self.entries.get(fid)
        if found is None and fid in self.overlay:
            found = self.entries[fid] = self.overlay[fid]
        if found is None:
            geometry = self.index.geometry(fid)
            if geometry is None or geometry.isEmpty():      # (a null geometry is empty too)
                found = False
            else:
                box = geometry.boundingBox()
                found = (geometry, geometry.constGet(),
                         (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
            self.entries[fid] = found
        return found

    def repair(self, fid):
        """Replace feature ``fid`` by its repaired geometry when GEOS finds it invalid; True when it was."""
        entry = self.entry(fid)
        if not entry or fid in self.repairs:
            return bool(entry) and fid in self.repairs
        if fid in self.valid:
            return False
        geometry, error = repaired(entry[0])
        if not error:
            self.valid.add(fid)
            return False
        self.repairs[fid] = error
        self.areas.pop(fid, None)
        self.ellipsoidal.pop(fid, None)
        if geometry is not None:
            box = geometry.boundingBox()
            self.entries[fid] = (geometry, geometry.constGet(),
                                 (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
        else:
            self.entries[fid] = False
        return True

    def planar_area(self, fid):
        """Planar area of feature ``fid`` (cached: a parcel inside many plots is measured once)."""
        area = self.areas.get(fid)
        if area is None:
            entry = self.entry(fid)
            area = self.areas[fid] = entry[0].area() if entry else 0.0
        return area

    def candidates(self, rectangle):
        """Ids of the features whose box meets ``rectangle``, edits since the build included."""
        found = self.index.intersects(rectangle)
        if not self.overlay:
            return found
        overlay = self.overlay
        found = [fid for fid in found if fid not in overlay]
        x0, y0, x1, y1 = rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum()
        for fid, entry in overlay.items():
            if entry and entry[2][0] <= x1 and entry[2][2] >= x0 and entry[2][1] <= y1 and entry[2][3] >= y0:
                found.append(fid)
        return found

    # -- edits of the layer, applied in place ------------------------------------------------------
    OVERLAY_MAX = 2000   # more edits than this: rebuilding is cheaper than scanning the overlay

    def apply_edit(self, fid, geometry=None, deleted=False, value=None, has_value=False):
        """Take one edit of the layer (a geometry changed or added, a feature deleted, an attribute
        value changed); False when the index should rather be rebuilt."""
        if len(self.overlay) >= self.OVERLAY_MAX:
            return False
        if has_value and self.values is not None:
            self.values[fid] = None if value is None or (hasattr(value, "isNull") and value.isNull()) else value
        if deleted:
            entry = False
        elif geometry is not None:
            geometry = QgsGeometry(geometry)
            if self._transform is not None:
                try:
                    geometry.transform(self._transform)
                except Exception:  # noqa: BLE001 - QgsCsException: rebuild, which reports it
                    return False
            if geometry.isNull() or geometry.isEmpty():
                entry = False
            else:
                box = geometry.boundingBox()
                entry = (geometry, geometry.constGet(), (box.xMinimum(), box.yMinimum(), box.xMaximum(),
                                                          box.yMaximum()))
        else:
            return True          # an attribute change of a geometry-only index
        self.overlay[fid] = entry
        for cache in (self.entries, self.areas, self.ellipsoidal, self.repairs):
            cache.pop(fid, None)
        self.valid.discard(fid)
        self.shared = {key: value for key, value in self.shared.items() if fid not in key}
        self.apart = {key for key in self.apart if fid not in key}
        return True

    def _classify(self, engine, fids, accept):
        """``(inside, crossing)``: fids of features inside the plot and of the others that meet it
        (crossing ones may only touch it: ``overlap_planar`` drops those that give no area, which
        costs less than a GEOS ``touches`` test each)."""
        inside, crossing = [], []
        values = self.values
        entries = self.entries
        contains, intersects = engine.contains, engine.intersects
        for fid in fids:
            if accept is not None and not accept(values.get(fid) if values is not None else None):
                continue
            entry = entries.get(fid)
            if entry is None:
                entry = self.entry(fid)
            if not entry:
                continue
            abstract = entry[1]
            if contains(abstract):          # most candidates are inside or crossing: test inside first
                inside.append(fid)
            elif intersects(abstract):
                crossing.append(fid)
        return inside, crossing

    def overlap_planar(self, engine, rectangle, accept=None):
        """``([fid], planar overlap area, overlap geometry or None)`` of the plot (prepared ``engine``).

        ``accept(value)`` filters features by their attribute value (e.g. only steep slope).
        Overlapping features of the layer count once.  The usual case costs no new geometry for
        the features inside the plot (their cached planar area is summed) and one GEOS
        intersection for all the crossing ones together: features whose shapes meet no other hit's
        (their boxes apart, or the shapes known apart: ``apart``) are disjoint, and once shown valid
        (one test for all of them) their overlaps simply add up.  Features that touch others
        without sharing area are intersected one by one and summed; only those that share area
        with another are unioned (``merge_overlapping``).
        """
        return self.overlap(engine, rectangle, accept, None)[:3]

    def overlap(self, engine, rectangle, accept=None, measure=None):
        """``overlap_planar`` and, with ``measure`` (an ``EllipsoidalArea``), the overlap's
        ellipsoidal area: ``(hits, planar, geometry, ellipsoidal or None)``.  The features inside the
        plot are measured once each (cached), the pieces of the others each time."""
        inside, crossing = self._classify(engine, self.candidates(rectangle), accept)
        if not inside and not crossing:
            return [], 0.0, None, 0.0
        hits = inside + crossing
        if not self.valid.issuperset(hits) and self._validate(hits):
            # an invalid feature was repaired: its shape, and so its relation to the plot, changed
            inside, crossing = self._classify(engine, hits, None)
            hits = inside + crossing
            if not hits:
                return [], 0.0, None, 0.0
        single, separate, grouped = self._overlap_groups(hits)
        entries = self.entries
        inside_set = set(inside)
        area = 0.0
        ellipsoidal = 0.0
        parts = []
        single_crossing = []
        touching = set()         # crossing features that only touch the plot

        def add(piece, whole=None):
            nonlocal area, ellipsoidal
            area += self.planar_area(whole) if whole is not None else piece.area()
            if measure is not None:
                ellipsoidal += self.ellipsoidal_area(whole, measure) if whole is not None else measure.area_m2(piece)
            parts.append(piece)

        for fid in single:
            if fid in inside_set:
                add(entries[fid][0], fid)
            else:
                single_crossing.append(fid)
        if single_crossing:
            if len(single_crossing) == 1:
                collected = entries[single_crossing[0]][0]
            else:
                collected = QgsGeometry.collectGeometry([entries[fid][0] for fid in single_crossing])
            result = engine.intersection(collected.constGet())   # (``collected`` keeps it alive)
            piece = _polygonal(result) if result is not None else None
            if result is None:   # GEOS refused: intersect them one by one
                pieces = []
                for fid in single_crossing:
                    found = self._piece(engine, fid, False)
                    if found is None:
                        touching.add(fid)
                    else:
                        pieces.append(found)
                piece = QgsGeometry.collectGeometry(pieces) if pieces else None
            else:
                touching.update(self._without_area(engine, piece, single_crossing))
            if piece is not None:
                add(piece)
        for fid in separate:             # touching others without sharing area: each alone, summed
            found = self._piece(engine, fid, fid in inside_set)
            if found is None:
                touching.add(fid)
            else:
                add(found, fid if fid in inside_set else None)
        if grouped:
            pieces = []
            for fid in grouped:
                found = self._piece(engine, fid, fid in inside_set)
                if found is None:
                    touching.add(fid)
                else:
                    pieces.append(found)
            merged = merge_overlapping(pieces)
            if merged is not None:
                add(merged)
        if touching:
            hits = [fid for fid in hits if fid not in touching]
        if not parts:
            return hits, area, None, ellipsoidal
        return hits, area, parts[0] if len(parts) == 1 else QgsGeometry.collectGeometry(parts), ellipsoidal

    def _without_area(self, engine, piece, fids):
        """Those of ``fids`` (features whose shapes do not meet) that own no part of ``piece``, their
        intersection with the plot (prepared ``engine``): a part whose box centre lies in one
        feature's box only came from that feature; a feature no part is known to come from is asked
        whether it only touches the plot."""
        if piece is None:
            return list(fids)
        if len(fids) == 1:
            return []
        boxes = [self.entries[fid][2] for fid in fids]
        unresolved = set(range(len(fids)))
        abstract = piece.constGet()
        parts = [abstract.geometryN(number) for number in range(abstract.numGeometries())] \
            if hasattr(abstract, "geometryN") else [abstract]
        for part in parts:
            box = part.boundingBox()
            x, y = (box.xMinimum() + box.xMaximum()) / 2, (box.yMinimum() + box.yMaximum()) / 2
            holders = [k for k, (x_min, y_min, x_max, y_max) in enumerate(boxes)
                       if x_min <= x <= x_max and y_min <= y <= y_max]
            if len(holders) == 1:
                unresolved.discard(holders[0])
                if not unresolved:
                    return []
        return [fids[k] for k in sorted(unresolved) if engine.touches(self.entries[fids[k]][1])]

    def ellipsoidal_area(self, fid, measure):
        """Ellipsoidal area of feature ``fid`` by ``measure`` (cached: a parcel inside many plots is
        measured once)."""
        found = self.ellipsoidal.get(fid)
        if found is None:
            entry = self.entry(fid)
            found = self.ellipsoidal[fid] = measure.area_m2(entry[0]) if entry else 0.0
        return found

    def wkb(self, fid):
        """WKB of feature ``fid`` as the checks see it (the repaired shape once repaired), or None."""
        if fid not in self.repairs and fid not in self.overlay:
            blob = getattr(self.index, "wkb", None)
            if blob is not None:
                return blob(fid)
        entry = self.entry(fid)
        return bytes(entry[0].asWkb()) if entry else None

    def _shared_area(self, first, second):
        """WKB of the area features ``first`` and ``second`` share (cached), None when they share
        none, False when GEOS cannot intersect them."""
        key = (first, second) if first < second else (second, first)
        found = self.shared.get(key, self)
        if found is not self:
            return found
        one, other = self.entry(first), self.entry(second)
        found = False
        if one and other:
            engine = QgsGeometry.createGeometryEngine(one[1])
            result = engine.intersection(other[1])
            if result is not None:
                empty = result.isEmpty()         # (asked first: _polygonal takes the result over)
                piece = _polygonal(result)
                found = bytes(piece.asWkb()) if piece is not None and piece.area() > 0 else None
                if found is None and empty:
                    self.apart.add(key)
        self.shared[key] = found
        return found

    def _overlap_groups(self, fids):
        """``(collected, separate, grouped)`` of ``fids``: those whose shapes meet no other's, those
        that touch others without sharing area, and those that share area with another (or that
        GEOS could not intersect with another)."""
        if len(fids) < 2:
            return list(fids), [], []
        entries, apart = self.entries, self.apart
        separate, grouped = set(), set()
        for pair in _meeting(fids, [entries[fid][2] for fid in fids]):
            if pair in apart:
                continue
            shared = self._shared_area(*pair)
            if pair in apart:
                continue
            (separate if shared is None else grouped).update(pair)
        separate -= grouped
        return ([fid for fid in fids if fid not in separate and fid not in grouped],
                [fid for fid in fids if fid in separate], [fid for fid in fids if fid in grouped])

    def _validate(self, fids):
        """Check the validity of ``fids`` not yet checked: one GEOS test for all of them when their
        boxes are disjoint (a multipolygon of disjoint parts is valid when each part is), else
        one test each.  Repairs invalid features; True when one was repaired."""
        unknown = [fid for fid in fids if fid not in self.valid and fid not in self.repairs]
        if not unknown:
            return False
        single, grouped = self._groups(unknown)
        if len(single) > 1:
            collected = QgsGeometry.collectGeometry([self.entries[fid][0] for fid in single])
            if collected.isGeosValid():
                self.valid.update(single)
                single = []
        repaired_any = False
        for fid in single + grouped:
            repaired_any = self.repair(fid) or repaired_any
        return repaired_any

    def _groups(self, fids):
        """``(single, grouped)``: fids whose bounding box meets no other's, and the rest."""
        if len(fids) < 2:
            return list(fids), []
        entries = self.entries
        grouped = _grouped(fids, [entries[fid][2] for fid in fids])
        if not grouped:
            return list(fids), []
        return [fid for fid in fids if fid not in grouped], [fid for fid in fids if fid in grouped]

    def _piece(self, engine, fid, inside):
        """The part of feature ``fid`` inside the plot (the feature itself when it lies inside)."""
        entry = self.entries.get(fid) or self.entry(fid)
        if not entry:
            return None
        if inside:
            return entry[0]
        part = engine.intersection(entry[1])
        if part is None and self.repair(fid):
            # GEOS refused the intersection: the feature is invalid; use the repaired shape
            entry = self.entries[fid]
            part = engine.intersection(entry[1]) if entry else None
        return _polygonal(part) if part is not None else None

    def overlap_by_value(self, engine, rectangle):
        """``{value: ([fid], overlap geometry)}``: the plot's overlap grouped by attribute value."""
        groups = {}
        for fid in self.candidates(rectangle):
            self.repair(fid)   # few, large features (land survey): validating each is cheap here
            entry = self.entry(fid)
            if not entry:
                continue
            geometry, abstract = entry[0], entry[1]
            if not engine.intersects(abstract):
                continue
            if engine.contains(abstract):
                piece = geometry
            else:
                part = engine.intersection(abstract)
                piece = polygonal_part(QgsGeometry(part)) if part is not None else None
            if piece is None or piece.isEmpty():
                continue
            fids, pieces = groups.setdefault(self.values.get(fid), ([], []))
            fids.append(fid)
            pieces.append(piece)
        return {value: (fids, merge_overlapping(pieces)) for value, (fids, pieces) in groups.items()}
