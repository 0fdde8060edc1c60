#!/usr/bin/env bash
# Submits an AirPicture job as a Slurm job array of N shards (airpicture-shards.sbatch) and the merge job
# (airpicture-merge.sbatch) that starts only when every shard has succeeded (--dependency=afterok). Prints both ids.
#
#   Scenarios/cluster/slurm/submit.sh -n 4 -w /shared/work/plan1 -o /shared/out/plan1 -- \
#     plan Scenarios/plan-vraem-border.yaml
#
#   -n N        number of shards (array tasks 1..N)
#   -w DIR      shard folders go to DIR/shard-I, logs to DIR/logs (storage every node sees)
#   -o DIR      the merged output folder (must not exist, be empty, or be an earlier complete AirPicture output)
#   -s ARGS     extra sbatch arguments for both jobs (partition, account, time, memory), e.g. "-p short --mem=8G"
#   -- CMD ...  the airpicture subcommand and its arguments, without --shard and --out
# AIRPICTURE in the environment names the binary (default: airpicture on PATH); sbatch passes it on.
set -euo pipefail

fail() {
  echo "submit.sh: $*" >&2
  exit 2
}

here=$(cd "$(dirname "$0")" && pwd)
shards="" work="" out="" extra=""
while getopts "n:w:o:s:" flag; do
  case $flag in
    n) shards=$OPTARG ;;
    w) work=$OPTARG ;;
    o) out=$OPTARG ;;
    s) extra=$OPTARG ;;
    *) fail "unknown option (see the comment at the top of this script)" ;;
  esac
done
shift $((OPTIND - 1))
[[ ${1:-} == -- ]] && shift
[[ $shards =~ ^[1-9][0-9]*$ ]] || fail "-n needs a shard count of 1 or more"
[[ -n $work && -n $out ]] || fail "-w WORK_DIR and -o OUT_DIR are required"
(($# > 0)) || fail "give the airpicture command after --, e.g. -- plan Scenarios/plan-vraem-border.yaml"
command -v sbatch >/dev/null || fail "sbatch is not on PATH: run this on a Slurm login node"

mkdir -p "$work/logs"
# shellcheck disable=SC2086
array=$(sbatch --parsable $extra --array="1-$shards" --output="$work/logs/shard-%a.out" \
  "$here/airpicture-shards.sbatch" "$work" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable $extra --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --output="$work/logs/merge.out" "$here/airpicture-merge.sbatch" "$work" "$out")
echo "array ${array} merge ${merge%%;*}"
