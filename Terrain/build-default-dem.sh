#!/usr/bin/env bash
# Rebuilds Terrain/peru_itu_p1511_5min.tif, the coarse default DEM that `make demo` uses on an offline machine,
# from the ITU-R P.1511-2 topography grid shipped inside the PyPI package `itur` (0.4.0, MIT-licensed code).
# Needs: python3 with pip and numpy, and gdal-bin (gdal_translate).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --no-deps --quiet itur==0.4.0 -d "$work"
python3 - "$work" <<'PY'
import glob, io, sys, zipfile
import numpy as np
work = sys.argv[1]
wheel = zipfile.ZipFile(glob.glob(f"{work}/itur-0.4.0-*.whl")[0])
load = lambda name: np.load(io.BytesIO(wheel.read(f"itur/data/1511/{name}.npz")))["arr_0"]
topo, lat, lon = load("v2_topo"), load("v2_lat"), load("v2_lon")
# Node-registered grid: row i at latitude 90.125 - i/12, column j at longitude -180.125 + j/12.
step = 1 / 12
rows = np.where((lat[:, 0] <= 0.5 + 1e-9) & (lat[:, 0] >= -19.5 - 1e-9))[0]
cols = np.where((lon[0, :] >= -82 - 1e-9) & (lon[0, :] <= -66 + 1e-9))[0]
cut = np.rint(topo[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]).astype("<i2")
cut.tofile(f"{work}/peru.bin")
west = lon[0, cols[0]] - step / 2
north = lat[rows[0], 0] + step / 2
with open(f"{work}/peru.hdr", "w") as header:
    header.write(
        "ENVI\nsamples = %d\nlines = %d\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\n"
        "data type = 2\ninterleave = bsq\nbyte order = 0\n"
        "map info = {Geographic Lat/Lon, 1, 1, %.12f, %.12f, %.12f, %.12f, WGS-84}\n"
        % (cut.shape[1], cut.shape[0], west, north, step, step))
print(f"cut {cut.shape[1]} x {cut.shape[0]} cells, {cut.min()}..{cut.max()} m, NW corner {west:.4f}, {north:.4f}")
PY
# -a_ullr pins the exact 1/12-degree corners (-82, 0.5, -66, -19.5) against float noise in the header.
gdal_translate -q -of GTiff -a_srs EPSG:4326 -a_ullr -82 0.5 -66 -19.5 -ot Int16 -co TILED=YES -co COMPRESS=DEFLATE -co PREDICTOR=2 \
  -co ZLEVEL=9 -mo "SOURCE=ITU-R P.1511-2 topography (1/12 degree), via the PyPI package itur 0.4.0" \
  -mo "UNITS=metres above mean sea level; sea = 0" "$work/peru.bin" "$here/peru_itu_p1511_5min.tif"
gdalinfo "$here/peru_itu_p1511_5min.tif" | grep -E "Size is|Origin|Pixel Size"
