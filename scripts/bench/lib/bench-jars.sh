# Shared by scripts/bench/generate and check-scale.sh. Sourced, not run; the caller sets
# HATANG_ROOT. Makes sure cli/target/hatang.jar (core + Jackson + the checker) and
# bench/target/hatang-bench.jar (the generator and the parse-only reference, never shipped) are
# built and not older than their sources, then sets HATANG_JAVA, HATANG_JAR and BENCH_CP (the
# class path of the bench tools: bench jar + hatang jar).
# shellcheck source=../../lib/launcher.sh
. "$HATANG_ROOT/scripts/lib/launcher.sh"

bench_ensure_jars() {
  HATANG_JAR=$HATANG_ROOT/cli/target/hatang.jar
  hatang_ensure_jar
  bench_jar=$HATANG_ROOT/bench/target/hatang-bench.jar
  bench_newer=
  # Only a source checkout has bench/src; a copy with just the jars never rebuilds.
  if [ -f "$bench_jar" ] && [ -d "$HATANG_ROOT/bench/src" ]; then
    bench_newer=$(find "$HATANG_ROOT/bench/pom.xml" "$HATANG_ROOT/bench/src" -type f \
      -newer "$bench_jar" -print 2>/dev/null | head -n 1) || true
  fi
  if [ ! -f "$bench_jar" ] || [ -n "$bench_newer" ]; then
    hatang_note "building $bench_jar: mvn -B -ntp -q -pl bench -am -DskipTests package"
    (cd "$HATANG_ROOT" && mvn -B -ntp -q -pl bench -am -DskipTests package) 1>&2 \
      || hatang_die 4 "build of the bench tools failed (Maven output above)"
  fi
  BENCH_CP=$bench_jar:$HATANG_JAR
}
