#!/usr/bin/env bash
# Site-planning benchmarks (issue 12, Speed): `airpicture plan` as a whole process under /usr/bin/time -v.
#
#   (a) Benchmarks/plan-500.yaml: 500 generated candidates (summits of the VRAEM and the Bolivian border strip) on
#       the 30" composite, 4 sites;
#   (b) Benchmarks/plan-north-3s.yaml: 100 generated candidates in a 1.5° box of the northern Andes on the 3" SRTM
#       DEM of northern Peru (11,400 x 10,200 cells, 80 MB), 4 sites, objective: Peru inside the DEM.
#
# Each case runs without and with coarse-to-fine screening (the plan with a `screening:` block added: FACTOR times
# coarser, the best REFINE candidates on the full grid), each run limited to LIMIT_S seconds. Prints, per run: wall,
# user and system seconds, peak RSS, and the plan's answer (candidates weighed, expected km² with the sites).
#
# Environment knobs:
#   TERRAIN=      the 30" composite (default ../shared/terrain/peru_composite_30s.tif beside the repository)
#   TERRAIN_3S=   the 3" DEM of northern Peru (default ../shared/terrain/north_peru_3s_srtm3.tif beside the repository)
#   CASES="a b"   which cases to run
#   SCREEN="off on"  which variants to run (off: every candidate on the full grid; on: coarse-to-fine)
#   FACTOR_A=4 REFINE_A=40   screening of case (a);  FACTOR_B=10 REFINE_B=12   screening of case (b)
#   LIMIT_S=600   stop a run after this many seconds (reported as a timeout)
#   THREADS=      airpicture plan --threads (default: all cores)
#   AIRPICTURE=   the binary (default: .build/release/airpicture, built when missing)
#   OUT_DIR=      keep the outputs there (default: a temporary folder, removed)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
airpicture=${AIRPICTURE:-$here/.build/release/airpicture}
terrain=${TERRAIN:-$here/../shared/terrain/peru_composite_30s.tif}
terrain_3s=${TERRAIN_3S:-$here/../shared/terrain/north_peru_3s_srtm3.tif}
cases=${CASES:-a b}
screen=${SCREEN:-off on}
limit=${LIMIT_S:-600}
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian: time)" >&2; exit 1; }
[ -x "$airpicture" ] || (cd "$here" && swift build -c release --product airpicture >/dev/null)
for dem in "$terrain" "$terrain_3s"; do [ -r "$dem" ] || { echo "cannot read the DEM '$dem'" >&2; exit 1; }; done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out_dir=${OUT_DIR:-$work/out}
mkdir -p "$out_dir"

# The plan with its relative paths made absolute (it is copied out of Benchmarks/), plus a screening block when asked.
plan_copy() { # plan-file factor refine target
  sed "s#: \.\./#: $here/#" "$here/Benchmarks/$1" >"$4"
  if [ -n "$2" ]; then
    printf 'screening:\n  factor: {value: %s, assumption: "benchmark"}\n  refine: {value: %s, assumption: "benchmark"}\n' \
      "$2" "$3" >>"$4"
  fi
}

run() { # label plan-file dem factor refine
  local label=$1 plan=$work/$1.yaml out=$out_dir/$1 log=$work/$1.time
  plan_copy "$2" "$4" "$5" "$plan"
  local status=0
  /usr/bin/time -v -o "$log" timeout "$limit" "$airpicture" plan "$plan" --dem "$3" --out "$out" \
    ${THREADS:+--threads "$THREADS"} >"$work/$label.stdout" 2>"$work/$label.stderr" || status=$?
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  if [ "$status" = 124 ]; then
    echo "$label: TIMEOUT after ${limit} s (user ${user} s, sys ${sys} s, peak RSS ${rss} MB so far)"
    return
  elif [ "$status" != 0 ]; then
    echo "$label: failed ($status): $(head -c 300 "$work/$label.stderr")"
    return
  fi
  local candidates final
  candidates=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['candidates'])" "$out/plan.json")
  final=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('%.0f km2 (base %.0f, bound %.0f)' % (d['final_expected_km2'], d['base_expected_km2'], d['upper_bound_km2']))" "$out/plan.json")
  echo "$label: wall ${wall}, user ${user} s, sys ${sys} s, peak RSS ${rss} MB; ${candidates} candidates weighed; ${final}"
  grep -h "^screened" "$work/$label.stdout" || true
  echo "  sites: $(tail -n +2 "$out/plan.csv" | cut -d, -f2 | tr '\n' ' ')"
}

for case in $cases; do
  for variant in $screen; do
    case "$case-$variant" in
      a-off) run a-500-full plan-500.yaml "$terrain" "" "" ;;
      a-on) run a-500-screened plan-500.yaml "$terrain" "${FACTOR_A:-4}" "${REFINE_A:-40}" ;;
      b-off) run b-north-3s-full plan-north-3s.yaml "$terrain_3s" "" "" ;;
      b-on) run b-north-3s-screened plan-north-3s.yaml "$terrain_3s" "${FACTOR_B:-10}" "${REFINE_B:-12}" ;;
      *) echo "unknown case '$case' or variant '$variant'" >&2; exit 1 ;;
    esac
  done
done
