#!/usr/bin/env bash
# collector-load.sh — uploads per second and p50/p99 latency of `hatang serve`'s
# POST /api/v1/snapshots at 50 and 200 concurrent clients, on SQLite and on PostgreSQL, with the
# same load against references in the same run:
#   - nginx answering `return 201` to the same POST (the HTTP ceiling of this machine with this
#     client: nginx reads and drops the body, stores nothing);
#   - the store alone: the same rows inserted one transaction each, durably, by the store's own
#     client: sqlite3 (one writer, as SQLite allows) and pgbench (at the same concurrency).
#
#   sudo scripts/bench/collector-load.sh
#   DURATION=30 CONNS="50 200" STORES="sqlite postgresql" scripts/bench/collector-load.sh
#   RATE=1000 CONNS=200 scripts/bench/collector-load.sh          # latency at 1,000 uploads/s
#
# Run as root on Debian 12: installs wrk, nginx-light, sqlite3 and postgresql when missing, and runs
# the throwaway PostgreSQL cluster as user postgres (initdb refuses root). Every upload is a
# distinct snapshot (tests' compliant-pc.json with a fresh snapshotId and machineId per request,
# see lib/collector-upload.lua), so the store really inserts each one. After each store's runs the
# script checks that every snapshot answered 201 is in the store (a figure with lost writes is
# worthless) and prints the counts. Durability is the shipped one: SQLite synchronous=FULL,
# PostgreSQL fsync and synchronous_commit on.
#
# Load: wrk, closed loop: CONNS connections each send the next upload as soon as the previous one
# is answered, i.e. N agents uploading back to back, which is what "N concurrent clients" means. A
# closed loop does not see the latency an open-loop arrival rate would (coordinated omission), so
# p99 here is per answered request at that concurrency, not at a fixed offered rate.
#
# RATE=N paces the load instead (open loop as far as wrk allows): N uploads per second in total,
# spread over the CONNS connections, each sending when its slot comes and it is free; the latency
# then is what an upload meets at that rate, not the queue of a saturated server (whose mean is
# CONNS / throughput by Little's law, whatever the server).
#
# Environment: DURATION (s per cell, default 20), WARMUP (s, default 8), CONNS (default "50 200"),
# STORES (default "sqlite postgresql"), THREADS (wrk threads, default 2), COLLECTOR_THREADS (passed
# as --collector-threads when set), JAR (the hatang.jar to measure; default cli/target/hatang.jar,
# built when missing), QUIET_WAIT (s to wait for a 1-min load average < QUIET_LOAD,
# defaults 900 and 1.0), JAVA_OPTS (for hatang serve). Raw outputs stay in a temp directory (printed).
set -euo pipefail

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-8}
CONNS=${CONNS:-"50 200"}
STORES=${STORES:-"sqlite postgresql"}
THREADS=${THREADS:-2}
RATE=${RATE:-0}
QUIET_WAIT=${QUIET_WAIT:-900}
QUIET_LOAD=${QUIET_LOAD:-1.0}
UNIT=21583

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
lua=$root/scripts/bench/lib/collector-upload.lua
fixture=$root/core/src/test/resources/snapshots/compliant-pc.json
jar=${JAR:-$root/cli/target/hatang.jar}
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java

# --- Tools ----------------------------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if [[ $STORES == *postgresql* ]]; then
  [[ -n $pg_bin && -x $pg_bin/initdb ]] || missing+=(postgresql)
  command -v pgbench >/dev/null 2>&1 || [[ -x $pg_bin/pgbench ]] || missing+=(postgresql-contrib)
fi
if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "collector-load: missing ${missing[*]}; run as root to install them" >&2
    exit 4
  fi
  echo "collector-load: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
nginx_cmd=$(command -v nginx || echo /usr/sbin/nginx)
if [[ ! -f $jar ]]; then
  (cd "$root" && mvn -B -ntp -q -pl cli -am -DskipTests package)
fi

raw=$(mktemp -d /tmp/collector-load.XXXXXX)
chmod 755 "$raw"
echo "collector-load: raw outputs in $raw" >&2

# --- Cleanup: every process this script started, by its pid --------------------------------------
server_pid=
nginx_pid=
pg_data=
stop_server() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
stop_nginx() {
  if [[ -n $nginx_pid ]]; then
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=
  fi
}
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
stop_pg() {
  if [[ -n $pg_data ]]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
    pg_data=
  fi
}
cleanup() {
  stop_server
  stop_nginx
  stop_pg
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# --- The request body: the fixture with placeholders for its two ids ------------------------------
template=$raw/snapshot.template.json
python3 - "$fixture" "$template" <<'EOF'
import json, sys
snapshot = json.load(open(sys.argv[1], encoding="utf-8"))
snapshot["snapshotId"] = "@@SID@@"
snapshot["machine"]["machineId"] = "@@MID@@"
# Compact, as an agent sends it; the ids are replaced per request by the wrk script.
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(snapshot, ensure_ascii=False, separators=(",", ":")))
EOF
body_bytes=$(($(wc -c <"$template") - 14 + 36 + 32))

# --- A quiet machine --------------------------------------------------------------------------------
load1() { cut -d ' ' -f 1 /proc/loadavg; }
waited=0
while awk -v l="$(load1)" -v q="$QUIET_LOAD" 'BEGIN { exit !(l >= q) }'; do
  if ((waited >= QUIET_WAIT)); then
    echo "collector-load: load average still $(load1) after ${QUIET_WAIT}s; measuring anyway" >&2
    break
  fi
  ((waited % 60 == 0)) && echo "collector-load: waiting for a quiet machine (load $(load1))" >&2
  sleep 10
  waited=$((waited + 10))
done
load_start=$(cut -d ' ' -f 1-3 /proc/loadavg)
date_start=$(date -u '+%Y-%m-%d %H:%M UTC')

# --- Load ------------------------------------------------------------------------------------------
run_n=0
# cpu_ticks PID: user + system CPU clock ticks of a process and its children (nginx's workers).
cpu_ticks() {
  local total=0 p
  for p in "$1" $(pgrep -P "$1" 2>/dev/null); do
    [[ -r /proc/$p/stat ]] || continue
    # Fields 14 and 15 (utime, stime), counted after the ")" that ends the command name.
    total=$((total + $(sed 's/.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')))
  done
  echo "$total"
}
# load NAME URL TOKEN CONNS SECONDS: one wrk run; its RESULT line goes to $raw/NAME.result, with
# the server's CPU time during the run (cpu_ms) when SERVER_UNDER_TEST names its pid.
load() {
  local name=$1 url=$2 token=$3 conns=$4 seconds=$5 tag cpu0=0 thread_rate=0
  # Paced runs (not the warm-up): each wrk thread takes its share of RATE.
  [[ $RATE != 0 && $name != *warmup ]] && thread_rate=$(awk -v r="$RATE" -v t="$THREADS" 'BEGIN { print r / t }')
  [[ -n ${SERVER_UNDER_TEST:-} ]] && cpu0=$(cpu_ticks "$SERVER_UNDER_TEST")
  run_n=$((run_n + 1))
  tag=$(printf '%06x%02x' $(((RANDOM * 32768 + RANDOM) % 16777216)) "$run_n")
  wrk -t "$THREADS" -c "$conns" -d "${seconds}s" --timeout 30s --latency -s "$lua" "$url" \
    -- "$template" "$tag" "$token" "$raw/$name.acked" "$thread_rate" >"$raw/$name.out" 2>&1 || {
    echo "collector-load: wrk failed for $name:" >&2
    cat "$raw/$name.out" >&2
    exit 4
  }
  local cpu_ms=0
  if [[ -n ${SERVER_UNDER_TEST:-} ]]; then
    cpu_ms=$((($(cpu_ticks "$SERVER_UNDER_TEST") - cpu0) * 1000 / $(getconf CLK_TCK)))
  fi
  echo "$(grep '^RESULT ' "$raw/$name.out" | sed 's/^RESULT //') cpu_ms=$cpu_ms" >"$raw/$name.result"
  cat "$raw/$name.acked".* 2>/dev/null >>"$raw/acked.all" || true
}
# field NAME KEY: a value of a RESULT line.
field() { tr ' ' '\n' <"$raw/$1.result" | sed -n "s/^$2=//p"; }
ms() { awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }'; }

await_healthy() {
  local port=$1 log=$2
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "collector-load: hatang serve did not come up; its log:" >&2
  cat "$log" >&2
  exit 4
}

# --- Reference: nginx answering 201 ---------------------------------------------------------------
nginx_port=$(free_port)
mkdir -p "$raw/nginx/logs"
cat >"$raw/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $raw/nginx/nginx.pid;
error_log $raw/nginx/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $raw/nginx/body;
  proxy_temp_path $raw/nginx/proxy;
  fastcgi_temp_path $raw/nginx/fastcgi;
  uwsgi_temp_path $raw/nginx/uwsgi;
  scgi_temp_path $raw/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    client_max_body_size 4m;
    location / {
      default_type "application/json; charset=utf-8";
      return 201 '{"status":"stored"}';
    }
  }
}
EOF
"$nginx_cmd" -e "$raw/nginx/logs/error.log" -p "$raw/nginx" -c "$raw/nginx/nginx.conf" &
nginx_pid=$!
SERVER_UNDER_TEST=$nginx_pid
for _ in $(seq 1 50); do
  curl -fs -o /dev/null -X POST --data x "http://127.0.0.1:$nginx_port/" && break
  sleep 0.1
done
load nginx.warmup "http://127.0.0.1:$nginx_port/" - 50 "$WARMUP"
for c in $CONNS; do
  load "nginx.$c" "http://127.0.0.1:$nginx_port/" - "$c" "$DURATION"
done
stop_nginx
SERVER_UNDER_TEST=
rm -f "$raw/acked.all"

# --- hatang serve ----------------------------------------------------------------------------------
# serve_store STORE ARGS...: token, server, warm-up, one wrk run per concurrency; leaves the server
# stopped and the acknowledged ids in $raw/STORE.acked.all.
serve_store() {
  local store=$1
  shift
  local port token
  port=$(free_port)
  token=$("$java_cmd" -jar "$jar" tokens create --unit "$UNIT" --label bench "$@" 2>/dev/null)
  local extra=()
  [[ -n ${COLLECTOR_THREADS:-} ]] && extra+=(--collector-threads "$COLLECTOR_THREADS")
  # shellcheck disable=SC2086
  "$java_cmd" ${JAVA_OPTS:-} -jar "$jar" serve --port "$port" --uploads-per-minute 100000000 \
    "${extra[@]}" "$@" >"$raw/serve.$store.log" 2>&1 &
  server_pid=$!
  SERVER_UNDER_TEST=$server_pid
  await_healthy "$port" "$raw/serve.$store.log"
  rm -f "$raw/acked.all"
  load "$store.warmup" "http://127.0.0.1:$port/api/v1/snapshots" "$token" 50 "$WARMUP"
  for c in $CONNS; do
    load "$store.$c" "http://127.0.0.1:$port/api/v1/snapshots" "$token" "$c" "$DURATION"
  done
  curl -fs "http://127.0.0.1:$port/metrics" >"$raw/$store.metrics" || true
  stop_server
  SERVER_UNDER_TEST=
  sort -u "$raw/acked.all" >"$raw/$store.acked.all"
  rm -f "$raw/acked.all"
}

# total STORE KEY: a RESULT value summed over the warm-up and every run of a store.
total() {
  local sum=0 n
  for name in "$1.warmup" $(for c in $CONNS; do echo "$1.$c"; done); do
    n=$(field "$name" "$2")
    sum=$((sum + n))
  done
  echo "$sum"
}

# verify STORE ROWS FOUND: every 201 must be in the store; the only other rows allowed are uploads
# still in flight when a wrk run ended (sent, never answered: the collector may have stored them).
lost=0
verify() {
  local store=$1 rows=$2 found=$3 acked logged unanswered
  acked=$(total "$store" c201)
  logged=$(wc -l <"$raw/$store.acked.all")
  unanswered=$(($(total "$store" sent) - $(total "$store" answered)))
  check[$store]="$acked answered 201 ($logged distinct ids logged), $found of them in the store; store rows $rows = 201s + $((rows - acked)) of the $unanswered uploads still in flight when a wrk run stopped"
  if ((found != acked || logged != acked || rows < acked || rows > acked + unanswered)); then
    check[$store]="LOST OR UNEXPECTED WRITES: ${check[$store]}"
    lost=1
  fi
}

declare -A check
# --- SQLite ----------------------------------------------------------------------------------------
if [[ $STORES == *sqlite* ]]; then
  data=$raw/sqlite-data
  serve_store sqlite --data "$data"
  db=$data/hatang.db
  rows=$(sqlite3 "$db" 'SELECT COUNT(*) FROM snapshots')
  found=$(sqlite3 "$db" <<EOF
CREATE TEMP TABLE acked (id TEXT PRIMARY KEY);
.mode csv
.import $raw/sqlite.acked.all acked
SELECT COUNT(*) FROM acked JOIN snapshots ON snapshots.snapshot_id = acked.id;
EOF
)
  verify sqlite "$rows" "$found"

  # Reference: the same rows, one durable transaction each, by the sqlite3 shell (one writer).
  ref_db=$raw/sqlite-ref.db
  sqlite3 "$db" '.schema snapshots' | sqlite3 "$ref_db"
  n_ref=3000
  {
    echo "PRAGMA journal_mode=WAL;"
    echo "PRAGMA synchronous=FULL;"
    for i in $(seq 1 "$n_ref"); do
      printf "INSERT INTO snapshots (snapshot_id, unit_code, machine_id, taken_at, received_at, size_bytes, sha256, json) VALUES ('ref-%d', '%s', 'm%d', 0, 0, 0, '', CAST(readfile('%s') AS TEXT));\n" \
        "$i" "$UNIT" "$i" "$template"
    done
  } >"$raw/sqlite-ref.sql"
  start=$(date +%s%N)
  sqlite3 "$ref_db" <"$raw/sqlite-ref.sql" >/dev/null
  end=$(date +%s%N)
  sqlite_ref_rps=$(awk -v n="$n_ref" -v ns=$((end - start)) 'BEGIN { printf "%.1f", n / ns * 1e9 }')
  rm -f "$ref_db" "$ref_db"-*
fi

# --- PostgreSQL ------------------------------------------------------------------------------------
declare -A pgbench_rps pgbench_lat pgbench_pct
if [[ $STORES == *postgresql* ]]; then
  pg_port=$(free_port)
  pg_data=$raw/pg/data
  mkdir -p "$raw/pg"
  [[ $(id -u) -eq 0 ]] && chown postgres "$raw/pg"
  as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C >"$raw/pg/initdb.log"
  # Defaults but for: loopback only, our socket folder, room for pgbench's 200 clients + the pool.
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$raw/pg/server.log" -w -t 60 \
    -o "-p $pg_port -k $raw/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
  psql_ -d postgres -c 'CREATE DATABASE hatang' >/dev/null
  fsync=$(psql_ -d postgres -Atc "SELECT current_setting('fsync') || ' ' || current_setting('synchronous_commit')")
  serve_store postgresql --db "jdbc:postgresql://127.0.0.1:$pg_port/hatang?user=postgres"
  rows=$(psql_ -d hatang -Atc 'SELECT COUNT(*) FROM snapshots')
  found=$(psql_ -d hatang -At <<EOF
CREATE TEMP TABLE acked (id TEXT PRIMARY KEY);
\copy acked FROM '$raw/postgresql.acked.all'
SELECT COUNT(*) FROM acked JOIN snapshots ON snapshots.snapshot_id = acked.id;
EOF
)
  verify postgresql "$rows" "$found"

  # Reference: pgbench inserting the same rows (same table definition, same JSON), one transaction
  # each, at the same concurrency.
  psql_ -d hatang >/dev/null <<EOF
CREATE TABLE ref (LIKE snapshots INCLUDING ALL);
CREATE TABLE tpl (json TEXT);
\set content \`cat $template\`
INSERT INTO tpl VALUES (:'content');
EOF
  cat >"$raw/pgbench.sql" <<EOF
INSERT INTO ref (snapshot_id, unit_code, machine_id, taken_at, received_at, size_bytes, sha256, json)
  SELECT gen_random_uuid()::text, '$UNIT', md5(random()::text), 0, 0, length(json), '', json FROM tpl;
EOF
  for c in $CONNS; do
    paced=()
    [[ $RATE != 0 ]] && paced=(-R "$RATE")
    mkdir -p "$raw/pgbench-log.$c"
    chmod 777 "$raw/pgbench-log.$c"
    pgbench -n -h 127.0.0.1 -p "$pg_port" -U postgres -c "$c" -j "$THREADS" -T "$DURATION" \
      "${paced[@]}" -l --log-prefix="$raw/pgbench-log.$c/tx" \
      -f "$raw/pgbench.sql" hatang >"$raw/pgbench.$c.out" 2>&1
    pgbench_rps[$c]=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$raw/pgbench.$c.out" | head -n 1)
    pgbench_lat[$c]=$(sed -n 's/^latency average = \([0-9.]*\).*/\1/p' "$raw/pgbench.$c.out")
    # p50 / p99 from the per-transaction log: column 3 is the time in us; when paced, minus the
    # schedule lag (last column), i.e. from the actual start, as wrk measures.
    pgbench_pct[$c]=$(cat "$raw/pgbench-log.$c"/tx* | awk -v paced="$RATE" '{ t = $3; if (paced != 0) t -= $NF; print t }' |
      sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "p50 %.1f ms, p99 %.1f ms", v[int(NR * 0.5) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000 }')
  done
  stop_pg
fi
load_end=$(cut -d ' ' -f 1-3 /proc/loadavg)

# --- Report ----------------------------------------------------------------------------------------
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
mem=$(free -g | awk '/^Mem:/ { print $2 }')
jv=$("$java_cmd" -version 2>&1 | head -n 1)
echo
echo "Machine: $(nproc) CPUs ($cpu), ${mem} GiB RAM, $(uname -sr); $jv; wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }'), nginx $("$nginx_cmd" -v 2>&1 | sed 's/.*nginx\///'), SQLite $(sqlite3 --version | cut -d ' ' -f 1)${pg_bin:+, PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }')}"
if [[ -n ${JAR:-} ]]; then
  built="jar $JAR"
else
  built="commit $(cd "$root" && git rev-parse --short HEAD)$(cd "$root" && git diff --quiet HEAD -- cli core || echo '+changes')"
fi
echo "Date: $date_start; $built; load average at start $load_start, at end $load_end"
if [[ $RATE != 0 ]]; then
  loop="paced at $RATE uploads/s in total"
else
  loop="closed loop"
fi
echo "Body: $body_bytes bytes (compliant-pc.json, compact); ${DURATION}s per cell after a ${WARMUP}s warm-up; wrk -t $THREADS, $loop${COLLECTOR_THREADS:+; --collector-threads $COLLECTOR_THREADS}"
[[ -n ${fsync:-} ]] && echo "PostgreSQL fsync / synchronous_commit: $fsync"
echo
echo "| target | clients | stored/s (201) | answers/s | p50 ms | p99 ms | max ms | non-2xx | socket errors | server CPU ms per answer | reference | reference/s | stored ÷ reference |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
row() {
  local name=$1 label=$2 c=$3 ref_label=$4 ref_rps=$5 rps ratio errs cpu
  # Uploads per second are the 201s: a 503 answered fast is not an upload.
  rps=$(awk -v n="$(field "$name" c201)" -v us="$(field "$name" duration_us)" 'BEGIN { printf "%.1f", n / us * 1e6 }')
  errs=$(($(field "$name" err_connect) + $(field "$name" err_read) + $(field "$name" err_write) + $(field "$name" err_timeout)))
  ratio=$(awk -v a="$rps" -v b="$ref_rps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  # Server CPU (user + system, all its threads) per answer: steadier than rates on a shared machine.
  cpu=$(awk -v ms="$(field "$name" cpu_ms)" -v n="$(field "$name" answered)" 'BEGIN { if (n > 0) printf "%.3f", ms / n; else print "-" }')
  printf '| %s | %d | %.0f | %.0f | %s | %s | %s | %d | %d | %s | %s | %.0f | %s |\n' "$label" "$c" "$rps" "$(field "$name" rps)" \
    "$(ms "$(field "$name" p50_us)")" "$(ms "$(field "$name" p99_us)")" \
    "$(ms "$(field "$name" max_us)")" "$(field "$name" non2xx)" "$errs" "$cpu" "$ref_label" "$ref_rps" "$ratio"
}
for c in $CONNS; do
  nginx_rps=$(field "nginx.$c" rps)
  row "nginx.$c" 'nginx `return 201`' "$c" '—' 0
  if [[ $STORES == *sqlite* ]]; then
    row "sqlite.$c" 'hatang serve, SQLite' "$c" 'nginx' "$nginx_rps"
    row "sqlite.$c" 'hatang serve, SQLite' "$c" 'sqlite3, 1 writer' "$sqlite_ref_rps"
  fi
  if [[ $STORES == *postgresql* ]]; then
    row "postgresql.$c" 'hatang serve, PostgreSQL' "$c" 'nginx' "$nginx_rps"
    row "postgresql.$c" 'hatang serve, PostgreSQL' "$c" "pgbench -c $c" "${pgbench_rps[$c]}"
  fi
done
echo
for s in "${!check[@]}"; do
  echo "Store check, $s: ${check[$s]}"
done
for c in "${!pgbench_rps[@]}"; do
  echo "pgbench -c $c$([[ $RATE != 0 ]] && echo " -R $RATE"): ${pgbench_rps[$c]} inserts/s, latency average ${pgbench_lat[$c]} ms, ${pgbench_pct[$c]}"
done
[[ -n ${sqlite_ref_rps:-} ]] && echo "sqlite3 reference: $sqlite_ref_rps inserts/s (3000 rows, one transaction each, WAL, synchronous=FULL)"
exit $((lost ? 4 : 0))
