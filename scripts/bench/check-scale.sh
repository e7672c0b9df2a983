#!/usr/bin/env bash
# check-scale.sh — `hatang check` on a province's worth of snapshots, against merely parsing the
# same files with Jackson, in the same run:
#
#   scripts/bench/check-scale.sh                     # 10,000, 30,000 and 100,000 snapshots, 3,000 units
#   RUNS=5 SIZES="100000" scripts/bench/check-scale.sh
#   ROWS="parse check-table" SIZES=100000 scripts/bench/check-scale.sh   # some rows only
#
# Data: scripts/bench/generate --seed $SEED --units $UNITS --snapshots N (period 2026-11-01, 30
# days) into $SCALE_DIR/seed$SEED-u$UNITS-s$N (default SCALE_DIR=/tmp/hatang-scale), reused when a
# previous run finished writing it. Rows, each run RUNS times (default 3) after one warm-up round
# (page cache, discarded); the rounds interleave the rows so a change of load hits them alike:
#   parse   the reference: bench ParseMain walks the folder as check does, reads every *.json and
#           parses it with ObjectMapper.readTree, nothing else (same JVM options as the launcher)
#   check -f json / check -f table   scripts/hatang check DIR --date 2026-11-30 > /dev/null
#   report  `hatang report` once it exists (see "REPORT" below); skipped while it is not a command
# Wall time around /usr/bin/time -v (installs the `time` package when missing and run as root),
# peak RSS = its "Maximum resident set size" (the java process; MB = 2^20 bytes), CPU = its user +
# system time (moves less than wall time with other load on a shared machine). Before the
# rounds it waits (at most QUIET_WAIT seconds, default 900) for the 1-minute load average to drop
# below 1.0, and records the load. Prints a Markdown table (medians; ratios against parse at the
# same size); raw figures stay in a temp directory (printed).
# Targets (issue 5): wall time <= 1.5x parse; peak RSS flat in the number of snapshots.
set -euo pipefail

RUNS=${RUNS:-3}
SEED=${SEED:-1}
UNITS=${UNITS:-3000}
SIZES=${SIZES:-10000 30000 100000}
SCALE_DIR=${SCALE_DIR:-/tmp/hatang-scale}
QUIET_WAIT=${QUIET_WAIT:-900}
FROM=2026-11-01
DAYS=30
EVAL_DATE=2026-11-30
if ! [[ $RUNS =~ ^[0-9]+$ ]] || ((RUNS < 1)); then
  echo "check-scale: RUNS must be a number >= 1" >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
HATANG_ROOT=$root
# shellcheck source=lib/bench-jars.sh
. "$root/scripts/bench/lib/bench-jars.sh"
bench_ensure_jars
# The reference runs with the checker's JVM options (launcher.sh), collector included.
read -r -a common <<<"$HATANG_JAVA_COMMON_OPTS $HATANG_CHECKER_JAVA_OPTS"
hatang=$root/scripts/hatang

if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "check-scale: /usr/bin/time is missing; install the 'time' package (or run as root)" >&2
    exit 4
  fi
  echo "check-scale: installing time" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >&2 \
    || { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >&2; }
fi

# --- Data -----------------------------------------------------------------------------------------
dataset() { # dataset N: prints the folder of N snapshots, generating it when needed
  local n=$1 dir=$SCALE_DIR/seed$SEED-u$UNITS-s$1
  if [[ ! -f $dir.complete ]]; then
    rm -rf "$dir"
    mkdir -p "$SCALE_DIR"
    "$root/scripts/bench/generate" --seed "$SEED" --units "$UNITS" --snapshots "$n" \
      --days "$DAYS" --from "$FROM" --out "$dir" >&2
    touch "$dir.complete"
  fi
  echo "$dir"
}

# --- REPORT: `hatang report` rows -----------------------------------------------------------------
# When `hatang report` exists, its rows are measured next to check's. Adjust REPORT_ARGS to its
# final options (the period the generated data covers is 2026-11).
REPORT_ARGS=(--period 2026-11 -f json)
has_report=0
if "$hatang" report --help 2>/dev/null | grep -q "hatang report"; then
  has_report=1
fi

# --- Measuring ------------------------------------------------------------------------------------
raw=$(mktemp -d /tmp/check-scale.XXXXXX)
# run_once NAME I CMD...: one run; appends "wall_ms rss_kb exit" to $raw/NAME.tsv
run_once() {
  local name=$1 i=$2
  shift 2
  local start end rc
  start=$(date +%s%N)
  set +e
  /usr/bin/time -v -o "$raw/$name.$i.time" "$@" >/dev/null 2>"$raw/$name.$i.err"
  rc=$?
  set -e
  end=$(date +%s%N)
  printf '%d %s %d\n' $(((end - start) / 1000000)) \
    "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$raw/$name.$i.time")" "$rc" >>"$raw/$name.tsv"
}

# median COLUMN FILE: median of a column over the runs
median() {
  cat "$2" | awk -v c="$1" '{print $c}' | sort -n |
    awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
range() { # range COLUMN FILE: min-max of the runs
  cat "$2" | awk -v c="$1" '{print $c}' | sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "-" hi}'
}

wait_quiet() {
  local waited=0 load
  while :; do
    load=$(cut -d ' ' -f 1 /proc/loadavg)
    if awk -v l="$load" 'BEGIN {exit !(l < 1.0)}'; then
      return 0
    fi
    if ((waited >= QUIET_WAIT)); then
      echo "check-scale: load average still $load after ${QUIET_WAIT}s; measuring anyway" >&2
      return 0
    fi
    sleep 15
    waited=$((waited + 15))
  done
}

declare -A dirs
for n in $SIZES; do dirs[$n]=$(dataset "$n"); done

# scripts/hatang makes the checker's class-data archive on its first check after a build: made
# here, so that no measured run pays for it.
for n in $SIZES; do
  "$hatang" check "$(find "${dirs[$n]}" -name '*.json' -print -quit)" >/dev/null 2>&1 || true
  break
done

wait_quiet
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
read -r -a rows <<<"${ROWS:-parse check-json check-table report}"
if ((has_report == 0)); then
  for k in "${!rows[@]}"; do [[ ${rows[k]} == report ]] && unset 'rows[k]'; done
fi
for n in $SIZES; do
  dir=${dirs[$n]}
  for row in "${rows[@]}"; do : >"$raw/$n.$row.tsv"; done
  # Warm-up: every file into the page cache, so that no row pays the first read from disk.
  find "$dir" -name '*.json' -exec cat {} + >/dev/null
  for ((i = 1; i <= RUNS; i++)); do
    for row in "${rows[@]}"; do
      case $row in
        parse) run_once "$n.parse" "$i" "$HATANG_JAVA" "${common[@]}" -cp "$BENCH_CP" vn.hatang.bench.ParseMain "$dir" ;;
        check-json) run_once "$n.check-json" "$i" "$hatang" check "$dir" --date "$EVAL_DATE" -f json ;;
        check-table) run_once "$n.check-table" "$i" "$hatang" check "$dir" --date "$EVAL_DATE" -f table ;;
        # REPORT: `hatang report` (only when it is a command of this build; REPORT_ARGS above)
        report) run_once "$n.report" "$i" "$hatang" report "$dir" "${REPORT_ARGS[@]}" ;;
        *) echo "check-scale: unknown row $row (parse check-json check-table report)" >&2; exit 2 ;;
      esac
    done
    cut -d ' ' -f 1 /proc/loadavg >>"$raw/load.txt"
    echo "check-scale: $n snapshots, round $i/$RUNS done (load $(cut -d ' ' -f 1 /proc/loadavg))" >&2
  done
done
load_after=$(cut -d ' ' -f 1-3 /proc/loadavg)

# --- Table ----------------------------------------------------------------------------------------
echo
echo "Load average before: $load_before; after: $load_after; during (1-min, after each round): $(paste -sd ' ' "$raw/load.txt"); $RUNS runs per row (medians)."
echo "Raw figures: $raw"
echo
"$root/scripts/bench/lib/scale-table.sh" "$raw"
if ((has_report == 0)); then
  echo
  echo "(\`hatang report\` is not a command of this build: its rows are skipped.)"
fi
