#!/usr/bin/env bash
# Side by side, in one run: `airpicture coverage` against GDAL's `gdal_viewshed -om GROUND`, end to end (each a
# process that reads the DEM and writes its GeoTIFF), on the same projected DEM and observer, runs alternating.
# Prints each run, the medians and the ratio. Machines are shared and noisy: read the ratio, not the seconds.
#
#   Benchmarks/compare-gdal-viewshed.sh [SOURCE_DEM]   (default ../shared/terrain/north_peru_3s_srtm3.tif)
#   RUNS=5 RANGE_KM=160 SIZE=3601 THREADS=1 ...        (environment knobs)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${AIRPICTURE_TERRAIN_DIR:-$here/../shared/terrain}
source_dem=${1:-$shared/north_peru_3s_srtm3.tif}
runs=${RUNS:-3}
range_km=${RANGE_KM:-160}
size=${SIZE:-3601}
threads=${THREADS:-$(nproc)}
lat=${LAT:--7.16}
lon=${LON:--78.51}
airpicture=$here/.build/release/airpicture
[ -x "$airpicture" ] || (cd "$here" && swift build -c release --product airpicture >/dev/null)
command -v gdal_viewshed >/dev/null || { echo "gdal_viewshed not found (Debian: gdal-bin)" >&2; exit 1; }
[ -r "$source_dem" ] || { echo "cannot read $source_dem" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A size x size tile of 90 m cells in UTM 17S centred on the observer, uncompressed so I/O favours neither tool.
read -r x y _ <<<"$(echo "$lon $lat" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32717)"
half=$(python3 -c "print($size * 90 / 2)")
cx=$(python3 -c "print(round($x / 90) * 90 + 45)")
cy=$(python3 -c "print(round($y / 90) * 90 + 45)")
gdalwarp -q -t_srs EPSG:32717 -tr 90 90 -r bilinear \
  -te "$(python3 -c "print($cx - 45 - $half)")" "$(python3 -c "print($cy - 45 - $half)")" \
      "$(python3 -c "print($cx - 45 + $half)")" "$(python3 -c "print($cy - 45 + $half)")" \
  "$source_dem" "$work/dem.tif"
echo "DEM: $(gdalinfo "$work/dem.tif" | grep 'Size is'), 90 m, UTM 17S, from $(basename "$source_dem")"
echo "observer: $lat, $lon (x $cx, y $cy), 10 m above ground, range $range_km km, k = 4/3 (gdal -cc 0.75)"
echo "airpicture threads: $threads; gdal_viewshed: 1 thread (GDAL $(gdal-config --version 2>/dev/null || gdalinfo --version))"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); python3 -c "print(f'{$end - $start:.3f}')"; }
ours=()
theirs=()
for run in $(seq "$runs"); do
  a=$(seconds "$airpicture" coverage --dem "$work/dem.tif" --site="$lat,$lon,10" --range-km "$range_km" \
    --threads "$threads" --out "$work/airpicture.tif")
  g=$(seconds gdal_viewshed -q -ox "$cx" -oy "$cy" -oz 10 -tz 0 -md "$((range_km * 1000))" -cc 0.75 \
    -om GROUND "$work/dem.tif" "$work/gdal.tif")
  echo "run $run: airpicture coverage $a s, gdal_viewshed -om GROUND $g s"
  ours+=("$a")
  theirs+=("$g")
done
python3 - "${ours[*]}" "${theirs[*]}" <<'PY'
import statistics, sys
ours = [float(v) for v in sys.argv[1].split()]
theirs = [float(v) for v in sys.argv[2].split()]
a, g = statistics.median(ours), statistics.median(theirs)
print(f"median: airpicture {a:.3f} s, gdal_viewshed {g:.3f} s; gdal_viewshed / airpicture = {g / a:.2f}x")
PY
