# SPDX-License-Identifier: GPL-2.0-or-later
"""Randomised two-side edits of take offline / bring back, judged by an oracle built from three states.

A project database of 8–14 projects is built with the plugin's own API (``create_project_database``,
``core.projects.add_project`` / ``add_plot``); a few projects are taken offline; the office and the
field then edit with plain sqlite3 / OGR (the office on PostGIS with psycopg2) as other QGIS users
would.  ``expect(exported, office, field)`` says what the office database must hold after a bring-back
and which conflicts must be open; ``State`` reads a database (GeoPackage or PostGIS) into comparable
values.  Used by tests/review/test_offline_random.py and tests/pg_projects/test_pg_offline_random.py.
"""
import copy
import hashlib
from dataclasses import dataclass, field

from dg_offline_util import ogr_add_plot, ogr_delete, ogr_set, pg, sql

OFFICE_STATUSES = ("accepted", "filed")
STATUSES = ("planned", "under_way", "accepted", "filed")
CLASSES = ("0101", "0103", "0201", "0404")
NAMES = ("甲项目", "乙项目", "丙项目")            # few values: the two sides often agree by chance
TYPES = ("land_consolidation", "high_standard_farmland", "mining_reclamation")
FUNDING = ("county", "province", None)
DATES = ("2024-03-01", "2025-06-30", None)
PROJECT_FIELDS = {"project_name": NAMES, "project_type": TYPES, "funding_source": FUNDING,
                  "implemented_on": DATES, "status": STATUSES}
ORIGIN_X, ORIGIN_Y, CELL = 39470000, 3540000, 400


def square(row, col, size=100, shrink=0):
    x, y = ORIGIN_X + col * CELL + shrink, ORIGIN_Y + row * CELL + shrink
    s = size - 2 * shrink
    return f"MULTIPOLYGON((({x} {y},{x + s} {y},{x + s} {y + s},{x} {y + s},{x} {y})))"


def build_database(path, rng, crs="EPSG:4527"):
    """A project database of 8–14 projects with 2–6 plots each, through the plugin's API; returns the codes."""
    from qgis.core import QgsGeometry
    from double_guarantee_plugin.core import project_db, projects
    project_db.create_project_database(str(path), crs)
    plots, project_layer = project_db.open_project_database(str(path))
    codes = []
    for row in range(rng.randint(8, 14)):
        code = f"R{row:02d}"
        codes.append(code)
        projects.add_project(project_layer, {
            "project_code": code, "project_name": rng.choice(NAMES[:2]), "county_code": "320999",
            "project_type": rng.choice(TYPES), "funding_source": rng.choice(FUNDING),
            "implemented_on": rng.choice(DATES), "status": rng.choice(("planned", "under_way"))})
        for col in range(rng.randint(2, 6)):
            projects.add_plot(plots, code, QgsGeometry.fromWkt(square(row, col)), {
                "plot_code": f"{code}-{col + 1:02d}", "class_before": "0404", "class_after": rng.choice(CLASSES),
                "grade_system": "use_grade_15", "grade_before": rng.randint(8, 15), "grade_after": rng.randint(3, 7)})
    assert project_layer.commitChanges(), project_layer.commitErrors()
    assert plots.commitChanges(), plots.commitErrors()
    del plots, project_layer
    return codes


def copy_to_postgis(gpkg, owner_uri, schema):
    """The same projects and plots in a new PostGIS project schema (made with create_project_database_pg)."""
    import sqlite3
    from double_guarantee_plugin.core.offline.gpkg import geometry_wkb
    from double_guarantee_plugin.core.project_db_pg import create_project_database_pg
    create_project_database_pg(owner_uri, schema, "EPSG:4527")
    with sqlite3.connect(str(gpkg)) as connection:
        connection.row_factory = sqlite3.Row
        for row in connection.execute("SELECT * FROM projects ORDER BY fid"):
            values = {k: row[k] for k in row.keys() if k != "fid"}
            pg(owner_uri, f"INSERT INTO {schema}.projects ({', '.join(values)}) VALUES "
                          f"({', '.join(['%s'] * len(values))})", list(values.values()))
        for row in connection.execute("SELECT * FROM plots ORDER BY fid"):
            values = {k: row[k] for k in row.keys() if k not in ("fid", "geom")}
            pg(owner_uri, f"INSERT INTO {schema}.plots ({', '.join(values)}, geom) VALUES "
                          f"({', '.join(['%s'] * len(values))}, ST_GeomFromWKB(%s, 4527))",
               list(values.values()) + [geometry_wkb(row["geom"])])


# -- reading a state ---------------------------------------------------------------------------------

@dataclass
class State:
    projects: dict = field(default_factory=dict)   # code → {column: value}
    plots: dict = field(default_factory=dict)      # plot_code → (attributes, normal WKB hex)
    reviews: dict = field(default_factory=dict)    # table → {uuid}
    photos: dict = field(default_factory=dict)     # uuid → sha256 of the stored bytes


def gpkg_state(path):
    import sqlite3
    from double_guarantee_plugin.core.offline.gpkg import blob_normal_wkb
    from double_guarantee_plugin.core.offline.versions import canonical
    state = State()
    with sqlite3.connect(str(path)) as connection:
        connection.row_factory = sqlite3.Row
        for row in connection.execute("SELECT * FROM projects"):
            state.projects[row["project_code"]] = {k: canonical(row[k]) for k in row.keys() if k != "fid"}
        for row in connection.execute("SELECT * FROM plots"):
            wkb = blob_normal_wkb(row["geom"])
            state.plots[row["plot_code"]] = ({k: canonical(row[k]) for k in row.keys() if k not in ("fid", "geom")},
                                             wkb.hex() if wkb else None)
        for table in ("dg_reviews", "dg_review_photos", "dg_field_points"):
            state.reviews[table] = {row[0] for row in connection.execute(f"SELECT uuid FROM {table}")}
        for row in connection.execute("SELECT uuid, content FROM dg_review_photos"):
            state.photos[row[0]] = hashlib.sha256(bytes(row[1])).hexdigest()
    return state


def pg_state(uri, schema):
    import psycopg2
    import psycopg2.extras
    from double_guarantee_plugin.core.offline.gpkg import normal_wkb
    from double_guarantee_plugin.core.offline.versions import canonical
    state = State()
    connection = psycopg2.connect(uri)
    try:
        with connection.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cursor:
            cursor.execute(f"SELECT * FROM {schema}.projects")
            for row in cursor.fetchall():
                state.projects[row["project_code"]] = {k: canonical(v) for k, v in row.items() if k != "fid"}
            cursor.execute(f"SELECT *, ST_AsBinary(geom, 'NDR') AS wkb FROM {schema}.plots")
            for row in cursor.fetchall():
                wkb = normal_wkb(row["wkb"])
                state.plots[row["plot_code"]] = ({k: canonical(v) for k, v in row.items()
                                                  if k not in ("fid", "geom", "wkb")}, wkb.hex() if wkb else None)
            for table in ("dg_reviews", "dg_review_photos", "dg_field_points"):
                cursor.execute(f"SELECT uuid FROM {schema}.{table}")
                state.reviews[table] = {row["uuid"] for row in cursor.fetchall()}
            cursor.execute(f"SELECT uuid, content FROM {schema}.dg_review_photos")
            for row in cursor.fetchall():
                state.photos[row["uuid"]] = hashlib.sha256(bytes(row["content"])).hexdigest()
    finally:
        connection.close()
    return state


# -- editing as other users ----------------------------------------------------------------------------

class GpkgEditor:
    """Edits of a GeoPackage (office file or laptop package) by plain sqlite3 and OGR."""

    def __init__(self, path):
        self.path = path

    def plots(self):
        return sql(self.path, "SELECT fid, plot_code, project_code FROM plots ORDER BY fid")

    def codes(self):
        return [row[0] for row in sql(self.path, "SELECT project_code FROM projects ORDER BY project_code")]

    def set_project(self, code, name, value):
        sql(self.path, f"UPDATE projects SET {name} = ? WHERE project_code = ?", (value, code))

    def add_project(self, values):
        sql(self.path, f"INSERT INTO projects ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
            list(values.values()))

    def delete_project(self, code, with_plots):
        if with_plots:
            sql(self.path, "DELETE FROM plots WHERE project_code = ?", (code,))
        sql(self.path, "DELETE FROM projects WHERE project_code = ?", (code,))

    def set_plot(self, fid, wkt=None, **values):
        ogr_set(self.path, fid, wkt, **values)

    def delete_plot(self, fid):
        ogr_delete(self.path, fid)

    def add_plot(self, code, plot_code, wkt, grade):
        ogr_add_plot(self.path, code, plot_code, wkt, grade)

    def add_review(self, code, who):
        from double_guarantee_plugin.core.review import ReviewStore
        return ReviewStore(self.path).add_review(code, "to_verify", who, "随机核查").uuid

    def delete_review(self, uuid):
        sql(self.path, "DELETE FROM dg_reviews WHERE uuid = ?", (uuid,))


class PgEditor:
    """Edits of a PostGIS project schema by psycopg2 (as its owner)."""

    def __init__(self, uri, schema):
        self.uri, self.schema = uri, schema

    def plots(self):
        return pg(self.uri, f"SELECT fid, plot_code, project_code FROM {self.schema}.plots ORDER BY fid")

    def codes(self):
        return [row[0] for row in pg(self.uri, f"SELECT project_code FROM {self.schema}.projects ORDER BY 1")]

    def set_project(self, code, name, value):
        pg(self.uri, f"UPDATE {self.schema}.projects SET {name} = %s WHERE project_code = %s", (value, code))

    def add_project(self, values):
        pg(self.uri, f"INSERT INTO {self.schema}.projects ({', '.join(values)}) VALUES "
                     f"({', '.join(['%s'] * len(values))})", list(values.values()))

    def delete_project(self, code, with_plots):
        if with_plots:
            pg(self.uri, f"DELETE FROM {self.schema}.plots WHERE project_code = %s", (code,))
        pg(self.uri, f"DELETE FROM {self.schema}.projects WHERE project_code = %s", (code,))

    def set_plot(self, fid, wkt=None, **values):
        sets = [f"{k} = %s" for k in values] + (["geom = ST_GeomFromText(%s, 4527)"] if wkt else [])
        pg(self.uri, f"UPDATE {self.schema}.plots SET {', '.join(sets)} WHERE fid = %s",
           list(values.values()) + ([wkt] if wkt else []) + [fid])

    def delete_plot(self, fid):
        pg(self.uri, f"DELETE FROM {self.schema}.plots WHERE fid = %s", (fid,))

    def add_plot(self, code, plot_code, wkt, grade):
        pg(self.uri, f"INSERT INTO {self.schema}.plots (project_code, plot_code, class_before, class_after, "
                     f"grade_system, grade_after, geom) VALUES (%s, %s, '0404', '0103', 'use_grade_15', %s, "
                     f"ST_GeomFromText(%s, 4527))", (code, plot_code, grade, wkt))

    def add_review(self, code, who):
        from double_guarantee_plugin.core.review_pg import PgReviewStore
        store = PgReviewStore(self.uri, self.schema)
        try:
            return store.add_review(code, "passed", who, "内业").uuid
        finally:
            store.close()

    def delete_review(self, uuid):
        pg(self.uri, f"DELETE FROM {self.schema}.dg_reviews WHERE uuid = %s", (uuid,))


def random_edits(editor, rng, codes, tag, count, photo=None):
    """``count`` random edits of the projects ``codes`` (and their plots): values from small sets, so that
    the other side often makes the same change; sometimes a new project, plot, review or photo."""
    def pick(items):
        return rng.choice(items[:2] if rng.random() < 0.5 else items)   # two "hot" projects: clashes happen

    for step in range(count):
        kind = rng.random()
        present = [code for code in codes if code in editor.codes()]
        plots = [row for row in editor.plots() if row[2] in codes]
        if plots and rng.random() < 0.5:
            hot = [row for row in plots if row[2] in present[:2]]
            plots = hot or plots
        if kind < 0.30 and plots:
            fid = rng.choice(plots)[0]
            editor.set_plot(fid, **{rng.choice(("grade_after", "class_after")): None} if rng.random() < 0.05 else
                            rng.choice(({"grade_after": rng.randint(3, 5)}, {"class_after": rng.choice(CLASSES)})))
        elif kind < 0.38 and plots:
            fid = rng.choice(plots)[0]
            editor.set_plot(fid, wkt=square(30 + fid // 10, fid % 10, shrink=rng.choice((5, 10))))
        elif kind < 0.46 and plots:
            editor.delete_plot(rng.choice(plots)[0])
        elif kind < 0.52 and present:
            code = rng.choice(present)
            editor.add_plot(code, f"{code}-{tag}{step}", square(60, step), rng.randint(3, 7))
        elif kind < 0.80 and present:
            name = rng.choice(list(PROJECT_FIELDS))
            editor.set_project(pick(present), name, rng.choice(PROJECT_FIELDS[name]))
        elif kind < 0.84:
            code = f"N{tag}{step}"
            editor.add_project({"project_code": code, "project_name": rng.choice(NAMES), "county_code": "320999",
                                "status": rng.choice(STATUSES)})
            codes.append(code)
        elif kind < 0.88 and present:
            editor.delete_project(rng.choice(present), with_plots=rng.random() < 0.8)
        elif kind < 0.95 and present:
            editor.add_review(rng.choice(present), tag)
        elif photo is not None and present:
            photo(rng.choice(present))


# -- the oracle --------------------------------------------------------------------------------------

@dataclass
class Expected:
    state: State
    plot_conflicts: set       # plot codes with an open conflict
    project_conflicts: set    # (project code, field or '' for the row, kind)


def expect(exported, office, field_state, open_plots=(), open_projects=()):
    """What the office must hold after bringing back ``field_state`` when the package was ``exported`` (or
    last merged) and the office is ``office``; open conflicts carried over from earlier merges included."""
    result = copy.deepcopy(office)
    plot_conflicts, project_conflicts = set(open_plots), set(open_projects)
    for key in set(exported.plots) | set(field_state.plots):
        before, now, there = exported.plots.get(key), field_state.plots.get(key), office.plots.get(key)
        if now == before:
            continue
        plot_conflicts.discard(key)
        if there == now:
            continue
        if there == before:
            if now is None:
                result.plots.pop(key, None)
            else:
                result.plots[key] = now
        else:
            plot_conflicts.add(key)
    deleted_in_field = []
    for code in sorted(set(exported.projects) | set(field_state.projects)):
        before, now, there = (exported.projects.get(code), field_state.projects.get(code),
                              office.projects.get(code))
        if now is not None and before is not None:
            changed = [name for name in now if name != "project_code" and now[name] != before.get(name)]
            if there is None:
                if changed:
                    project_conflicts.add((code, "", "deleted_home"))
                continue
            for name in changed:
                project_conflicts = {c for c in project_conflicts if c[:2] != (code, name)}
                if there[name] == now[name]:
                    continue
                if there[name] == before.get(name):
                    if name == "status" and (now[name] in OFFICE_STATUSES or there[name] in OFFICE_STATUSES):
                        project_conflicts.add((code, name, "status_held"))
                    else:
                        result.projects[code][name] = now[name]
                else:
                    project_conflicts.add((code, name, "edited_both"))
        elif now is not None:
            assert there is None, "the random edits never create the same code on both sides"
            result.projects[code] = dict(now)
            if now.get("status") in OFFICE_STATUSES:
                result.projects[code]["status"] = "planned"
                project_conflicts.add((code, "status", "status_held"))
        elif before is not None:
            deleted_in_field.append((code, before, there))
    for code, before, there in deleted_in_field:
        if there is None:
            continue
        untouched = all(there[name] == before.get(name) for name in there if name != "project_code")
        plots_left = any(attributes["project_code"] == code for attributes, _wkb in result.plots.values())
        if untouched and there.get("status") not in OFFICE_STATUSES and not plots_left:
            del result.projects[code]
        else:
            project_conflicts.add((code, "", "deleted_offline"))
    for table, uuids in field_state.reviews.items():
        new = uuids - exported.reviews.get(table, set())
        result.reviews[table] = office.reviews.get(table, set()) | new
    for uuid in field_state.reviews.get("dg_review_photos", set()) - exported.reviews.get("dg_review_photos", set()):
        result.photos[uuid] = field_state.photos[uuid]
    return Expected(result, plot_conflicts, project_conflicts)


def open_conflicts(home):
    """``(plot codes, {(code, field, kind)})`` of the open conflicts in the office database."""
    from double_guarantee_plugin.core import offline
    return ({c.plot_code for c in offline.conflicts(home, status="open")},
            {(c.project_code, c.field, c.kind) for c in offline.project_conflicts(home, status="open")})


def assert_matches(actual, expected, where):
    """The office state and its open conflicts are what the oracle says, with readable differences."""
    for name in ("projects", "plots", "reviews", "photos"):
        got, want = getattr(actual, name), getattr(expected.state, name)
        if got != want:
            keys = sorted(set(got) | set(want), key=str)
            diff = {k: (want.get(k), got.get(k)) for k in keys if got.get(k) != want.get(k)}
            raise AssertionError(f"{where}: {name} differ (expected, got): {diff}")


def conflicts_keep_the_field_side(home, field_state):
    """Every open conflict keeps the field's value as the package holds it (the office's value stays in the
    office database, where the state check saw it)."""
    from double_guarantee_plugin.core import offline
    for conflict in offline.project_conflicts(home, status="open"):
        now = field_state.projects.get(conflict.project_code)
        if conflict.field and now is not None:
            assert conflict.offline_value == now[conflict.field], conflict
    for conflict in offline.conflicts(home, status="open"):
        now = field_state.plots.get(conflict.plot_code)
        if now is None:
            assert conflict.offline_attributes is None, conflict
        else:
            assert conflict.offline_attributes == {k: v for k, v in now[0].items()
                                                   if k in conflict.offline_attributes}, conflict
            assert conflict.offline_geom.hex() == now[1], conflict


def make_photo(path, colour):
    from qgis.PyQt.QtGui import QColor, QImage
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


def run_scenario(rng, home, package, office, read_office, fingerprint_office, office_codes, chosen, folder,
                 merged_by="王工"):
    """Two bring-backs with office edits, decisions and more field work between them, each judged by the
    oracle; the same package brought back again at every step must change nothing."""
    from double_guarantee_plugin.core import offline
    from double_guarantee_plugin.core.review import ReviewStore
    field_codes = list(chosen)
    photos = iter(range(1000))

    def field_photo(code):
        path = make_photo(folder / f"IMG_{next(photos):04d}.png", rng.choice(("#3a7d2c", "#8b5a2b", "#446688")))
        ReviewStore(package).add_photo(code, path, added_by="王工")

    def merge_and_check(exported, where, open_before=((), ())):
        before, now = read_office(), gpkg_state(package)
        result = offline.merge_back(home, package, merged_by)
        expected = expect(exported, before, now, *open_before)
        assert_matches(read_office(), expected, where)
        assert open_conflicts(home) == (expected.plot_conflicts, expected.project_conflicts), where
        conflicts_keep_the_field_side(home, now)
        return result

    def unchanged_again(where):
        fingerprint = fingerprint_office()
        assert not offline.merge_back(home, package, merged_by).changed_anything, where
        after = fingerprint_office()
        assert after == fingerprint, (where, [name for name in after if after[name] != fingerprint.get(name)])

    exported = gpkg_state(package)
    field = GpkgEditor(package)
    random_edits(office, rng, office_codes, "o", 20)
    random_edits(field, rng, field_codes, "f", 20, photo=field_photo)
    first = merge_and_check(exported, "first bring-back")
    unchanged_again("the same package at once")
    random_edits(office, rng, office_codes, "p", 8)
    unchanged_again("the same package after office edits")
    for conflict in offline.conflicts(home, status="open") + offline.project_conflicts(home, status="open"):
        resolve = offline.resolve_conflict if isinstance(conflict, offline.Conflict) else \
            offline.resolve_project_conflict
        try:
            resolve(home, conflict.id, rng.choice(("home", "offline")), "张科长")
        except offline.OfflineError:
            pass    # the office changed it since, or plots still refer to it: it stays open
    unchanged_again("the same package after decisions")
    exported = gpkg_state(package)
    random_edits(field, rng, field_codes, "g", 16, photo=field_photo)
    second = merge_and_check(exported, "after more field work", open_conflicts(home))
    unchanged_again("the same package at the end")
    return first, second
