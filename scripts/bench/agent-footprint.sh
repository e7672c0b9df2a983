#!/usr/bin/env bash
# agent-footprint.sh — wall time and peak RSS of one `hatang-agent collect`, next to the tools an
# office would otherwise use: `lshw -json` and `fusioninventory-inventory`.
#
#   sudo scripts/bench/agent-footprint.sh          # RUNS=7 by default; RUNS=11 for more
#   sudo AGENT_LAUNCHER=/opt/hatang/bin/hatang-agent scripts/bench/agent-footprint.sh
#
# AGENT_LAUNCHER measures a release instead (scripts/package.sh: the tarball's
# hatang-VERSION/bin/hatang-agent, or the .deb's /opt/hatang/bin/hatang-agent): its launcher, and
# its jar and archive (lib/) run by its own runtime (runtime/bin/java) in the direct rows.
#
# Run as root on Debian 12: it installs lshw, fusioninventory-agent and time when missing, and
# lshw/dmidecode read more as root (the agent forks them too). RUNS rounds each run every command
# once (interleaved, so a change of load hits every row alike); the first round is a warm-up and
# is discarded; the table shows medians. Before each round it waits (at most QUIET_WAIT seconds,
# default 120) for other JVMs, such as a Maven build, to finish. Raw figures stay in a temp
# directory (printed). Targets (issue): agent wall time <= 0.5x fusioninventory's, peak RSS
# <= 100 MB.
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
raw=$(mktemp -d /tmp/agent-footprint.XXXXXX)
if [[ -n ${AGENT_LAUNCHER:-} ]]; then
  # A release, as it is installed: its launcher, jar, archive and runtime.
  [[ -x $AGENT_LAUNCHER ]] || { echo "agent-footprint: AGENT_LAUNCHER is not an executable file: $AGENT_LAUNCHER" >&2; exit 2; }
  release=$(cd -P "$(dirname "$(readlink -f "$AGENT_LAUNCHER")")/.." && pwd -P)
  launcher=$AGENT_LAUNCHER
  jar=$release/lib/hatang-agent.jar
  jsa=$release/lib/hatang-agent.jsa
  java_cmd=$release/runtime/bin/java
  [[ -f $jar && -x $java_cmd ]] || { echo "agent-footprint: $release has no lib/hatang-agent.jar or runtime/bin/java: not a release (scripts/package.sh)" >&2; exit 4; }
  # The .deb's postinst made the archive; an unpacked tarball makes it on its first collect.
  [[ -f $jsa ]] || "$launcher" collect >/dev/null
  [[ -f $jsa ]] || { echo "agent-footprint: no CDS archive $jsa (install the .deb, or run the tarball's bin/hatang-agent collect where lib/ is writable)" >&2; exit 4; }
  measured="release $release"
else
  # The repo's launcher builds the jar when it is missing (a jar older than the sources is
  # measured as it is: the sources may be mid-edit). The runs then use a copy laid out as an
  # installed agent (launcher + jar, no sources): what a PC runs, with no rebuild check and no
  # rebuild halfway.
  if [[ ! -f $root/agent/target/hatang-agent.jar ]]; then
    "$root/scripts/hatang-agent" collect >/dev/null
  fi
  inst=$raw/install
  mkdir -p "$inst/scripts/lib" "$inst/agent/target"
  cp "$root/scripts/hatang-agent" "$inst/scripts/"
  cp "$root/scripts/lib/launcher.sh" "$inst/scripts/lib/"
  cp "$root/agent/target/hatang-agent.jar" "$inst/agent/target/"
  launcher=$inst/scripts/hatang-agent
  jar=$inst/agent/target/hatang-agent.jar
  jsa=$inst/agent/target/hatang-agent.jsa
  # The archive records the jar's path, so the copy gets its own, made as a user's first run makes it.
  "$launcher" collect >/dev/null
  [[ -f $jsa ]] || { echo "agent-footprint: the launcher made no CDS archive ($jsa)" >&2; exit 4; }
  measured="checkout copy of agent/target/hatang-agent.jar"
fi

# --- Measuring ------------------------------------------------------------------------------------
# run_once NAME I CMD...: one run; appends "wall_ms rss_kb exit" to $raw/NAME.tsv.
run_once() {
  local name=$1 i=$2
  shift 2
  local start end rc
  start=$(date +%s%N)
  set +e
  /usr/bin/time -f '%e %M' -o "$raw/$name.$i.time" "$@" >"$raw/$name.$i.out" 2>"$raw/$name.$i.err"
  rc=$?
  set -e
  end=$(date +%s%N)
  printf '%d %s %d\n' $(((end - start) / 1000000)) "$(awk '{print $2}' "$raw/$name.$i.time" | tail -n 1)" \
    "$rc" >>"$raw/$name.tsv"
}

# Other JVMs (a Maven build on a shared machine) distort every figure: wait for them, at most
# QUIET_WAIT seconds (default 120) before each round, and count the rounds that could not wait.
wait_quiet() {
  local waited=0
  while pgrep -x java >/dev/null 2>&1; do
    if ((waited >= ${QUIET_WAIT:-120})); then
      busy_rounds=$((busy_rounds + 1))
      return 0
    fi
    sleep 5
    waited=$((waited + 5))
  done
}

# median COLUMN FILE: median of a column over the measured runs (the first line is the warm-up).
median() {
  tail -n +2 "$2" | awk -v c="$1" '{print $c}' | sort -n |
    awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
read -r -a common <<<"$HATANG_JAVA_COMMON_OPTS"
read -r -a agent <<<"$HATANG_AGENT_JAVA_OPTS"
names=(agent-launcher agent-cds agent-nocds agent-defaults lshw fusioninventory)
for name in "${names[@]}"; do : >"$raw/$name.tsv"; done
busy_rounds=0
# Rounds, each running every command once: a change of machine load hits all rows alike.
for ((i = 0; i < RUNS; i++)); do
  wait_quiet
  run_once agent-launcher "$i" "$launcher" collect
  run_once agent-cds "$i" "$java_cmd" "${common[@]}" "${agent[@]}" \
    -XX:SharedArchiveFile="$jsa" -Xshare:auto -jar "$jar" collect
  run_once agent-nocds "$i" "$java_cmd" "${common[@]}" "${agent[@]}" -jar "$jar" collect
  run_once agent-defaults "$i" "$java_cmd" -jar "$jar" collect
  run_once lshw "$i" lshw -json
  run_once fusioninventory "$i" fusioninventory-inventory
  echo "agent-footprint: round $((i + 1))/$RUNS done" >&2
done
for name in "${names[@]}"; do
  echo "agent-footprint: $name (ms/kB): $(awk '{printf "%s/%s ", $1, $2}' "$raw/$name.tsv")" >&2
done

# Every agent row must have produced the same kind of JSON; a failed run is no benchmark.
for name in "${names[@]}"; do
  if awk '$3 != 0 {bad = 1} END {exit !bad}' "$raw/$name.tsv"; then
    echo "agent-footprint: $name exited non-zero; see $raw/$name.*.err" >&2
    exit 1
  fi
done
for name in agent-launcher agent-cds agent-nocds agent-defaults; do
  python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$raw/$name.1.out" \
    || { echo "agent-footprint: $name stdout is not JSON: $raw/$name.1.out" >&2; exit 1; }
done
# CDS must not change stdout: the archive's messages are off (diffed without the fields that
# change from run to run).
strip() { grep -v -E '"(snapshotId|takenAt|durationMs|freeBytes)"' "$1"; }
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
  echo "Agent: $measured"
  echo "Java: $("$java_cmd" -version 2>&1 | head -n 2 | tail -n 1)"
  echo "Packages: lshw $(dpkg-query -W -f='${Version}' lshw 2>/dev/null)," \
    "fusioninventory-agent $(dpkg-query -W -f='${Version}' fusioninventory-agent 2>/dev/null)"
  echo "Load average before the runs: $load_before"
  echo "Runs: $RUNS rounds of every command, first discarded, medians of $((RUNS - 1));" \
    "rounds started while another JVM ran: $busy_rounds; raw: $raw"
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
