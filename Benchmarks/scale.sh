#!/usr/bin/env bash
# National scale, end to end (issue 9, target 4): `airpicture coverage` on generated DEMs too large for the old
# memory footprint, each run a whole process under /usr/bin/time.
#
#   (a) one TPS-70 (10 m mast, 444 km) at the centre of a generated 1" DEM of 30,000 x 30,000 cells (8.33° square,
#       north-west corner 0°, 81.5° W);
#   (b) a 10-radar network (the sites of the ordo-one network benchmark: the Air Force's TPS-70 sites and the civil
#       radar airports, all primary, 10 m masts, 444 km) over a Peru-sized generated 3" DEM of 19,200 x 24,000 cells
#       (16° x 20°: 81.5° W to 65.5° W, 0° to 20° S, the box around Peru).
#
# Each DEM is made by `airpicture terrain generate` (seed 2025, relief 4000 m, written strip by strip) once, and kept
# in $SCALE_DEM_DIR when set (reused by later runs), else in a temporary folder removed at the end. Prints, per
# step: wall, user and system seconds, peak RSS, and for coverage runs the window cells (the output grid: the
# union of the radars' windows), peak RSS bytes per window cell and the output file's size.
#
# Environment knobs:
#   SMALL=1          a quick check: 1/10 the cells per side over the same boxes (10" and 30" cells), same sites
#   CASES="a b"      which cases to run
#   SCALE_DEM_DIR=   where generated DEMs are kept (default: a temporary folder, removed)
#   SCALE_OUT_DIR=   where coverage outputs go and are kept (default: a temporary folder, removed after each run)
#   MIN_FREE_GB=3    stop a run (and the script) when the machine's available memory falls under this
#   THREADS=         airpicture coverage --threads (default: all cores)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
airpicture=$here/.build/release/airpicture
small=${SMALL:-0}
cases=${CASES:-a b}
min_free_gb=${MIN_FREE_GB:-3}
[[ "$min_free_gb" =~ ^[0-9]+$ ]] || { echo "MIN_FREE_GB must be a whole number, not '$min_free_gb'" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian: time)" >&2; exit 1; }
command -v gdalinfo >/dev/null || { echo "gdalinfo not found (Debian: gdal-bin)" >&2; exit 1; }
[ -x "$airpicture" ] || (cd "$here" && swift build -c release --product airpicture >/dev/null)

work=$(mktemp -d)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
dem_dir=${SCALE_DEM_DIR:-$work/dem}
out_dir=${SCALE_OUT_DIR:-$work/out}
mkdir -p "$dem_dir" "$out_dir"

if [ "$small" = 1 ]; then
  a_arcsec=10 a_side=3000 b_arcsec=30 b_columns=1920 b_rows=2400
else
  a_arcsec=1 a_side=30000 b_arcsec=3 b_columns=19200 b_rows=24000
fi
north=0 west=-81.5 seed=2025 relief=4000 range_km=444
threads_option=()
[ -n "${THREADS:-}" ] && threads_option=(--threads "$THREADS")

# Refuses, in one line, unless the folder of $1 has $2 bytes free.
need_disk() {
  local free
  free=$(( $(df -Pk "$1" | awk 'NR == 2 { print $4 }') * 1024 ))
  if [ "$free" -lt "$2" ]; then
    echo "scale.sh: $1 has $(( free >> 30 )) GiB free, $(( ($2 >> 30) + 1 )) GiB needed; free some or set" \
      "SCALE_DEM_DIR / SCALE_OUT_DIR elsewhere" >&2
    exit 1
  fi
}

# A file's size in MiB or GiB.
size_of() {
  awk -v b="$(stat -c %s "$1")" 'BEGIN { if (b < 1073741824) printf "%.1f MiB", b / 1048576; else printf "%.2f GiB", b / 1073741824 }'
}

available_kb() { awk '/^MemAvailable:/ { print $2 }' /proc/meminfo; }

# Runs "$@" under /usr/bin/time, stopping it when available memory falls under MIN_FREE_GB; leaves
# "wall user system peak_kb" in $work/time. Exits the script when the command is stopped; returns 1 (with its last
# line of stderr printed) when it fails.
timed() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" &
  local timer=$! low=0 child
  while kill -0 "$timer" 2>/dev/null; do
    if [ "$(available_kb)" -lt $(( min_free_gb * 1024 * 1024 )) ]; then
      low=1
      child=$(ps -o pid= --ppid "$timer" | head -n 1 | tr -d ' ')
      [ -n "$child" ] && kill "$child" 2>/dev/null
      break
    fi
    sleep 1
  done
  local status=0
  wait "$timer" || status=$?
  if [ "$low" = 1 ]; then
    echo "scale.sh: stopped '$*': available memory fell under $min_free_gb GiB (MIN_FREE_GB)" >&2
    exit 1
  fi
  if [ "$status" != 0 ]; then
    echo "scale.sh: '$*' failed (exit $status): $(tail -n 1 "$work/stderr")" >&2
    return 1
  fi
}

# Prints the figures of the last timed run; with a GeoTIFF output, its cells, bytes per cell and size.
report() {
  local label=$1 output=${2:-}
  read -r wall user system peak_kb <"$work/time"
  local line
  line=$(printf '%-34s wall %8.1f s  user %8.1f s  sys %6.1f s  peak RSS %6.2f GiB' "$label" "$wall" "$user" \
    "$system" "$(awk -v k="$peak_kb" 'BEGIN { print k / 1048576 }')")
  if [ -n "$output" ]; then
    local size cells
    size=$(gdalinfo "$output" | sed -n 's/^Size is \([0-9]*\), \([0-9]*\)/\1 \2/p')
    cells=$(( ${size% *} * ${size#* } ))
    line+=$(awk -v c="$cells" -v k="$peak_kb" -v s="$size" 'BEGIN {
      split(s, d, " ")
      printf "  window %s x %s = %.1f M cells  %.2f B/cell", d[1], d[2], c / 1e6, k * 1024 / c }')
    line+="  output $(size_of "$output")"
  fi
  echo "$line"
}

# Generates (or reuses) a DEM: $1 arc-seconds, $2 columns, $3 rows; prints its path.
dem() {
  local path="$dem_dir/generated-${1}s-${2}x${3}-seed$seed.tif"
  if [ -s "$path" ]; then
    echo "reusing $path" >&2
  else
    need_disk "$dem_dir" $(( $2 * $3 * 2 ))
    timed "$airpicture" terrain generate --cell-arcsec "$1" --columns "$2" --rows "$3" --north=$north \
      --west=$west --seed $seed --relief-m $relief --out "$path" || exit 1
    report "terrain generate ${1}\" ${2}x${3}" >&2
    echo "  DEM $(size_of "$path") on disk" >&2
  fi
  echo "$path"
}

echo "airpicture $("$airpicture" --version); $(nproc) cores; $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' \
  /proc/meminfo) memory, $(awk '/^MemAvailable:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) available;" \
  "$( [ "$small" = 1 ] && echo "SMALL=1 (1/10 the cells per side)" || echo "full size")"

# A coverage run that fails (or is refused, say for memory) is reported and the next case runs; the script then
# exits non-zero.
failures=0
for case_name in $cases; do
  case "$case_name" in
    a)
      path=$(dem "$a_arcsec" "$a_side" "$a_side")
      read -r lat lon <<<"$(awk -v n=$north -v w=$west -v c="$a_arcsec" -v s="$a_side" \
        'BEGIN { printf "%.6f %.6f", n - s * c / 7200, w + s * c / 7200 }')"
      # Worst case on disk: three Float32 bands and a byte band, uncompressed, over the whole DEM.
      need_disk "$out_dir" $(( a_side * a_side * 13 ))
      if timed "$airpicture" coverage --dem "$path" --site="$lat,$lon,10,TPS-70" --range-km $range_km \
        ${threads_option[@]+"${threads_option[@]}"} --out "$out_dir/one-radar.tif"; then
        report "(a) 1 radar, ${a_arcsec}\" ${a_side}x${a_side}" "$out_dir/one-radar.tif"
      else
        failures=$((failures + 1))
      fi
      ;;
    b)
      path=$(dem "$b_arcsec" "$b_columns" "$b_rows")
      sites=()
      for site in -12.6131,-69.2282 -8.3779,-74.5743 -12.0194,-77.1155 -16.3405,-71.5708 -13.1548,-74.2044 \
        -7.1392,-78.4894 -13.5357,-71.9388 -3.7847,-73.3088 -5.2057,-80.6164 -6.5087,-76.3733; do
        sites+=("--site=$site,10")
      done
      need_disk "$out_dir" $(( b_columns * b_rows * 13 ))
      if timed "$airpicture" coverage --dem "$path" "${sites[@]}" --range-km $range_km \
        ${threads_option[@]+"${threads_option[@]}"} --out "$out_dir/network.tif"; then
        report "(b) 10 radars, ${b_arcsec}\" ${b_columns}x${b_rows}" "$out_dir/network.tif"
      else
        failures=$((failures + 1))
      fi
      ;;
    *) echo "scale.sh: CASES takes a and b, not '$case_name'" >&2; exit 1 ;;
  esac
  # Outputs are kept only in a folder the caller named.
  [ -n "${SCALE_OUT_DIR:-}" ] || rm -f "$out_dir/one-radar.tif" "$out_dir/network.tif"
done
[ "$failures" = 0 ] || { echo "scale.sh: $failures coverage run(s) failed" >&2; exit 1; }
