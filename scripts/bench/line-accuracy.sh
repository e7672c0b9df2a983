#!/usr/bin/env bash
# line-accuracy.sh — how close `hatang-agent measure` comes to the truth on a shaped link, next to
# iperf3 on the same link in the same run.
#
#   sudo scripts/bench/line-accuracy.sh [--rates "10 50 100 300 1000"] [--delays "0 20"] [--seconds 10]
#
# Run as root on Debian 12 (it installs iperf3, iproute2, iptables, ethtool, iputils-ping, curl and
# python3 with apt-get when missing). For each rate x one-way delay it builds a private link: two
# network namespaces joined by one veth pair (10.213.7.1/30 client, 10.213.7.2/30 server; nothing
# is added to the root namespace, no traffic leaves the machine), TSO/GSO/GRO off, tbf on both
# veth egresses (queue = 50 ms at the rate, burst = max(16 kB, 5 ms of the rate)), and, when the
# delay is not 0, a userspace delay line in each namespace (iptables raw PREROUTING -j NFQUEUE +
# lib/delayline.py: this kernel has no netem). Congestion control is the kernel default (bbr).
# See docs in /work/shared/context/line-measurement-research.md, Part B, for the bench's origin.
#
# On that link: `hatang serve` in the server namespace, `hatang-agent measure` in the client
# namespace, then iperf3 (4 streams, 2 s omitted, receiver side) as the referee, download (-R) and
# upload, and `ping -U` for the base RTT (plain ping under-reports the delay line's delay).
#
# Jars (relative to the repo root unless absolute):
#   HATANG_JAR  default cli/target/hatang.jar          (needs the `serve` command)
#   AGENT_JAR   default agent/target/hatang-agent.jar  (needs the `measure` command)
# When a jar is missing or lacks its command, the hatang columns read "not available" and the
# link/iperf3 rows still run.
#
# Other settings (environment):
#   DELAYLINE_MAX_MBIT  highest rate the python delay line is asked to carry (default 300: it
#                       carried 300 Mbit/s at 20 ms/dir at 0.956 on a 2-vCPU VM, and 1000 only at
#                       0.915). Delay rows above it print "skipped".
#   BUDGET_SECONDS      global bound of the whole script (default: from the number of runs).
#   KEEP_RAW=1          keep the raw outputs (JSON, logs) in the temp directory printed at the end.
#
# Targets (PASS/FAIL column): download and upload within +-3% of the ceiling (1448/1514 x rate),
# never worse than iperf3 in the same run by more than 1 point, idle latency within +-2 ms of the
# configured RTT (2 x one-way delay), bytes moved <= 1.3 x rate x duration.
#
# Every step runs under `timeout`; the whole script under a global budget; an EXIT/INT/TERM trap
# kills what it started (by pid) and deletes the namespaces (with them the veth, qdiscs and
# iptables rules, which only ever exist inside them).
set -uo pipefail

usage() {
  sed -n '2,4p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

rates="10 50 100 300 1000"
delays="0 20"
seconds=10
while (($# > 0)); do
  case $1 in
    --rates) rates=${2:?--rates needs a value}; shift 2 ;;
    --rates=*) rates=${1#*=}; shift ;;
    --delays) delays=${2:?--delays needs a value}; shift 2 ;;
    --delays=*) delays=${1#*=}; shift ;;
    --seconds) seconds=${2:?--seconds needs a value}; shift 2 ;;
    --seconds=*) seconds=${1#*=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "line-accuracy: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
for r in $rates; do
  [[ $r =~ ^[0-9]+$ ]] && ((r > 0)) || { echo "line-accuracy: a rate must be a whole number of Mbit/s > 0: $r" >&2; exit 2; }
done
for d in $delays; do
  [[ $d =~ ^[0-9]+$ ]] || { echo "line-accuracy: a delay must be a whole number of ms: $d" >&2; exit 2; }
done
[[ $seconds =~ ^[0-9]+$ ]] && ((seconds >= 3)) || { echo "line-accuracy: --seconds must be a number >= 3" >&2; exit 2; }
if [[ $(id -u) -ne 0 ]]; then
  echo "line-accuracy: run as root (namespaces, tc, iptables)" >&2
  exit 4
fi

DELAYLINE_MAX_MBIT=${DELAYLINE_MAX_MBIT:-300}
n_rates=$(wc -w <<<"$rates")
n_delays=$(wc -w <<<"$delays")
# Per run: link set-up, serve start-up (<= 60 s), measure (its own bound is 4 x seconds + 30 s),
# two iperf3 runs of seconds + 2 s. Plus apt-get.
BUDGET_SECONDS=${BUDGET_SECONDS:-$((n_rates * n_delays * (7 * seconds + 200) + 600))}

# The global bound: the script re-runs itself under `timeout`; on expiry its TERM trap cleans up.
if [[ -z ${LINE_ACCURACY_BOUNDED:-} ]]; then
  export LINE_ACCURACY_BOUNDED=1
  exec timeout --kill-after=60 "$BUDGET_SECONDS" bash "${BASH_SOURCE[0]}" --rates "$rates" --delays "$delays" --seconds "$seconds"
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
here=$root/scripts/bench
NSC=hla-c-$$
NSS=hla-s-$$
CLIENT=10.213.7.1
SERVER=10.213.7.2
PORT=8080
raw=$(mktemp -d /tmp/line-accuracy.XXXXXX)
pids=()
namespaces=()

log() { printf '%s\n' "$*" >&2; }

# --- Cleanup ---------------------------------------------------------------------------------------
cleaned=
cleanup() {
  [[ -n $cleaned ]] && return
  cleaned=1
  local p ns
  [[ -n ${fg_pid:-} ]] && pids+=("$fg_pid")
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for ns in "${namespaces[@]}"; do
    for p in $(ip netns pids "$ns" 2>/dev/null); do kill -TERM "$p" 2>/dev/null; done
  done
  sleep 0.5
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  for ns in "${namespaces[@]}"; do
    for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
    ip netns exec "$ns" iptables -t raw -F PREROUTING 2>/dev/null
    ip netns del "$ns" 2>/dev/null
  done
  pids=()
  namespaces=()
}
on_exit() {
  local rc=$?
  cleanup
  if [[ -n ${KEEP_RAW:-} ]]; then
    log "line-accuracy: raw outputs kept in $raw"
  else
    rm -rf "$raw"
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'log "line-accuracy: interrupted, cleaning up"; exit 130' INT
trap 'log "line-accuracy: stopped (global budget ${BUDGET_SECONDS}s or TERM), cleaning up"; exit 143' TERM

# bounded SECS CMD...: runs CMD under timeout, in the background so that a signal reaches the trap
# at once; returns its exit status.
# (Its pid is kept in fg_pid for the trap while it runs, and forgotten after: a pid is only ever
# signalled while it is ours.)
fg_pid=
bounded() {
  local secs=$1 rc
  shift
  timeout --kill-after=5 "$secs" "$@" &
  fg_pid=$!
  wait "$fg_pid"
  rc=$?
  fg_pid=
  return "$rc"
}

# --- Tools -----------------------------------------------------------------------------------------
missing=()
command -v iperf3 >/dev/null 2>&1 || missing+=(iperf3)
command -v ip >/dev/null 2>&1 && command -v tc >/dev/null 2>&1 || missing+=(iproute2)
command -v iptables >/dev/null 2>&1 || missing+=(iptables)
command -v ethtool >/dev/null 2>&1 || missing+=(ethtool)
command -v ping >/dev/null 2>&1 || missing+=(iputils-ping)
command -v curl >/dev/null 2>&1 || missing+=(curl)
[[ -x /usr/bin/python3 ]] || missing+=(python3)
if ((${#missing[@]} > 0)); then
  log "line-accuracy: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  bounded 300 apt-get update -qq >&2 || { log "line-accuracy: apt-get update failed"; exit 4; }
  bounded 600 apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
    { log "line-accuracy: apt-get install ${missing[*]} failed"; exit 4; }
fi
py=/usr/bin/python3 # not a pyenv shim: it must run inside `ip netns exec`
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java

# --- The machine -----------------------------------------------------------------------------------
echo "# line-accuracy"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "- nproc: $(nproc)"
echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "- kernel: $(uname -r)"
echo "- load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- java: $("$java_cmd" -version 2>&1 | head -n 1)"
echo "- iperf3: $(iperf3 --version 2>/dev/null | head -n 1)"
echo "- congestion control: $(cat /proc/sys/net/ipv4/tcp_congestion_control)"
echo "- rates: $rates Mbit/s; one-way delays: $delays ms; $seconds s per direction; global budget ${BUDGET_SECONDS}s"

# --- The jars --------------------------------------------------------------------------------------
abs() { [[ $1 == /* ]] && printf '%s' "$1" || printf '%s/%s' "$root" "$1"; }
HATANG_JAR=$(abs "${HATANG_JAR:-cli/target/hatang.jar}")
AGENT_JAR=$(abs "${AGENT_JAR:-agent/target/hatang-agent.jar}")
hatang_ok=
hatang_why=
measure_help=
if [[ ! -f $HATANG_JAR ]]; then
  hatang_why="no $HATANG_JAR"
elif ! bounded 60 "$java_cmd" -jar "$HATANG_JAR" serve --help >"$raw/serve-help.txt" 2>&1 ||
  ! grep -Eq '^Usage: [^ ]+ serve( |$)' "$raw/serve-help.txt"; then
  # (A jar without the command prints the top-level help, exit 0: hence the Usage line check.)
  hatang_why="$HATANG_JAR has no 'serve' command yet"
elif [[ ! -f $AGENT_JAR ]]; then
  hatang_why="no $AGENT_JAR"
elif ! bounded 60 "$java_cmd" -jar "$AGENT_JAR" measure --help >"$raw/measure-help.txt" 2>&1 ||
  ! grep -Eq '^Usage: [^ ]+ measure( |$)' "$raw/measure-help.txt"; then
  hatang_why="$AGENT_JAR has no 'measure' command yet"
else
  hatang_ok=1
  measure_help=$(cat "$raw/measure-help.txt")
fi
echo "- HATANG_JAR: $HATANG_JAR"
echo "- AGENT_JAR: $AGENT_JAR"
if [[ -n $hatang_ok ]]; then
  if grep -q -- '--seconds' <<<"$measure_help"; then
    echo "- measure: --line bench=http://$SERVER:$PORT --seconds $seconds"
  else
    echo "- measure: --config (lines: [{name: bench, endpoint: http://$SERVER:$PORT, seconds: $seconds}])"
  fi
else
  echo "- hatang rows: not available ($hatang_why)"
fi
echo

# --- The link --------------------------------------------------------------------------------------
# link_up RATE DELAY: namespaces, veth, addresses, offloads, tbf, delay line. Returns non-zero when
# a step fails (the caller tears down and reports the row as broken).
link_up() {
  local rate=$1 delay=$2 bps burst limit ns dev
  ip netns add "$NSC" || return 1
  namespaces+=("$NSC")
  ip netns add "$NSS" || return 1
  namespaces+=("$NSS")
  # Both ends are created directly inside their namespaces: the root namespace never sees them.
  ip link add c0 netns "$NSC" type veth peer name s0 netns "$NSS" || return 1
  ip -n "$NSC" addr add "$CLIENT/30" dev c0 || return 1
  ip -n "$NSS" addr add "$SERVER/30" dev s0 || return 1
  bps=$((rate * 1000000 / 8))
  burst=$((bps / 200)) # 5 ms of the rate
  ((burst < 16000)) && burst=16000
  limit=$((bps / 20)) # 50 ms of the rate
  for ns in "$NSC" "$NSS"; do
    dev=$([[ $ns == "$NSC" ]] && echo c0 || echo s0)
    ip -n "$ns" link set lo up || return 1
    ip -n "$ns" link set "$dev" up || return 1
    bounded 10 ip netns exec "$ns" ethtool -K "$dev" tso off gso off gro off >/dev/null 2>&1 || return 1
    ip netns exec "$ns" tc qdisc replace dev "$dev" root tbf rate "${rate}mbit" burst "$burst" limit "$limit" || return 1
    if ((delay > 0)); then
      # The delay line holds what this namespace receives: download data in the client, upload
      # data and ACKs in the server, so each direction is delayed once.
      ip netns exec "$ns" iptables -t raw -A PREROUTING -i "$dev" -j NFQUEUE --queue-num 0 || return 1
      timeout --kill-after=5 "$BUDGET_SECONDS" ip netns exec "$ns" "$py" "$here/lib/delayline.py" \
        --delay-ms "$delay" --queue 0 --max-seconds "$BUDGET_SECONDS" >"$raw/delayline-$ns.log" 2>&1 &
      pids+=("$!")
    fi
  done
  if ((delay > 0)); then
    local i
    for i in $(seq 50); do
      (($(cat "$raw"/delayline-*.log 2>/dev/null | grep -c '^delayline: ready') >= 2)) && break
      sleep 0.1
    done
    (($(cat "$raw"/delayline-*.log 2>/dev/null | grep -c '^delayline: ready') >= 2)) ||
      { log "line-accuracy: the delay line did not start: $(cat "$raw"/delayline-*.log)"; return 1; }
  fi
  # The link answers (bounded): 3 pings, at least one reply.
  bounded 10 ip netns exec "$NSC" ping -c 3 -i 0.2 -W 2 -q "$SERVER" >/dev/null || return 1
}

link_down() {
  cleanup
  cleaned=
  local f
  for f in "$raw"/delayline-*.log; do
    [[ -f $f ]] && mv "$f" "${f%.log}-${tag:-x}.txt" # kept for KEEP_RAW; out of the ready check's way
  done
}

# ping_rtt: mean RTT (ms) of 20 `ping -U` (user-to-user timestamps, so the client-side hold counts).
ping_rtt() {
  bounded 20 ip netns exec "$NSC" ping -U -c 20 -i 0.2 -W 2 -q "$SERVER" 2>/dev/null |
    sed -n 's|^rtt [^=]*= [0-9.]*/\([0-9.]*\)/.*|\1|p'
}

# iperf3_run up|down TAG: receiver-side Mbit/s (empty on failure).
iperf3_run() {
  local dir=$1 tag=$2 flag=() i
  [[ $dir == down ]] && flag=(-R)
  timeout --kill-after=5 $((seconds + 40)) ip netns exec "$NSS" iperf3 -s -1 -B "$SERVER" >"$raw/iperf3-server-$dir-$tag.log" 2>&1 &
  local sp=$!
  pids+=("$sp")
  for i in $(seq 50); do
    ip netns exec "$NSS" ss -Hltn "sport = :5201" 2>/dev/null | grep -q . && break
    sleep 0.1
  done
  bounded $((seconds + 30)) ip netns exec "$NSC" iperf3 -c "$SERVER" -t "$seconds" -O 2 -P 4 "${flag[@]}" -J \
    >"$raw/iperf3-$dir-$tag.json" 2>"$raw/iperf3-$dir-$tag.err"
  wait "$sp" 2>/dev/null
  "$py" - "$raw/iperf3-$dir-$tag.json" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
    print("%.3f" % (d["end"]["sum_received"]["bits_per_second"] / 1e6))
except Exception:
    pass
EOF
}

# hatang_run TAG: prints "down up latency bytes duration status" (n/a for what is missing).
hatang_run() {
  local tag=$1 i up=
  timeout --kill-after=10 $((8 * seconds + 120)) ip netns exec "$NSS" "$java_cmd" -jar "$HATANG_JAR" serve \
    --bind "$SERVER" --port "$PORT" --insecure-http >"$raw/serve-$tag.log" 2>&1 &
  local sp=$!
  pids+=("$sp")
  for i in $(seq 120); do
    if bounded 3 ip netns exec "$NSC" curl -fsS -m 2 -o /dev/null "http://$SERVER:$PORT/api/v1/speed/ping" 2>/dev/null; then
      up=1
      break
    fi
    kill -0 "$sp" 2>/dev/null || break
    sleep 0.5
  done
  if [[ -z $up ]]; then
    kill -TERM "$sp" 2>/dev/null
    wait "$sp" 2>/dev/null
    log "line-accuracy: hatang serve did not answer ($tag): $(tail -n 5 "$raw/serve-$tag.log")"
    echo "n/a n/a n/a n/a n/a SERVE_DOWN"
    return
  fi
  # A province's server runs for weeks: warm its JIT as a running one is, with 2000 pings from
  # inside the server namespace (local, so neither shaped nor delayed), before the agent measures.
  local warm="$raw/warm.curl"
  for i in $(seq 2000); do
    printf 'url = "http://%s:%s/api/v1/speed/ping"\noutput = /dev/null\n' "$SERVER" "$PORT"
  done >"$warm"
  bounded 60 ip netns exec "$NSS" curl -s -K "$warm" >/dev/null 2>&1 || true
  local args
  if grep -q -- '--seconds' <<<"$measure_help"; then
    args=(--line "bench=http://$SERVER:$PORT" --seconds "$seconds")
  else
    printf 'lines: [{name: bench, endpoint: "http://%s:%s", seconds: %s}]\n' "$SERVER" "$PORT" "$seconds" >"$raw/line-$tag.yaml"
    args=(--config "$raw/line-$tag.yaml")
  fi
  bounded $((4 * seconds + 60)) ip netns exec "$NSC" "$java_cmd" -jar "$AGENT_JAR" measure "${args[@]}" --format json \
    >"$raw/measure-$tag.json" 2>"$raw/measure-$tag.err"
  local rc=$?
  kill -TERM "$sp" 2>/dev/null
  wait "$sp" 2>/dev/null
  "$py" - "$raw/measure-$tag.json" "$rc" <<'EOF'
import json, sys
text = open(sys.argv[1]).read()
data = None
try:
    data = json.loads(text)
except Exception:
    for i, ch in enumerate(text):  # tolerate text around the JSON
        if ch in "[{":
            try:
                data, _ = json.JSONDecoder().raw_decode(text[i:])
                break
            except Exception:
                continue
if isinstance(data, dict):
    data = data.get("lines") or data.get("measurements") or [data]
if not isinstance(data, list) or not data or not isinstance(data[0], dict):
    print("n/a n/a n/a n/a n/a NO_JSON(exit=%s)" % sys.argv[2])
    sys.exit()
m = data[0]
out = []
for k in ("downloadMbps", "uploadMbps", "latencyMs", "bytesMoved", "durationMs"):
    v = m.get(k)
    out.append("n/a" if v is None else repr(v))
out.append(str(m.get("status", "OK")).replace(" ", "_"))
print(" ".join(out))
EOF
}

# --- The runs --------------------------------------------------------------------------------------
rows=()
ceiling() { awk -v r="$1" 'BEGIN { printf "%.2f", r * 1448 / 1514 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || a == "n/a" || b == 0) print "n/a"; else printf "%.3f", a / b }'; }

for rate in $rates; do
  for delay in $delays; do
    ceil=$(ceiling "$rate")
    rtt=$((2 * delay))
    if ((delay > 0 && rate > DELAYLINE_MAX_MBIT)); then
      rows+=("| $rate | $delay | $ceil | skipped: the userspace delay line cannot carry this rate | | | | | | | |")
      continue
    fi
    tag=$rate-$delay
    log "line-accuracy: $rate Mbit/s, $delay ms one-way"
    if ! link_up "$rate" "$delay"; then
      rows+=("| $rate | $delay | $ceil | link set-up failed | | | | | | | FAIL |")
      link_down
      continue
    fi
    prtt=$(ping_rtt)
    if [[ -n $hatang_ok ]]; then
      read -r h_down h_up h_lat h_bytes h_dur h_status <<<"$(hatang_run "$tag")"
    else
      h_down=n/a h_up=n/a h_lat=n/a h_bytes=n/a h_dur=n/a h_status=NOT_AVAILABLE
    fi
    i_down=$(iperf3_run down "$tag")
    i_up=$(iperf3_run up "$tag")
    link_down
    log "line-accuracy:   hatang down=$h_down up=$h_up latency=$h_lat bytes=$h_bytes ms=$h_dur ($h_status); iperf3 down=${i_down:-?} up=${i_up:-?}; ping -U ${prtt:-?} ms"

    r_hd=$(ratio "$h_down" "$ceil")
    r_id=$(ratio "$i_down" "$ceil")
    r_hu=$(ratio "$h_up" "$ceil")
    r_iu=$(ratio "$i_up" "$ceil")
    if [[ $h_bytes != n/a && $h_dur != n/a ]]; then
      r_bytes=$(awk -v b="$h_bytes" -v r="$rate" -v ms="$h_dur" 'BEGIN { x = r * 1e6 / 8 * ms / 1000; if (x > 0) printf "%.2f", b / x; else print "n/a" }')
    else
      r_bytes=n/a
    fi
    if [[ $h_lat != n/a ]]; then
      lat=$(awk -v l="$h_lat" 'BEGIN { printf "%.1f", l }')" vs $rtt"
    else
      lat="n/a vs $rtt"
    fi
    if [[ -z $hatang_ok ]]; then
      verdict="hatang not available"
      r_hd="not available" r_hu="not available" lat="not available (RTT $rtt)" r_bytes="not available"
    else
      verdict=$(awk -v hd="$r_hd" -v id="$r_id" -v hu="$r_hu" -v iu="$r_iu" -v lat="$h_lat" -v rtt="$rtt" \
        -v rb="$r_bytes" -v st="$h_status" 'BEGIN {
          why = ""
          if (st != "OK") why = why " status " st
          if (hd == "n/a" || hd < 0.97 || hd > 1.03) why = why " down"
          if (hu == "n/a" || hu < 0.97 || hu > 1.03) why = why " up"
          if (hd != "n/a" && id != "n/a" && hd < id - 0.01) why = why " down<iperf3"
          if (hu != "n/a" && iu != "n/a" && hu < iu - 0.01) why = why " up<iperf3"
          if (lat == "n/a" || lat - rtt > 2 || rtt - lat > 2) why = why " latency"
          if (rb == "n/a" || rb > 1.3) why = why " bytes"
          if (why == "") print "PASS"; else print "FAIL:" why
        }')
    fi
    rows+=("| $rate | $delay | $ceil | $r_hd | $r_id | $r_hu | $r_iu | $lat | ${prtt:-n/a} | $r_bytes | $verdict |")
  done
done

# --- The table -------------------------------------------------------------------------------------
echo "| rate Mbit/s | one-way delay ms | ceiling Mbit/s | hatang down ÷ ceiling | iperf3 down ÷ ceiling | hatang up ÷ ceiling | iperf3 up ÷ ceiling | hatang latency ms vs configured RTT | ping -U RTT ms | bytes ÷ (rate × time) | verdict |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Ceiling = 1448/1514 × rate (TCP payload per 1514-byte frame). iperf3: 4 streams, first 2 s omitted, receiver side."
echo "Targets: down/up within ±3% of the ceiling and not more than 1 point below iperf3; latency within ±2 ms of 2 × delay; bytes ≤ 1.3 × rate × time."
