#!/usr/bin/env bash
# Rebuilds the simplified analysis regions and borders in this folder from the public-domain Natural Earth files in
# ../shared/reference/boundaries (see SOURCES.md there). Needs gdal-bin (ogr2ogr).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
boundaries=${1:-$here/../../../shared/reference/boundaries}
cd "$here"
rm -f analysis-regions.geojson borders.geojson
# Peru (about 0.025 degree tolerance) and the five approximate analysis regions, name and area only.
ogr2ogr -f GeoJSON -lco RFC7946=YES -lco COORDINATE_PRECISION=4 -simplify 0.025 -nln regions \
  -sql "SELECT 'Peru' AS name, 'country' AS kind FROM peru" analysis-regions.geojson "$boundaries/peru.geojson"
ogr2ogr -f GeoJSON -append -simplify 0.005 -nln regions -dialect sqlite -sql \
  "SELECT geometry, CASE WHEN name LIKE 'Peru-Bolivia%' THEN 'Bolivian border strip' WHEN name LIKE 'VRAEM%' THEN 'VRAEM' \
   WHEN name LIKE 'Upper Huallaga%' THEN 'Upper Huallaga' WHEN name LIKE 'Madre de Dios%' THEN 'Madre de Dios' \
   WHEN name LIKE 'Puno%' THEN 'Puno' END AS name, 'analysis region (approximate)' AS kind FROM regions \
   WHERE name NOT LIKE 'Tri-border%'" analysis-regions.geojson "$boundaries/regions.geojson"
# Borders of Peru and its neighbours (cut to 84-64 W, 22 S-2 N) for maps, coarser (about 0.03 degree).
ogr2ogr -f GeoJSON -lco RFC7946=YES -lco COORDINATE_PRECISION=3 -simplify 0.03 -nln borders \
  -sql "SELECT 'Peru' AS name FROM peru" borders.geojson "$boundaries/peru.geojson"
ogr2ogr -f GeoJSON -append -clipsrc -84 -22 -64 2 -simplify 0.03 -nln borders -sql "SELECT name FROM neighbours" \
  borders.geojson "$boundaries/neighbours.geojson"
for f in analysis-regions.geojson borders.geojson; do
  echo "$f: $(ogrinfo -ro -al -q "$f" | grep -c '^OGRFeature') features, $(wc -c <"$f") bytes"
done
