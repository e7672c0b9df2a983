#!/usr/bin/env bash
# Loopback throughput of `hatang serve` downloads (1 and 4 parallel curl streams), with iperf3 on
# the same loopback as the reference ceiling. Usage: scripts/bench/serve-loopback.sh [TOTAL_BYTES]
# Starts everything it measures and stops it on exit. Needs java, curl and iperf3.
set -euo pipefail

cd "$(dirname "$0")/../.."
TOTAL=${1:-$((2 * 1024 * 1024 * 1024))}
PORT=${HATANG_BENCH_PORT:-18080}
IPERF_PORT=${HATANG_BENCH_IPERF_PORT:-15201}
JAR=cli/target/hatang.jar

for tool in curl iperf3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y $tool" >&2; exit 2; }
done
if [[ ! -f $JAR ]]; then
  mvn -B -ntp -q -DskipTests package
fi

pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

java -jar "$JAR" serve --port "$PORT" --max-test-seconds 120 2>/tmp/hatang-serve-bench.log &
pids+=($!)
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/speed/ping" && break
  sleep 0.1
done

gbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f", b * 8 / s / 1e9 }'; }

# Runs N parallel downloads sharing TOTAL bytes; prints bytes, wall seconds and Gbit/s.
download() {
  local streams=$1 each=$((TOTAL / $1)) start end out
  out=$(mktemp)
  local curls=()
  start=$(date +%s.%N)
  for _ in $(seq 1 "$streams"); do
    curl -s -o /dev/null -w '%{size_download} %{time_total}\n' \
      "http://127.0.0.1:$PORT/api/v1/speed/download?bytes=$each" >>"$out" &
    curls+=($!)
  done
  wait "${curls[@]}"
  end=$(date +%s.%N)
  local bytes seconds
  bytes=$(awk '{ s += $1 } END { printf "%.0f", s }' "$out")
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
  echo "hatang serve, $streams stream(s): $bytes bytes in ${seconds}s = $(gbps "$bytes" "$seconds") Gbit/s"
  awk '{ printf "  stream: %.0f bytes in %.3fs\n", $1, $2 }' "$out"
  rm -f "$out"
}

download 1
download 4

for streams in 1 4; do
  iperf3 -s -1 -p "$IPERF_PORT" >/dev/null 2>&1 &
  pids+=($!)
  sleep 0.3
  bps=$(iperf3 -c 127.0.0.1 -p "$IPERF_PORT" -P "$streams" -t 5 -R -J |
    awk -F: '/"sum_received"/ { f = 1 } f && /"bits_per_second"/ { gsub(/[ ,]/, "", $2); print $2; exit }')
  echo "iperf3 reference, $streams stream(s), 5 s: $(awk -v b="$bps" 'BEGIN { printf "%.2f", b / 1e9 }') Gbit/s"
done
