# Shared code of the POSIX launchers scripts/hatang and scripts/hatang-agent. Sourced, not run.
#
# The caller sets HATANG_ROOT (the repository or install root) before sourcing this file.
# Nothing here writes to stdout: stdout belongs to the program (the agent writes JSON there).

# Options for every java launch: UTF-8 everywhere (the office PCs and our messages are Vietnamese;
# JDK 17 ignores stdout.encoding but takes System.out's charset from file.encoding), and JVM
# log output off stdout. -Xlog:disable removes the default "warnings to stdout" output, the next
# option sends warnings to stderr instead, and CDS's own messages (an archive that does not match
# is silently not used) are dropped.
HATANG_JAVA_COMMON_OPTS='-Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr'

# Whether standard output and standard error are terminals, for the program (given after the
# options above; the JVM alone can tell only when standard input is a terminal too): a binary
# format (-f xlsx) goes to standard output only when it is not one, colours only when it is one,
# progress bars only on a terminal's standard error.
HATANG_STDOUT_OPT=-Dhatang.stdout.tty=false
if [ -t 1 ]; then
  HATANG_STDOUT_OPT=-Dhatang.stdout.tty=true
fi
if [ -t 2 ]; then
  HATANG_STDOUT_OPT="$HATANG_STDOUT_OPT -Dhatang.stderr.tty=true"
else
  HATANG_STDOUT_OPT="$HATANG_STDOUT_OPT -Dhatang.stderr.tty=false"
fi

# The agent's extra options: a collection is short, so the C2 compiler and a parallel GC only cost
# start-up time and memory, and one compiler thread leaves the other core to the probes and the
# JSON warm-up (about 8% faster on 2 cores). (scripts/bench/agent-footprint.sh measures with these too.)
HATANG_AGENT_JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xss512k'

# The checker's: a batch run over many files wants throughput, and a heap that follows what it
# holds. The parallel collector, allowed 20% of the time (GCTimeRatio=4), keeps the heap near the
# live data where G1 grows it with the allocation rate: 100,000 snapshots, check -f json 2.5 GB ->
# 0.42 GB peak RSS, report 1.0 -> 0.36 GB, no slower (BENCHMARKS.md, check at scale). What a run
# keeps (a small index per machine) is promoted after two young collections, not copied up to seven
# times: check -f table 2%, check -f json 9% faster, peak RSS 25-40 MB lower (tenth run).
HATANG_CHECKER_GC_OPTS='-XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:MaxTenuringThreshold=2'
# A run's time is mostly the JIT's warm-up (two cores: the C2 compiler thread was busy for 9.5 s of
# CPU in a 15 s report). Inlining hot methods of at most 50 bytecodes (C2's default 325) makes each
# compilation smaller: C2 3.0 s, report of 100,000 snapshots ~14 -> ~10 s, check -f table 19 -> 15 s,
# steady state unchanged (BENCHMARKS.md, check at scale, seventh run).
HATANG_CHECKER_JIT_OPTS='-XX:FreqInlineSize=50'
HATANG_CHECKER_JAVA_OPTS="$HATANG_CHECKER_JIT_OPTS $HATANG_CHECKER_GC_OPTS"

# The checker's options; the collector is left out when JAVA_OPTS, JAVA_TOOL_OPTIONS or
# JDK_JAVA_OPTIONS choose one (a word -XX:+Use...GC, not -XX:+UseGCOverheadLimit): two collectors
# stop the JVM (with exit 1, which would read as "deficiencies found"). Run in $(...): set -f stays
# in that subshell.
hatang_checker_opts() {
  set -f
  # shellcheck disable=SC2086
  for word in ${JAVA_OPTS:-} ${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-}; do
    case $word in
      -XX:+Use*GC)
        printf '%s' "$HATANG_CHECKER_JIT_OPTS"
        return
        ;;
    esac
  done
  printf '%s' "$HATANG_CHECKER_JAVA_OPTS"
}

hatang_die() {
  # hatang_die CODE MESSAGE: one line on stderr, then exit. 4 = environment failure (ExitCode).
  printf 'hatang: error: %s\n' "$2" >&2
  exit "$1"
}

hatang_note() {
  printf 'hatang: %s\n' "$1" >&2
}

# Java decodes its arguments and file names in the locale's charset (sun.jnu.encoding, which no -D
# option sets): under LANG=C, in cron's empty environment, or with a locale that is not installed
# (LANG=vi_VN.UTF-8 on a machine with only C.UTF-8), "Phường Quy Nhơn" given as --unit-name
# arrives mangled. Then run java under LC_ALL=C.UTF-8, and hand the language the user chose to
# hatang through HATANG_LANG, which hatang reads before LC_ALL (core's Lang).
hatang_utf8_locale() {
  case $(locale charmap 2>/dev/null) in
    UTF-8 | utf-8 | UTF8 | utf8) return 0 ;;
  esac
  if [ -z "${HATANG_LANG:-}" ]; then
    for value in "${LC_ALL:-}" "${LC_MESSAGES:-}" "${LANG:-}"; do
      if [ -n "$value" ]; then
        HATANG_LANG=$value
        export HATANG_LANG
        break
      fi
    done
  fi
  LC_ALL=C.UTF-8
  export LC_ALL
}

# Sets HATANG_JAVA to the java to run: the runtime of a release package ($HATANG_ROOT/runtime, made
# by scripts/package.sh: the one the package was tested with, so JAVA_HOME does not override it),
# else $JAVA_HOME/bin/java, else java on PATH.
hatang_find_java() {
  if [ -x "$HATANG_ROOT/runtime/bin/java" ]; then
    HATANG_JAVA=$HATANG_ROOT/runtime/bin/java
  elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    HATANG_JAVA=$JAVA_HOME/bin/java
  elif command -v java >/dev/null 2>&1; then
    HATANG_JAVA=java
  else
    hatang_die 4 "java not found: install Java 17 or later (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
  fi
}

# Prints the first source file newer than $1, if any. Only a source checkout (root pom.xml present)
# has sources; an installed copy has just the jars and never rebuilds.
hatang_newer_source() {
  [ -f "$HATANG_ROOT/pom.xml" ] || return 0
  jar=$1
  set --
  for d in core agent cli standards; do
    if [ -d "$HATANG_ROOT/$d" ]; then set -- "$@" "$HATANG_ROOT/$d"; fi
  done
  # target/ is build output and dot-files are editor/VCS droppings: neither is a source.
  find "$HATANG_ROOT/pom.xml" "$@" \( -name target -o -name '.*' \) -prune -o \
    -type f -newer "$jar" -print 2>/dev/null | head -n 1
}

hatang_build() {
  # hatang_build REASON: mvn package from the root; its output goes to stderr, never stdout.
  command -v mvn >/dev/null 2>&1 \
    || hatang_die 4 "$HATANG_JAR $1 and Maven (mvn) is not installed: install Maven 3.8+ and a JDK 17 (Debian: apt-get install maven openjdk-17-jdk-headless)"
  hatang_note "$HATANG_JAR $1; building: mvn -B -ntp -q -DskipTests package"
  # A rebuilt jar makes its CDS archive stale: drop both first, whichever jar this is.
  rm -f "$HATANG_ROOT/agent/target/hatang-agent.jsa" "$HATANG_ROOT/cli/target/hatang.jsa"
  (cd "$HATANG_ROOT" && mvn -B -ntp -q -DskipTests package) 1>&2 \
    || hatang_die 4 "build failed (Maven output above); fix it, or run: cd '$HATANG_ROOT' && mvn -B -ntp -DskipTests package"
  [ -f "$HATANG_JAR" ] || hatang_die 4 "build finished but $HATANG_JAR is still missing"
}

# Makes sure $HATANG_JAR exists and is not older than the sources, building when needed; sets
# HATANG_JAVA and a UTF-8 locale for java.
hatang_ensure_jar() {
  hatang_find_java
  newer=
  if [ ! -f "$HATANG_JAR" ]; then
    hatang_build "is missing"
  else
    newer=$(hatang_newer_source "$HATANG_JAR")
  fi
  if [ -n "$newer" ]; then
    if command -v mvn >/dev/null 2>&1; then
      hatang_build "is older than ${newer#"$HATANG_ROOT"/}"
    else
      hatang_note "warning: $HATANG_JAR is older than ${newer#"$HATANG_ROOT"/} but mvn is not installed; running it as it is"
    fi
  fi
  hatang_utf8_locale
}

# hatang_run_agent JSA ARGS...: runs the agent ($HATANG_JAR, with $HATANG_JAVA) with its options and
# JSA, an AppCDS archive of its classes, made during the first real run (collect, check) when it is
# missing (the launchers scripts/hatang-agent and a release package's bin/hatang-agent; a .deb's
# postinst makes it with one such run). Never returns.
hatang_run_agent() {
  jsa=$1
  shift
  hatang_run_archived "$jsa" "collect check" \
    "$HATANG_JAVA_COMMON_OPTS $HATANG_STDOUT_OPT $HATANG_AGENT_JAVA_OPTS" "$@"
}

# hatang_run_checker JSA ARGS...: the same for the checker; its archive is made by the first check
# or report (0.3-0.4 s less start-up afterwards: 1.3 -> 0.9 s for a report of nothing, 1.3 ->
# 1.05 s for a check of one file). Never returns.
hatang_run_checker() {
  jsa=$1
  shift
  hatang_run_archived "$jsa" "check report" \
    "$HATANG_JAVA_COMMON_OPTS $HATANG_STDOUT_OPT $(hatang_checker_opts)" "$@"
}

# hatang_run_archived JSA WORDS OPTS ARGS...: runs $HATANG_JAR with the JVM options OPTS and JSA, an
# AppCDS archive of its classes; when JSA is missing or stale, a run whose arguments include one of
# WORDS (a run that loads the classes worth archiving) makes it, if its folder is writable.
hatang_run_archived() {
  jsa=$1
  words=$2
  opts=$3
  shift 3

  # JDK 17 has no -XX:+AutoCreateSharedArchive (JDK 19+), so the archive is made here. It is made
  # with the jar's modification time (touch -r below) and is that jar's while the two times are
  # equal: a jar rebuilt since is newer, a jar of another release unpacked over this one (a tarball
  # keeps its files' times) older. The JVM also checks the jar and silently ignores an archive
  # that does not match it (its messages are off, see HATANG_JAVA_COMMON_OPTS): "newer than the
  # jar" alone kept such an archive for good, and every start slow.
  if [ -f "$jsa" ] && [ -z "$(find "$HATANG_JAR" -newer "$jsa" 2>/dev/null)" ] \
    && [ -z "$(find "$jsa" -newer "$HATANG_JAR" 2>/dev/null)" ]; then
    # shellcheck disable=SC2086
    exec "$HATANG_JAVA" $opts -XX:SharedArchiveFile="$jsa" -Xshare:auto ${JAVA_OPTS:-} \
      -jar "$HATANG_JAR" "$@"
  fi

  # No usable archive. Only a real run loads the classes worth archiving, and the directory must be
  # writable; otherwise just run.
  make_archive=no
  for arg in "$@"; do
    for word in $words; do
      if [ "$arg" = "$word" ] && [ -w "$(dirname "$jsa")" ]; then
        make_archive=yes
      fi
    done
  done
  # Help and version load few classes: an archive of them would pass for the real one.
  for arg in "$@"; do
    case $arg in
      -h | --help | -V | --version | help) make_archive=no ;;
    esac
  done
  if [ "$make_archive" = no ]; then
    # shellcheck disable=SC2086
    exec "$HATANG_JAVA" $opts ${JAVA_OPTS:-} -jar "$HATANG_JAR" "$@"
  fi

  # Dump to a private name and rename, so that two first runs at once cannot leave a torn archive.
  # The jar's time is taken first: a jar replaced while the archive is made leaves an archive with
  # the old jar's time, which the next run remakes.
  rm -f "$jsa"
  tmp=$jsa.$$.tmp
  ref=$jsa.$$.ref
  trap 'rm -f "$tmp" "$ref"' EXIT
  trap 'rm -f "$tmp" "$ref"; exit 130' INT
  trap 'rm -f "$tmp" "$ref"; exit 143' TERM
  touch -r "$HATANG_JAR" "$ref" 2>/dev/null || ref=
  # shellcheck disable=SC2086
  "$HATANG_JAVA" $opts -XX:ArchiveClassesAtExit="$tmp" ${JAVA_OPTS:-} -jar "$HATANG_JAR" "$@"
  rc=$?
  # 0 = compliant, 1 = deficiencies found: both are complete runs worth keeping. It takes the jar's
  # time before the rename (no run sees it without), and is kept only where the two then compare
  # equal: where touch keeps less precision than find compares, it would be remade at every run.
  if [ "$rc" -le 1 ] && [ -s "$tmp" ] && [ -n "$ref" ] && touch -r "$ref" "$tmp" 2>/dev/null \
    && [ -z "$(find "$tmp" -newer "$HATANG_JAR" 2>/dev/null)" ] \
    && [ -z "$(find "$HATANG_JAR" -newer "$tmp" 2>/dev/null)" ]; then
    mv -f "$tmp" "$jsa" 2>/dev/null
  fi
  rm -f "$tmp" "$ref"
  exit "$rc"
}
