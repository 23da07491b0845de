#!/usr/bin/python3
# Every GIS export opened with GDAL's own ogrinfo (Debian gdal-bin): feature
# counts, field types and CRS of the events (GeoPackage, FlatGeobuf,
# Shapefile, a zipped Shapefile on standard output) and of the control
# layers (GeoPackage, GeoJSON).
# Usage: gis_export_test.py SITREP SOURCE_DIR WORK_DIR
import csv
import io
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import acled_support as acled  # noqa: E402

if shutil.which("ogrinfo") is None:
    acled.skip("ogrinfo is not installed (apt-get install gdal-bin, or run scripts/setup)")

sitrep, source_dir, work_dir = sys.argv[1:4]
db = acled.build_database(sitrep, source_dir, work_dir, control=True)
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def ogrinfo(path, layer):
    """Summary of one layer: feature count, EPSG code, geometry, {field: type}."""
    out = acled.run(["ogrinfo", "-ro", "-so", path, layer]).stdout.decode("utf-8")
    count = re.search(r"^Feature Count: (\d+)$", out, re.M)
    geometry = re.search(r"^Geometry: (.+)$", out, re.M)
    epsg = re.findall(r'ID\["EPSG",(\d+)\]\]\s*$', out, re.M)
    fields = dict(re.findall(r"^(\w+): (\w+) \(", out, re.M))
    return {"count": int(count.group(1)) if count else -1, "geometry": geometry.group(1) if geometry else "",
            "epsg": epsg[-1] if epsg else "", "fields": fields, "text": out}


# What the ACLED CSV holds, for the counts: events with coordinates (the GIS
# formats carry points only) and Displacement (which the CSV leaves out).
csv_text = acled.run([sitrep, "export", "--db", db]).stdout.decode("utf-8")
rows = list(csv.DictReader(io.StringIO(csv_text)))
with_points = sum(1 for r in rows if r["latitude"] and r["longitude"])
check(with_points >= 5, "the fixture has events with points (%d)" % with_points)
columns = list(rows[0].keys()) if rows else []

# The type each column must have: dates as dates, integers as integers.
expected = {"event_date": "Date", "year": "Integer", "time_precision": "Integer", "inter1": "Integer",
            "inter2": "Integer", "interaction": "Integer", "iso": "Integer", "geo_precision": "Integer",
            "fatalities": "Integer", "timestamp": "Integer64", "claim_id": "Integer64", "latitude": "Real",
            "longitude": "Real", "event_id_cnty": "String", "notes": "String", "actor1": "String",
            "event_date_to": "Date"}
# A shapefile's field names are at most 10 characters (docs/acled.md lists them).
short = {"event_date": "event_date", "year": "year", "time_precision": "time_prec", "inter1": "inter1",
         "inter2": "inter2", "interaction": "interact", "iso": "iso", "geo_precision": "geo_prec",
         "fatalities": "fatalities", "timestamp": "timestamp", "claim_id": "claim_id", "latitude": "latitude",
         "longitude": "longitude", "event_id_cnty": "event_id", "notes": "notes", "actor1": "actor1",
         "event_date_to": "date_to"}

exports = {
    "gpkg": (os.path.join(work_dir, "events.gpkg"), "events", False),
    "fgb": (os.path.join(work_dir, "events.fgb"), "events", False),
    "shp": (os.path.join(work_dir, "events.shp"), "events", True),
}
for fmt, (path, layer, is_shp) in exports.items():
    acled.run([sitrep, "export", "--db", db, "--format", fmt, "-o", path])
zipped = os.path.join(work_dir, "stdout.shp.zip")
with open(zipped, "wb") as f:
    f.write(acled.run([sitrep, "export", "--db", db, "--format", "shp"]).stdout)
exports["shp (standard output)"] = (zipped, "events", True)

for fmt, (path, layer, is_shp) in exports.items():
    info = ogrinfo(path, layer)
    check(info["count"] == with_points, "%s: %d features, expected %d" % (fmt, info["count"], with_points))
    check(info["epsg"] == "4326", "%s: CRS EPSG:4326, not %r" % (fmt, info["epsg"]))
    check(info["geometry"] == "Point", "%s: Point geometry, not %r" % (fmt, info["geometry"]))
    check(len(info["fields"]) == len(columns), "%s: %d fields, the CSV has %d" % (fmt, len(info["fields"]), len(columns)))
    for column, want in expected.items():
        # FlatGeobuf has no date-only type: GDAL stores a date as DateTime.
        if fmt == "fgb" and want == "Date":
            want = "DateTime"
        got = info["fields"].get(short[column] if is_shp else column)
        check(got == want, "%s: %s is %s, not %s" % (fmt, column, got, want))

# A value read back: the first event's date and id, from the GeoPackage.
first = rows[0]
out = acled.run(["ogrinfo", "-ro", "-al", "-q", "-where", "claim_id = %s" % first["claim_id"],
                 exports["gpkg"][0]]).stdout.decode("utf-8")
check(("event_date (Date) = %s" % first["event_date"].replace("-", "/")) in out, "gpkg: the date reads back")
check(("event_id_cnty (String) = %s" % first["event_id_cnty"]) in out, "gpkg: the id reads back")

# Control layers: one feature per layer and date, as `control show` lists them.
show = acled.run([sitrep, "control", "show", "--db", db, "--format", "csv"]).stdout.decode("utf-8")
layers = list(csv.DictReader(io.StringIO(show)))
check(len(layers) >= 2, "the example control layers were imported")
for fmt, ext in (("gpkg", "gpkg"), ("geojson", "geojson")):
    path = os.path.join(work_dir, "control." + ext)
    acled.run([sitrep, "control", "export", "--db", db, "--format", fmt, "-o", path])
    info = ogrinfo(path, "control")
    check(info["count"] == len(layers), "control %s: %d features, expected %d" % (fmt, info["count"], len(layers)))
    check(info["epsg"] == "4326", "control %s: EPSG:4326" % fmt)
    want = {"layer": "String", "date": "Date", "holder": "String", "features": "Integer", "area_km2": "Real",
            "area_sq_mi": "Real", "boundary_km": "Real"}
    for field, t in want.items():
        check(info["fields"].get(field) == t, "control %s: %s is %s, not %s" % (fmt, field, info["fields"].get(field), t))
    # The stored geodesic area, not a planar one.
    for layer in layers:
        out = acled.run(["ogrinfo", "-ro", "-al", "-q", "-where", "date = '%s' AND layer = '%s'" % (
            layer["date"], layer["layer"]), path]).stdout.decode("utf-8")
        m = re.search(r"area_km2 \(Real\) = ([0-9.]+)", out)
        check(m is not None and abs(float(m.group(1)) - float(layer["area_km2"])) < 0.01,
              "control %s: %s %s area %s km2" % (fmt, layer["layer"], layer["date"], layer["area_km2"]))
        check("MULTIPOLYGON" in out or "POLYGON" in out, "control %s: a polygon geometry" % fmt)

# GDAL is a plugin loaded only for these formats (src/store/gdal_plugin.h):
# sitrep itself does not link it, and without the plugin a GIS export fails
# with a message naming it while the CSV export still works.
libs = subprocess.run(["ldd", sitrep], capture_output=True).stdout.decode("utf-8", "replace")
check("libgdal" not in libs, "sitrep links GDAL itself:\n" + libs)
env = dict(os.environ, SITREP_GDAL_PLUGIN=os.path.join(work_dir, "no-such-plugin.so"))
r = subprocess.run([sitrep, "export", "--db", db, "--format", "gpkg", "-o", os.path.join(work_dir, "x.gpkg")],
                   capture_output=True, env=env)
err = r.stderr.decode("utf-8", "replace")
check(r.returncode != 0 and "GDAL plugin" in err and "no-such-plugin.so" in err,
      "without the plugin: exit %d, %r" % (r.returncode, err))
r = subprocess.run([sitrep, "export", "--db", db], capture_output=True, env=env)
check(r.returncode == 0 and r.stdout == csv_text.encode("utf-8"), "the CSV export needs no plugin")

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("GIS exports: %d event exports and 2 control exports open in GDAL with the expected counts, types and CRS"
      % len(exports))
