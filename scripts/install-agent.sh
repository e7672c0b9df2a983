#!/usr/bin/env bash
# install-agent.sh — installs hatang-agent on a Linux PC: the jar and a launcher under PREFIX,
# /etc/hatang/agent.yaml (+ token, CA), the spool folder /var/lib/hatang, and a systemd timer or a
# cron file that runs `hatang-agent run` daily or hourly. Idempotent; every file is written to a
# temporary name and renamed. `--help` lists the options. The Windows twin is install-agent.ps1: both
# write the same agent.yaml keys in the same order (a test compares them).
#
# Exit codes: 0 done, 2 bad option or value (nothing written), 4 environment (not root, no jar,
# systemctl failed).
set -euo pipefail
umask 022

usage() {
  cat <<'EOF'
Usage: install-agent.sh --collector URL (--token TOKEN | --token-file FILE) --unit-code CODE [options]
       install-agent.sh --uninstall [--purge] [--prefix DIR] [--root DIR]

Installs hatang-agent and schedules `hatang-agent run` (collect, spool, upload to the collector).

  --collector URL        base URL of the collector (hatang serve), http:// or https://
  --token TOKEN          upload token of the unit (visible in the process list: prefer --token-file)
  --token-file FILE      file holding the token ('-' = standard input); written to /etc/hatang/token
                         (0600). Optional on a re-run: the installed token is kept
  --unit-code CODE       the unit's code (digits), e.g. 21583
  --unit-name NAME       the unit's name, e.g. "Phường Quy Nhơn"
  --unit-level LEVEL     commune, province, ...
  --line NAME=URL        a line to measure (repeatable), e.g. internet=https://do-kiem.example.gov.vn:8443
  --ca-file FILE         extra CA certificate(s) (PEM) trusted for the collector; copied to /etc/hatang/ca.pem
  --proxy URL            HTTP proxy for the uploads, http://host:port
  --schedule daily|hourly  how often to run (default daily)
  --random-delay SECONDS runs are spread over this many seconds (default 3600): by the timer
                         (systemd RandomizedDelaySec) or by the agent itself (cron)
  --jar PATH             the agent jar (default: agent/target/hatang-agent.jar of this checkout)
  --prefix DIR           program folder (default /opt/hatang)
  --init systemd|cron|auto  scheduler (default auto: systemd when it runs, else cron)
  --root DIR             install below DIR (every path prefixed; no systemctl, no chown)
  --uninstall            remove the timer or cron file and the program files; keeps /etc/hatang
                         and /var/lib/hatang
  --purge                with --uninstall: also remove /etc/hatang and /var/lib/hatang
  -h, --help             this help

Installs: PREFIX/bin/hatang-agent, PREFIX/lib/{hatang-agent.jar,launcher.sh}, /etc/hatang/agent.yaml,
/etc/hatang/token, /var/lib/hatang, and /etc/systemd/system/hatang-agent.{service,timer} or
/etc/cron.d/hatang-agent.
EOF
}

die() { # die CODE MESSAGE
  printf 'install-agent: error: %s\n' "$2" >&2
  exit "$1"
}
note() { printf 'install-agent: %s\n' "$1" >&2; }
usage_error() { die 2 "$1 (see --help)"; }

# The repository this script belongs to: the default jar, and scripts/lib/launcher.sh (reused).
SCRIPT_DIR=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(dirname "$SCRIPT_DIR")

CONFIG_DIR=/etc/hatang
STATE_DIR=/var/lib/hatang
UNIT_DIR=/etc/systemd/system
CRON_FILE=/etc/cron.d/hatang-agent

collector='' token='' token_file='' token_given=no unit_code='' unit_name='' unit_level=''
ca_file='' proxy='' schedule=daily random_delay=3600 jar='' prefix='' root='' init=auto
uninstall=no purge=no
lines=()

need_value() { # need_value OPTION ARGC
  [ "$2" -ge 2 ] || usage_error "$1 needs a value"
}

while [ $# -gt 0 ]; do
  opt=$1
  case $opt in
    --*=*) set -- "${opt%%=*}" "${opt#*=}" "${@:2}"; continue ;;
  esac
  case $opt in
    --collector) need_value "$opt" $#; collector=$2; shift 2 ;;
    --token) need_value "$opt" $#; token=$2; token_given=yes; shift 2 ;;
    --token-file) need_value "$opt" $#; token_file=$2; token_given=yes; shift 2 ;;
    --unit-code) need_value "$opt" $#; unit_code=$2; shift 2 ;;
    --unit-name) need_value "$opt" $#; unit_name=$2; shift 2 ;;
    --unit-level) need_value "$opt" $#; unit_level=$2; shift 2 ;;
    --line) need_value "$opt" $#; lines+=("$2"); shift 2 ;;
    --ca-file) need_value "$opt" $#; ca_file=$2; shift 2 ;;
    --proxy) need_value "$opt" $#; proxy=$2; shift 2 ;;
    --schedule) need_value "$opt" $#; schedule=$2; shift 2 ;;
    --random-delay) need_value "$opt" $#; random_delay=$2; shift 2 ;;
    --jar) need_value "$opt" $#; jar=$2; shift 2 ;;
    --prefix) need_value "$opt" $#; prefix=$2; shift 2 ;;
    --root) need_value "$opt" $#; root=$2; shift 2 ;;
    --init) need_value "$opt" $#; init=$2; shift 2 ;;
    --uninstall) uninstall=yes; shift ;;
    --purge) purge=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown option '$opt'" ;;
  esac
done
[ "$purge" = no ] || uninstall=yes

# --- validation: everything is checked before anything is written ---------------------------------

# Control characters would break a YAML line, a unit file or a cron line.
has_control() { [[ $1 == *[[:cntrl:]]* ]]; }

# http(s)://host[:port][/path], no user:password@, no ?query or #fragment (as LineRules wants).
valid_url() {
  [[ $1 =~ ^https?://([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?(/[^[:space:][:cntrl:]?#]*)?$ ]]
}

# A folder path that goes into unit files and cron lines unquoted.
valid_dir_path() { [[ $1 =~ ^/[A-Za-z0-9._/+-]*$ ]] && [[ $1 != */../* && $1 != */.. ]]; }

if [ -n "$prefix" ]; then
  prefix_given=yes
else
  prefix_given=no
  prefix=/opt/hatang
fi
valid_dir_path "$prefix" || usage_error "--prefix must be an absolute path of letters, digits and ._+-/: '$prefix'"
prefix=${prefix%/}
[ -n "$prefix" ] || usage_error "--prefix must not be /"

if [ -n "$root" ]; then
  [ -d "$root" ] || usage_error "--root: no such folder: $root"
  root=$(cd -P "$root" && pwd -P)
  [ "$root" != / ] || root=
fi

case $init in
  systemd | cron) ;;
  auto) if [ -d /run/systemd/system ]; then init=systemd; else init=cron; fi ;;
  *) usage_error "--init must be systemd, cron or auto, not '$init'" ;;
esac

if [ "$uninstall" = no ]; then
  [ -n "$collector" ] || usage_error "--collector URL is required"
  valid_url "$collector" || usage_error "--collector must be an http:// or https:// URL (host, optional port and path), not '$collector'"
  [ -n "$unit_code" ] || usage_error "--unit-code CODE is required (the collector accepts only the token's unit)"
  [[ $unit_code =~ ^[0-9]{1,64}$ ]] || usage_error "--unit-code must be digits, not '$unit_code'"
  if [ -n "$unit_name" ]; then
    ! has_control "$unit_name" || usage_error "--unit-name must not contain control characters"
    [ "${#unit_name}" -le 256 ] || usage_error "--unit-name is longer than 256 characters"
  fi
  if [ -n "$unit_level" ]; then
    [[ $unit_level =~ ^[a-z][a-z0-9_-]{0,63}$ ]] || usage_error "--unit-level must be a lowercase word such as commune or province, not '$unit_level'"
  fi
  declare -A line_seen=()
  for spec in "${lines[@]}"; do
    [[ $spec == *=* ]] || usage_error "--line must be NAME=URL, not '$spec'"
    name=${spec%%=*} url=${spec#*=}
    [[ $name =~ ^[A-Za-z0-9._-]{1,64}$ ]] || usage_error "--line: the name must be letters, digits and ._- (at most 64), not '$name'"
    valid_url "$url" || usage_error "--line $name: the endpoint must be an http:// or https:// URL, not '$url'"
    [ -z "${line_seen[$name]:-}" ] || usage_error "--line: '$name' is given twice"
    line_seen[$name]=1
  done
  if [ -n "$proxy" ]; then
    valid_url "$proxy" || usage_error "--proxy must be an http:// or https:// URL, not '$proxy'"
  fi
  case $schedule in
    daily | hourly) ;;
    *) usage_error "--schedule must be daily or hourly, not '$schedule'" ;;
  esac
  { [[ $random_delay =~ ^[0-9]{1,5}$ ]] && [ "$random_delay" -le 86400 ]; } \
    || usage_error "--random-delay must be a number of seconds from 0 to 86400, not '$random_delay'"
  if [ -n "$ca_file" ]; then
    { [ -f "$ca_file" ] && [ -r "$ca_file" ]; } || usage_error "--ca-file: cannot read $ca_file"
    grep -q -- '-----BEGIN CERTIFICATE-----' "$ca_file" || usage_error "--ca-file: $ca_file holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
  fi

  # The token: never echoed, never in a message, never in a command's arguments.
  if [ -n "$token" ] && [ -n "$token_file" ]; then
    usage_error "give --token or --token-file, not both"
  fi
  if [ -n "$token_file" ]; then
    if [ "$token_file" = - ]; then
      IFS= read -r token || [ -n "$token" ] || usage_error "--token-file -: nothing on standard input"
    else
      { [ -f "$token_file" ] && [ -r "$token_file" ]; } || usage_error "--token-file: cannot read $token_file"
      IFS= read -r token <"$token_file" || [ -n "$token" ] || usage_error "--token-file: $token_file is empty"
    fi
    token=${token%$'\r'}
  fi
  if [ "$token_given" = yes ]; then
    [[ $token =~ ^hat_[A-Za-z0-9]+_[A-Za-z0-9_-]+$ ]] \
      || usage_error "the token does not look like an upload token (hat_<id>_<secret>, as 'hatang tokens create' prints it)"
  elif [ ! -s "$root$CONFIG_DIR/token" ]; then
    usage_error "--token-file FILE (or --token TOKEN) is required: no token is installed yet"
  fi

  if [ -z "$jar" ]; then
    jar=$REPO/agent/target/hatang-agent.jar
    [ -f "$jar" ] || die 4 "$jar is missing: build it first with: (cd '$REPO' && mvn -B -ntp -DskipTests package), or give --jar PATH"
  else
    [ -f "$jar" ] || usage_error "--jar: no such file: $jar"
  fi
  [ -f "$REPO/scripts/lib/launcher.sh" ] || die 4 "$REPO/scripts/lib/launcher.sh is missing: run this script from a hatang checkout"
fi

if [ -z "$root" ]; then
  [ "$(id -u)" -eq 0 ] || die 4 "run as root (sudo), or give --root DIR to install into a scratch folder"
  if [ "$uninstall" = no ] && [ "$init" = systemd ]; then
    { [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; } \
      || die 4 "systemd is not running here: use --init cron"
  fi
fi

# --- helpers -----------------------------------------------------------------------------------

# YAML single-quoted scalar: nothing is an escape inside, a quote is written twice. Any printable
# text survives (':', '#', "'", Vietnamese); control characters were refused above.
yq() {
  local s=${1//\'/\'\'}
  printf "'%s'" "$s"
}

# own_root PATH: owned by root where we can say so (not under --root run by a user).
own_root() {
  if [ "$(id -u)" -eq 0 ]; then chown 0:0 "$1"; fi
}

# write_file DEST MODE: standard input to DEST, atomically (temporary file in the same folder,
# mode set before the content goes in, then rename). Unchanged content leaves DEST alone; a
# changed one sets changed=yes.
changed=no
write_file() {
  local dest=$1 mode=$2 tmp
  tmp=$(mktemp "$dest.XXXXXX.tmp")
  chmod "$mode" "$tmp"
  own_root "$tmp"
  cat >"$tmp"
  if [ -f "$dest" ] && cmp -s "$tmp" "$dest" && [ "$(stat -c %a "$dest")" = "${mode#0}" ]; then
    rm -f "$tmp"
  else
    mv -f "$tmp" "$dest"
    changed=yes
  fi
}

# make_dir PATH MODE
make_dir() {
  mkdir -p "$1"
  chmod "$2" "$1"
  own_root "$1"
}

# The agent.yaml keys, in this order, are also written by install-agent.ps1 (Format-HatangAgentYaml).
agent_yaml() {
  local spec
  printf '%s\n' '# hatang-agent configuration, written by scripts/install-agent.sh: re-run it to change.'
  printf '%s\n' 'unit:'
  printf '  code: %s\n' "$(yq "$unit_code")"
  if [ -n "$unit_name" ]; then printf '  name: %s\n' "$(yq "$unit_name")"; fi
  if [ -n "$unit_level" ]; then printf '  level: %s\n' "$(yq "$unit_level")"; fi
  printf 'spoolDir: %s\n' "$(yq "$STATE_DIR")"
  if [ ${#lines[@]} -gt 0 ]; then
    printf '%s\n' 'lines:'
    for spec in "${lines[@]}"; do
      printf '  - name: %s\n' "$(yq "${spec%%=*}")"
      printf '    endpoint: %s\n' "$(yq "${spec#*=}")"
    done
  fi
  printf '%s\n' 'collector:'
  printf '  url: %s\n' "$(yq "$collector")"
  printf '  tokenFile: %s\n' "$(yq "$CONFIG_DIR/token")"
  if [ -n "$ca_file" ]; then printf '  caFile: %s\n' "$(yq "$CONFIG_DIR/ca.pem")"; fi
  if [ -n "$proxy" ]; then printf '  proxy: %s\n' "$(yq "$proxy")"; fi
  printf '%s\n' 'schedule:'
  printf '  randomDelaySeconds: %s\n' "$1"
}

# The installed launcher: the JVM options of scripts/hatang-agent, from the same launcher.sh.
launcher_script() {
  cat <<'EOF'
#!/bin/sh
# hatang-agent, installed by scripts/install-agent.sh: runs ../lib/hatang-agent.jar with the JVM
# options of scripts/hatang-agent (HATANG_*_OPTS of ../lib/launcher.sh). Extra options: $JAVA_OPTS.
set -uf
self=$0
while [ -L "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=$(dirname "$self")/$link ;;
  esac
done
HATANG_ROOT=$(cd -P "$(dirname "$self")/.." && pwd -P) || exit 4
# shellcheck source=/dev/null
. "$HATANG_ROOT/lib/launcher.sh"
HATANG_JAR=$HATANG_ROOT/lib/hatang-agent.jar
[ -f "$HATANG_JAR" ] || hatang_die 4 "$HATANG_JAR is missing: re-run scripts/install-agent.sh"
hatang_find_java
hatang_utf8_locale
# shellcheck disable=SC2086,SC2153
exec "$HATANG_JAVA" $HATANG_JAVA_COMMON_OPTS $HATANG_STDOUT_OPT $HATANG_AGENT_JAVA_OPTS ${JAVA_OPTS:-} -jar "$HATANG_JAR" "$@"
EOF
}

run_command() { # the scheduled command line (paths of the real system, not of --root)
  printf '%s/bin/hatang-agent run --config %s/agent.yaml' "$prefix" "$CONFIG_DIR"
}

service_unit() {
  cat <<EOF
# Written by scripts/install-agent.sh.
[Unit]
Description=hatang-agent: collect a snapshot and upload it to the collector
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
ExecStart=$(run_command)
# The timer spreads the runs; the agent's own delay is 0 here (agent.yaml), so this bounds one
# collection, the line measurements and the uploads.
TimeoutStartSec=30min
UMask=0077
ProtectSystem=strict
ReadWritePaths=$STATE_DIR
ProtectHome=read-only
PrivateTmp=yes
NoNewPrivileges=yes
ProtectControlGroups=yes
ProtectKernelModules=yes
RestrictSUIDSGID=yes
RestrictRealtime=yes
LockPersonality=yes
EOF
}

timer_unit() {
  cat <<EOF
# Written by scripts/install-agent.sh.
[Unit]
Description=hatang-agent $schedule run

[Timer]
OnCalendar=$schedule
RandomizedDelaySec=$random_delay
Persistent=true

[Install]
WantedBy=timers.target
EOF
}

cron_file() {
  local when
  # Office PCs are off at night: the daily run is at 10:00, and @reboot catches up a missed one.
  if [ "$schedule" = hourly ]; then when='0 * * * *'; else when='0 10 * * *'; fi
  cat <<EOF
# hatang-agent, written by scripts/install-agent.sh. The agent sleeps a random 0..$random_delay s
# before each run (schedule.randomDelaySeconds in $CONFIG_DIR/agent.yaml), which spreads the PCs;
# flock -n skips a run while the previous one is still going (as systemd and Windows do).
SHELL=/bin/sh
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
$when root flock -n $STATE_DIR/.cron.lock $(run_command) 2>&1 | logger -t hatang-agent
@reboot root sleep 300 && flock -n $STATE_DIR/.cron.lock $(run_command) 2>&1 | logger -t hatang-agent
EOF
}

# The prefix an earlier install used (from its unit or cron file), for --uninstall without --prefix.
installed_prefix() {
  local found
  found=$(sed -n 's|^ExecStart=\(/.*\)/bin/hatang-agent run .*|\1|p' "$root$UNIT_DIR/hatang-agent.service" 2>/dev/null | head -n 1)
  [ -n "$found" ] || found=$(sed -n 's|^[^#@].* \(/[^ ]*\)/bin/hatang-agent run .*|\1|p' "$root$CRON_FILE" 2>/dev/null | head -n 1)
  printf '%s' "$found"
}

remove_program() {
  local p=$root$1
  rm -f "$p/bin/hatang-agent" "$p/lib/hatang-agent.jar" "$p/lib/launcher.sh"
  rmdir "$p/bin" "$p/lib" 2>/dev/null || true
  rmdir "$p" 2>/dev/null || true
}

remove_systemd() {
  if [ -z "$root" ] && [ -e "$UNIT_DIR/hatang-agent.timer" ] && command -v systemctl >/dev/null 2>&1 \
    && [ -d /run/systemd/system ]; then
    systemctl disable --now hatang-agent.timer >/dev/null 2>&1 || note "warning: systemctl disable hatang-agent.timer failed"
  fi
  local had=no
  if [ -e "$root$UNIT_DIR/hatang-agent.timer" ] || [ -e "$root$UNIT_DIR/hatang-agent.service" ]; then had=yes; fi
  rm -f "$root$UNIT_DIR/hatang-agent.timer" "$root$UNIT_DIR/hatang-agent.service"
  if [ "$had" = yes ] && [ -z "$root" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl daemon-reload || note "warning: systemctl daemon-reload failed"
  fi
}

# --- uninstall ---------------------------------------------------------------------------------

if [ "$uninstall" = yes ]; then
  if [ "$prefix_given" = no ]; then
    found=$(installed_prefix)
    if [ -n "$found" ]; then prefix=$found; fi
  fi
  remove_systemd
  rm -f "$root$CRON_FILE"
  remove_program "$prefix"
  if [ "$purge" = yes ]; then
    rm -rf "$root$CONFIG_DIR" "$root$STATE_DIR"
    note "removed hatang-agent, $CONFIG_DIR and $STATE_DIR"
  else
    note "removed hatang-agent; kept $CONFIG_DIR and $STATE_DIR (--purge removes them)"
  fi
  exit 0
fi

# --- install -----------------------------------------------------------------------------------

make_dir "$root$prefix" 0755
make_dir "$root$prefix/bin" 0755
make_dir "$root$prefix/lib" 0755
make_dir "$root$CONFIG_DIR" 0755
make_dir "$root$STATE_DIR" 0750

write_file "$root$prefix/lib/hatang-agent.jar" 0644 <"$jar"
write_file "$root$prefix/lib/launcher.sh" 0644 <"$REPO/scripts/lib/launcher.sh"
launcher_script | write_file "$root$prefix/bin/hatang-agent" 0755
# AppCDS archives of the checkout's launcher are not made here: /opt is read-only to the service.

if [ "$token_given" = yes ]; then
  printf '%s\n' "$token" | write_file "$root$CONFIG_DIR/token" 0600
fi
if [ -n "$ca_file" ]; then
  write_file "$root$CONFIG_DIR/ca.pem" 0644 <"$ca_file"
else
  rm -f "$root$CONFIG_DIR/ca.pem"
fi

if [ "$init" = systemd ]; then
  # The timer spreads the runs (RandomizedDelaySec, also on a catch-up at boot); an agent that
  # slept as well would double the spread and hold the oneshot service for the whole sleep.
  agent_yaml 0 | write_file "$root$CONFIG_DIR/agent.yaml" 0640
  rm -f "$root$CRON_FILE"
  make_dir "$root$UNIT_DIR" 0755
  changed=no
  service_unit | write_file "$root$UNIT_DIR/hatang-agent.service" 0644
  timer_unit | write_file "$root$UNIT_DIR/hatang-agent.timer" 0644
  if [ -z "$root" ]; then
    systemctl daemon-reload || die 4 "systemctl daemon-reload failed"
    systemctl enable --now hatang-agent.timer || die 4 "systemctl enable --now hatang-agent.timer failed"
    # A timer that was already running keeps its computed next run: restart it on a new schedule.
    if [ "$changed" = yes ]; then
      systemctl restart hatang-agent.timer || die 4 "systemctl restart hatang-agent.timer failed"
    fi
  fi
  scheduled="systemd timer hatang-agent.timer ($schedule, spread over ${random_delay} s)"
else
  # cron cannot spread the runs: the agent sleeps the random delay itself.
  agent_yaml "$random_delay" | write_file "$root$CONFIG_DIR/agent.yaml" 0640
  remove_systemd
  make_dir "$root/etc/cron.d" 0755
  cron_file | write_file "$root$CRON_FILE" 0644
  scheduled="cron file $CRON_FILE ($schedule and at boot; the agent waits 0..${random_delay} s)"
fi

if [ -z "$root" ] && ! command -v java >/dev/null 2>&1; then
  note "warning: java not found: install Java 17 or later (Debian: apt-get install openjdk-17-jre-headless)"
fi
note "installed $prefix/bin/hatang-agent, $CONFIG_DIR/agent.yaml, $STATE_DIR; $scheduled"
note "try it now: $(run_command) --no-delay"
