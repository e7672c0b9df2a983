#!/usr/bin/env bash
# agent-footprint.sh — wall time and peak RSS of one `hatang-agent collect`, next to the tools an
# office would otherwise use: `lshw -json` and `fusioninventory-inventory`.
#
#   sudo scripts/bench/agent-footprint.sh          # RUNS=7 by default; RUNS=11 for more
#
# Run as root on Debian 12: it installs lshw, fusioninventory-agent and time when missing, and
# lshw/dmidecode read more as root (the agent forks them too). Each command runs RUNS times; the
# first run is a warm-up and is discarded; the table shows medians. Raw figures stay in a temp
# directory (printed at the end). Targets (issue): agent wall time <= 0.5x fusioninventory's, peak
# RSS <= 100 MB.
#
# Agent rows: the launcher as users run it (AppCDS archive present); the fat jar with the
# launcher's exact java options and the archive; the same without the archive (a first run); and
# plain `java -jar` with JDK defaults, to show what the tuning buys.
# Peak RSS is /usr/bin/time's %M: the largest single process of the tree (getrusage), not a sum.
set -euo pipefail

RUNS=${RUNS:-7}
if ! [[ $RUNS =~ ^[0-9]+$ ]] || ((RUNS < 2)); then
  echo "agent-footprint: RUNS must be a number >= 2 (one warm-up + at least one measured run)" >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
jar=$root/agent/target/hatang-agent.jar
jsa=$root/agent/target/hatang-agent.jsa
# The launcher's own option strings, so that the direct rows use exactly the same options.
# shellcheck source=../lib/launcher.sh
HATANG_ROOT=$root . "$root/scripts/lib/launcher.sh"

# --- Tools ----------------------------------------------------------------------------------------
missing=()
command -v lshw >/dev/null 2>&1 || missing+=(lshw)
command -v fusioninventory-inventory >/dev/null 2>&1 || missing+=(fusioninventory-agent)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "agent-footprint: missing ${missing[*]}; run as root to install them" >&2
    exit 4
  fi
  echo "agent-footprint: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java

# --- The agent jar and its CDS archive ------------------------------------------------------------
# One run through the launcher builds the jar if needed and leaves the archive, as a user's first
# run does.
if [[ ! -f $jsa ]] || [[ -n $(find "$jar" -newer "$jsa" 2>/dev/null) ]] || [[ ! -f $jar ]]; then
  echo "agent-footprint: first run of scripts/hatang-agent collect (builds the CDS archive)" >&2
  "$root/scripts/hatang-agent" collect >/dev/null
fi
[[ -f $jar && -f $jsa ]] || { echo "agent-footprint: no agent jar or CDS archive" >&2; exit 4; }

raw=$(mktemp -d /tmp/agent-footprint.XXXXXX)

# --- Measuring ------------------------------------------------------------------------------------
# measure NAME CMD...: RUNS runs; writes "wall_ms rss_kb exit" per run to $raw/NAME.tsv.
measure() {
  local name=$1
  shift
  local i start end rc
  : >"$raw/$name.tsv"
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    set +e
    /usr/bin/time -f '%e %M' -o "$raw/$name.$i.time" "$@" >"$raw/$name.$i.out" 2>"$raw/$name.$i.err"
    rc=$?
    set -e
    end=$(date +%s%N)
    printf '%d %s %d\n' $(((end - start) / 1000000)) "$(awk '{print $2}' "$raw/$name.$i.time" | tail -n 1)" "$rc" \
      >>"$raw/$name.tsv"
  done
  echo "agent-footprint: $name: $(tail -n +2 "$raw/$name.tsv" | awk '{printf "%s ms/%s kB  ", $1, $2}')" >&2
}

# median COLUMN FILE: median of a column over the measured runs (the first line is the warm-up).
median() {
  tail -n +2 "$2" | awk -v c="$1" '{print $c}' | sort -n |
    awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

read -r -a common <<<"$HATANG_JAVA_COMMON_OPTS"
read -r -a agent <<<"$HATANG_AGENT_JAVA_OPTS"

measure agent-launcher "$root/scripts/hatang-agent" collect
measure agent-cds "$java_cmd" "${common[@]}" "${agent[@]}" -XX:SharedArchiveFile="$jsa" -Xshare:auto \
  -jar "$jar" collect
measure agent-nocds "$java_cmd" "${common[@]}" "${agent[@]}" -jar "$jar" collect
measure agent-defaults "$java_cmd" -jar "$jar" collect
measure lshw lshw -json
measure fusioninventory fusioninventory-inventory

# Every agent row must have produced the same kind of JSON; a failed run is no benchmark.
for name in agent-launcher agent-cds agent-nocds agent-defaults lshw fusioninventory; do
  if awk '$3 != 0 {bad = 1} END {exit !bad}' "$raw/$name.tsv"; then
    echo "agent-footprint: $name exited non-zero; see $raw/$name.*.err" >&2
    exit 1
  fi
done
for name in agent-launcher agent-cds agent-nocds agent-defaults; do
  python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$raw/$name.1.out" \
    || { echo "agent-footprint: $name stdout is not JSON: $raw/$name.1.out" >&2; exit 1; }
done
# CDS must not change stdout: the archive's messages are off (diffed without the volatile fields).
strip() { grep -v -E '"(snapshotId|takenAt|durationMs)"' "$1"; }
if ! diff <(strip "$raw/agent-cds.1.out") <(strip "$raw/agent-nocds.1.out") >"$raw/cds-stdout.diff"; then
  echo "agent-footprint: note: stdout differs with and without CDS; see $raw/cds-stdout.diff" >&2
fi

# --- Report ---------------------------------------------------------------------------------------
fusion_ms=$(median 1 "$raw/fusioninventory.tsv")
lshw_ms=$(median 1 "$raw/lshw.tsv")
{
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)," \
    "$(free -m | awk '/^Mem:/ {printf "%.1f GiB", $2 / 1024}') RAM, kernel $(uname -r)," \
    "virtualisation: $(systemd-detect-virt 2>/dev/null || echo unknown)"
  echo "Java: $("$java_cmd" -version 2>&1 | head -n 2 | tail -n 1)"
  echo "lshw: $(lshw -version 2>&1 | tail -n 1); fusioninventory: $(fusioninventory-inventory --version 2>&1 | head -n 1)"
  echo "Runs: $RUNS per command, first discarded, medians of $((RUNS - 1)); raw: $raw"
  echo
  echo "| tool | median wall ms | median peak RSS MB | wall vs fusioninventory | wall vs lshw |"
  echo "|---|---:|---:|---:|---:|"
  row() {
    local label=$1 name=$2 ms kb
    ms=$(median 1 "$raw/$name.tsv")
    kb=$(median 2 "$raw/$name.tsv")
    awk -v l="$label" -v ms="$ms" -v kb="$kb" -v f="$fusion_ms" -v s="$lshw_ms" \
      'BEGIN {printf "| %s | %.0f | %.1f | %.2f× | %.2f× |\n", l, ms, kb / 1024, ms / f, ms / s}'
  }
  row '`hatang-agent collect` (launcher, AppCDS)' agent-launcher
  row 'agent jar, launcher options + AppCDS' agent-cds
  row 'agent jar, launcher options, no AppCDS (first run)' agent-nocds
  row 'agent jar, `java -jar` JDK defaults' agent-defaults
  row '`lshw -json`' lshw
  row '`fusioninventory-inventory`' fusioninventory
} | tee "$raw/report.md"
