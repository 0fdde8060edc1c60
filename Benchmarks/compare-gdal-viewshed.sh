#!/usr/bin/env bash
# Side by side, in one run: `airpicture coverage` against GDAL's viewshed (Debian's gdal_viewshed 3.6 and, when its
# venv is present, GDAL 3.10.3 through ../shared/tools/gdal310_viewshed.py), end to end: each tool is a whole process
# that reads the DEM and writes its GeoTIFF, on the same projected DEM and observer, runs alternating. Prints every
# run, the median and range per tool, peak RSS, the ratios, and the floor (a process that only reads the DEM window,
# and `airpicture --version`, a process start). Machines are shared and noisy: read the ratios, not the seconds.
#
#   Benchmarks/compare-gdal-viewshed.sh [SOURCE_DEM]   (default ../shared/terrain/north_peru_3s_srtm3.tif)
#
# Environment knobs:
#   CASE=utm30 (default)  the issue-9 input: 3601 x 3601 Int16 DEM, DEFLATE, tiled, 30 m cells in UTM 18S
#                         (EPSG:32718), warped bilinearly from SOURCE_DEM around LAT,LON (default -6.03,-76.97,
#                         Moyobamba), range 50 km
#   CASE=tile90           the older case: 3601 x 3601 uncompressed tile of 90 m cells in UTM 17S around -7.16,-78.51
#                         (Cajamarca), range 160 km
#   RUNS=5  LAT=..  LON=..  RANGE_KM=..  SIZE=..  EPSG=..  CELL=..  THREADS= (airpicture --threads; default: all cores)
#   GDAL310_VENV=~/.venvs/gdal310  (skipped when absent)
#   KEEP_DEM=PATH         also copy the generated DEM there (for `airpicture bench --dem PATH --range-km 50`)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${AIRPICTURE_TERRAIN_DIR:-$here/../shared/terrain}
tools=${AIRPICTURE_TOOLS_DIR:-$here/../shared/tools}
source_dem=${1:-$shared/north_peru_3s_srtm3.tif}
case_name=${CASE:-utm30}
case "$case_name" in
  utm30)
    lat=${LAT:--6.03} lon=${LON:--76.97} range_km=${RANGE_KM:-50} epsg=${EPSG:-32718} cell=${CELL:-30}
    creation=(-ot Int16 -co COMPRESS=DEFLATE -co TILED=YES)
    layout="Int16, DEFLATE, tiled" ;;
  tile90)
    lat=${LAT:--7.16} lon=${LON:--78.51} range_km=${RANGE_KM:-160} epsg=${EPSG:-32717} cell=${CELL:-90}
    creation=()
    layout="source type, uncompressed" ;;
  *) echo "CASE must be utm30 or tile90, not '$case_name'" >&2; exit 1 ;;
esac
runs=${RUNS:-5}
size=${SIZE:-3601}
venv=${GDAL310_VENV:-$HOME/.venvs/gdal310}
airpicture=$here/.build/release/airpicture
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive whole number, not '$runs'" >&2; exit 1; }
[[ "$size" =~ ^[1-9][0-9]*$ ]] || { echo "SIZE must be a positive whole number, not '$size'" >&2; exit 1; }
[ -x "$airpicture" ] || (cd "$here" && swift build -c release --product airpicture >/dev/null)
for tool in gdal_viewshed gdalwarp gdal_translate gdaltransform; do
  command -v "$tool" >/dev/null || { echo "$tool not found (Debian: gdal-bin)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian: time)" >&2; exit 1; }
[ -r "$source_dem" ] || { echo "cannot read $source_dem" >&2; exit 1; }
gdal310=""
if [ -x "$venv/bin/python" ] && [ -r "$tools/gdal310_viewshed.py" ]; then gdal310=$venv/bin/python; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A size x size grid of cell-metre cells whose centre cell's centre is the observer (snapped to the grid).
read -r x y _ <<<"$(echo "$lon $lat" | gdaltransform -s_srs EPSG:4326 -t_srs "EPSG:$epsg")"
read -r cx cy xmin ymin xmax ymax <<<"$(python3 -c "
c, n = $cell, $size
cx, cy = (int($x // c) + 0.5) * c, (int($y // c) + 0.5) * c
half = n * c / 2
print(cx, cy, cx - half, cy - half, cx + half, cy + half)")"
gdalwarp -q -t_srs "EPSG:$epsg" -tr "$cell" "$cell" -r bilinear -te "$xmin" "$ymin" "$xmax" "$ymax" \
  ${creation[@]+"${creation[@]}"} "$source_dem" "$work/dem.tif"
[ -z "${KEEP_DEM:-}" ] || cp "$work/dem.tif" "$KEEP_DEM"
# The observer's latitude and longitude, from the snapped centre, so both tools stand on the same point.
read -r olon olat _ <<<"$(echo "$cx $cy" | gdaltransform -s_srs "EPSG:$epsg" -t_srs EPSG:4326)"
olat=$(python3 -c "print(f'{$olat:.9f}')")
olon=$(python3 -c "print(f'{$olon:.9f}')")
range_m=$(python3 -c "print(round($range_km * 1000))")
# The window airpicture reads: the range plus two cells, clipped to the DEM.
read -r wx0 wy0 wx1 wy1 <<<"$(python3 -c "
m = $range_m + 2 * $cell
print(max($cx - m, $xmin), min($cy + m, $ymax), min($cx + m, $xmax), max($cy - m, $ymin))")"
window_cells=$(python3 -c "print(round(($wx1 - $wx0) / $cell) * round(($wy0 - $wy1) / $cell))")

echo "DEM: $(gdalinfo "$work/dem.tif" | sed -n 's/^Size is //p' | tr -d ' ' | tr , x) cells of $cell m, $layout," \
  "EPSG:$epsg, from $(basename "$source_dem") (bilinear)"
echo "observer: centre cell ($olat, $olon; x $cx, y $cy), 10 m above ground; range $range_km km; k = 4/3" \
  "(GDAL -cc 0.75); window $(python3 -c "print(f'{$window_cells / 1e6:.1f}')") M cells"
echo "airpicture: $("$airpicture" --version), threads ${THREADS:-all ($(nproc) cores)}, default output" \
  "($airpicture)"
echo "gdal_viewshed: GDAL $(gdal-config --version 2>/dev/null || gdalinfo --version | sed 's/GDAL \([^,]*\),.*/\1/'), 1 thread"
if [ -n "$gdal310" ]; then
  echo "gdal 3.10: $("$gdal310" -c 'import rasterio; print(rasterio.__gdal_version__)') via rasterio's libgdal" \
    "($tools/gdal310_viewshed.py, GDAL_NUM_THREADS=1; whole process incl. Python start and import)"
else
  echo "gdal 3.10: skipped ($venv not found; see $tools/README.md)"
fi
echo "floor: gdal_translate -of MEM of the window (a process that only reads it); airpicture --version (process start)"

# Runs a command, its output kept in $work/stdout; prints "wall_milliseconds peak_rss_kb".
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$work/rss" "$@" >"$work/stdout" 2>"$work/stderr" || {
    echo "failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(tail -n 1 "$work/rss")"
}
threads_option=()
[ -n "${THREADS:-}" ] && threads_option=(--threads "$THREADS")
tools_run=(airpicture gdal36)
[ -n "$gdal310" ] && tools_run+=(gdal310)
tools_run+=(read version)
: >"$work/results"
for run in $(seq "$runs"); do
  line="run $run:"
  for tool in "${tools_run[@]}"; do
    rm -f "$work"/out-* "$work/stderr"
    case "$tool" in
      airpicture) r=$(measure "$airpicture" coverage --dem "$work/dem.tif" --site="$olat,$olon,10" \
        --range-km "$range_km" ${threads_option[@]+"${threads_option[@]}"} --out "$work/out-airpicture.tif") ;;
      gdal36) r=$(measure gdal_viewshed -q -ox "$cx" -oy "$cy" -oz 10 -md "$range_m" -cc 0.75 -om GROUND \
        "$work/dem.tif" "$work/out-gdal36.tif") ;;
      gdal310) r=$(measure env GDAL_NUM_THREADS=1 "$gdal310" "$tools/gdal310_viewshed.py" "$work/dem.tif" \
        "$work/out-gdal310.tif" "$cx" "$cy" 10 "$range_m" 0.75 GROUND 1) ;;
      read) r=$(measure gdal_translate -q -of MEM -projwin "$wx0" "$wy0" "$wx1" "$wy1" "$work/dem.tif" \
        "$work/out-read") ;;
      version) r=$(measure "$airpicture" --version) ;;
    esac
    # gdal310_viewshed.py prints the seconds spent inside GDALViewshedGenerate.
    inner=-1
    [ "$tool" = gdal310 ] && inner=$(tail -n 1 "$work/stdout")
    echo "$tool $r $inner" >>"$work/results"
    line+=" $tool $(awk -v ms="${r%% *}" 'BEGIN { printf "%.3f", ms / 1000 }') s"
    [ "$tool" = gdal310 ] && line+=" ($inner s inside GDAL)"
    line+=","
  done
  echo "${line%,}"
done
python3 - "$work/results" "$window_cells" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
window = int(sys.argv[2])
names = {"airpicture": "airpicture coverage", "gdal36": "gdal_viewshed 3.6", "gdal310": "GDAL 3.10.3 (1 thread)",
         "read": "floor: read the window", "version": "floor: airpicture --version"}
seconds, rss = {}, {}
inner = []
for tool, ms, kb, inside in rows:
    seconds.setdefault(tool, []).append(int(ms) / 1000)
    rss.setdefault(tool, []).append(int(kb) * 1024)
    if float(inside) >= 0:
        inner.append(float(inside))
print(f"{'tool':28} {'median s':>9} {'range s':>13} {'peak RSS MB':>12} {'RSS B/window cell':>18}")
for tool, values in seconds.items():
    peak = max(rss[tool])
    print(f"{names[tool]:28} {statistics.median(values):9.3f} {min(values):6.3f}-{max(values):<6.3f} "
          f"{peak / 2**20:12.0f} {peak / window:18.1f}")
ours = seconds["airpicture"]
for tool in ("gdal36", "gdal310"):
    if tool in seconds:
        ratios = [g / a for g, a in zip(seconds[tool], ours)]
        print(f"ratio {names[tool]} / airpicture: {statistics.median(seconds[tool]) / statistics.median(ours):.2f}x "
              f"(medians; per run {min(ratios):.2f}-{max(ratios):.2f}x)")
if inner:
    print(f"GDAL 3.10.3 inside GDALViewshedGenerate: median {statistics.median(inner):.3f} s "
          f"({min(inner):.3f}-{max(inner):.3f}); ratio to airpicture's whole process "
          f"{statistics.median(inner) / statistics.median(ours):.2f}x")
floor = statistics.median(seconds["read"])
print(f"airpicture over the read floor: {statistics.median(ours) - floor:.3f} s (median {statistics.median(ours):.3f} s "
      f"against {floor:.3f} s to read the window; process start {statistics.median(seconds['version']):.3f} s)")
PY
