#!/usr/bin/env bash
# package-test.sh — builds a release with scripts/package.sh into a temporary folder and checks
# it as a user gets it: the tarball's programs run on their own runtime (a verdict, Vietnamese
# number formats, the agent's JSON), the runtime holds only the modules the jars need (and the
# en and vi locales only), and the .deb has the right fields and files and its maintainer scripts
# make and remove the agent's class-data archive (run against a scratch root with DPKG_ROOT).
#
#   scripts/test/package-test.sh     # after mvn -B -ntp -DskipTests package (uses those jars)
#
# Run by e2e's PackageIT during mvn verify. Prints one line per check; nothing is left behind.
# Exit codes: 0 all checks passed, 1 a check failed, 4 environment (no jars, jlink, dpkg-deb).
set -euo pipefail

ROOT=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
FIXTURES=$ROOT/core/src/test/resources/snapshots

die() { # die CODE MESSAGE
  printf 'package-test: error: %s\n' "$2" >&2
  exit "$1"
}
command -v dpkg-deb >/dev/null 2>&1 || die 4 "dpkg-deb not found (apt-get install dpkg)"
if [ -z "${JAVA_HOME:-}" ]; then
  command -v jlink >/dev/null 2>&1 || die 4 "jlink not found: install a JDK 17 or set JAVA_HOME"
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")
fi
export JAVA_HOME
for tool in jdeps jimage; do
  [ -x "$JAVA_HOME/bin/$tool" ] || die 4 "$JAVA_HOME/bin/$tool is missing: JAVA_HOME must be a JDK"
done

tmp=$(mktemp -d /tmp/package-test.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

failed=0
pass() { printf 'ok - %s\n' "$1"; }
fail() {
  printf 'not ok - %s\n' "$1"
  failed=1
}
# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
# lacks FILE ERE: the file has no line matching ERE (case-insensitive).
lacks() { ! grep -q -i -E "$2" "$1"; }
# matches TEXT ERE
matches() { [[ $1 =~ $2 ]]; }
# same DESCRIPTION ACTUAL EXPECTED
same() {
  if [ "$2" = "$3" ]; then
    pass "$1"
  else
    fail "$1: got '$2', expected '$3'"
  fi
}

# --- Build -------------------------------------------------------------------------------------

VERSION=$(sed -n '/<artifactId>hatang-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' \
  "$ROOT/pom.xml")
start=$(date +%s)
# JAVA_OPTS of the caller must not change what the launchers print.
unset JAVA_OPTS
"$ROOT/scripts/package.sh" --no-build --out "$tmp/out" >"$tmp/package.out" 2>"$tmp/package.err" \
  || { cat "$tmp/package.err" >&2; die 1 "scripts/package.sh failed"; }
pass "scripts/package.sh built the release in $(($(date +%s) - start)) s"
tarball=$tmp/out/hatang-$VERSION-linux-x64.tar.gz
deb=$tmp/out/hatang_${VERSION//-/\~}_amd64.deb
check "the tarball and the .deb exist" test -s "$tarball" -a -s "$deb"
same "package.sh prints the paths of what it made" "$(cat "$tmp/package.out")" \
  "$(printf '%s\n' "$tmp/out/hatang-$VERSION" "$tarball" "$deb")"

# --- Tarball -----------------------------------------------------------------------------------

mkdir "$tmp/x"
tar -C "$tmp/x" -xzf "$tarball"
rel=$tmp/x/hatang-$VERSION
same "the tarball's files outside runtime/" \
  "$(cd "$tmp/x" && find . \( -path "./hatang-$VERSION/runtime/*" -o -path "./hatang-$VERSION/share/man/*" \) -prune -o -print | sort | tr '\n' ' ')" \
  ". ./hatang-$VERSION ./hatang-$VERSION/bin ./hatang-$VERSION/bin/hatang ./hatang-$VERSION/bin/hatang-agent ./hatang-$VERSION/lib ./hatang-$VERSION/lib/hatang-agent.jar ./hatang-$VERSION/lib/hatang.jar ./hatang-$VERSION/lib/launcher.sh ./hatang-$VERSION/runtime ./hatang-$VERSION/share ./hatang-$VERSION/share/bash-completion ./hatang-$VERSION/share/bash-completion/completions ./hatang-$VERSION/share/bash-completion/completions/hatang ./hatang-$VERSION/share/bash-completion/completions/hatang-agent ./hatang-$VERSION/share/man "
same "the tarball's files are root's" \
  "$(tar -tvzf "$tarball" | awk '{print $2}' | sort -u)" "0/0"
check "the launchers are executable" test -x "$rel/bin/hatang" -a -x "$rel/bin/hatang-agent"
check "lib/launcher.sh is scripts/lib/launcher.sh" cmp -s "$rel/lib/launcher.sh" "$ROOT/scripts/lib/launcher.sh"
same "the release has a manual page per command, English and Vietnamese (26 + 7 each)" \
  "$(find "$rel/share/man/man1" -name '*.1' | wc -l) $(find "$rel/share/man/vi/man1" -name '*.1' | wc -l)" "33 33"
check "the Vietnamese page of hatang report is in Vietnamese" grep -q 'Báo cáo theo kỳ' "$rel/share/man/vi/man1/hatang-report.1"
check "the release's completion script completes hatang's commands" \
  grep -q -F 'complete -F _complete_hatang ' "$rel/share/bash-completion/completions/hatang"

same "bin/hatang --version" "$("$rel/bin/hatang" --version)" "hatang $VERSION"
same "bin/hatang-agent --version" "$("$rel/bin/hatang-agent" --version)" "hatang-agent $VERSION"
mkdir "$tmp/path"
ln -s "$rel/bin/hatang" "$tmp/path/hatang"
same "bin/hatang through a symbolic link (as /usr/bin/hatang)" "$("$tmp/path/hatang" --version)" "hatang $VERSION"

set +e
"$rel/bin/hatang" check "$FIXTURES/compliant-pc.json" --date 2026-11-25 -f json >"$tmp/check.json" 2>"$tmp/check.err"
rc=$?
set -e
same "hatang check compliant-pc.json exits 0" "$rc" 0
# JSON as Jackson's pretty printer writes it: "key" : value.
same "hatang check compliant-pc.json: the JSON verdict" \
  "$({ sed -n '/"summary" : {/,/}/p' "$tmp/check.json" | grep -E '"(pass|fail|invalidInputs)" : '
    grep -E '"verdict" : ' "$tmp/check.json"; } | tr -d ' ,\n')" \
  '"pass":1"fail":0"invalidInputs":0"verdict":"PASS"'
# Vietnamese number formats come from jdk.localedata (CLDR vi: '.' groups thousands).
set +e
"$rel/bin/hatang" --lang vi check "$FIXTURES/old-pc.json" --date 2026-11-25 >"$tmp/check-vi.txt" 2>&1
rc=$?
set -e
same "hatang --lang vi check old-pc.json exits 1 (deficiencies)" "$rc" 1
check "hatang --lang vi prints amounts as 650.000 ₫ (the vi locale is in the runtime)" \
  grep -q '650\.000 ₫' "$tmp/check-vi.txt"
check "hatang --lang vi --help is in Vietnamese" matches "$("$rel/bin/hatang" --lang vi --help)" 'Cách dùng'

# --- Runtime -----------------------------------------------------------------------------------

java=$rel/runtime/bin/java
"$java" --list-modules | sed 's/@.*//' | sort >"$tmp/modules"
# The image must be exactly what the jars need: jdeps's modules, those needed only at run time
# (scripts/package.sh says why), and whatever those require.
roots=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  "$rel/lib/hatang.jar" "$rel/lib/hatang-agent.jar"),jdk.crypto.ec,jdk.localedata,jdk.zipfs
: >"$tmp/closure"
todo=${roots//,/ }
while [ -n "${todo// /}" ]; do
  next=
  for m in $todo; do
    grep -qx "$m" "$tmp/closure" && continue
    echo "$m" >>"$tmp/closure"
    next="$next $("$java" --describe-module "$m" | awk '$1 == "requires" {print $2}' | tr '\n' ' ')"
  done
  todo=$next
done
same "the runtime's modules are the jars' (jdeps + jdk.crypto.ec, jdk.localedata, jdk.zipfs) and what they require" \
  "$(tr '\n' ' ' <"$tmp/modules")" "$(sort "$tmp/closure" | tr '\n' ' ')"
"$JAVA_HOME/bin/jimage" list "$rel/runtime/lib/modules" >"$tmp/jimage"
check "jdk.localedata holds Vietnamese (FormatData_vi)" grep -q 'cldr/ext/FormatData_vi\.class' "$tmp/jimage"
check "jdk.localedata holds no other language (no FormatData_fr, FormatData_zh)" \
  lacks "$tmp/jimage" 'cldr/ext/FormatData_(fr|zh)\.class'
check "no header files, no man pages" test ! -e "$rel/runtime/include" -a ! -e "$rel/runtime/man"
check "the JDK's class-data archive is in the runtime (the agent's archive extends it)" \
  test -s "$rel/runtime/lib/server/classes.jsa"
check "the runtime is no JDK (no javac, no jlink)" test ! -e "$rel/runtime/bin/javac" -a ! -e "$rel/runtime/bin/jlink"

# --- Debian package ----------------------------------------------------------------------------

dpkg-deb -f "$deb" >"$tmp/control"
field() { sed -n "s/^$1: //p" "$tmp/control"; }
same "control: Package" "$(field Package)" hatang
same "control: Version" "$(field Version)" "${VERSION//-/\~}"
same "control: Architecture" "$(field Architecture)" amd64
check "control: Maintainer is 'name <address>'" matches "$(field Maintainer)" '^[^<]+ <[^>]+@[^>]+>$'
check "control: a Description" test -n "$(field Description)"
field Depends >"$tmp/depends"
check "control: no Depends on a Java (the runtime is inside)" lacks "$tmp/depends" 'java|jre|jdk'
dpkg-deb -I "$deb" >"$tmp/info"
for script in postinst prerm postrm; do
  # "   990 bytes,    22 lines   *  postinst   #!/bin/bash": '*' = executable
  check "the .deb has an executable $script" grep -q -E "^ +[0-9]+ bytes, +[0-9]+ lines +\* +$script +#!/bin/bash" "$tmp/info"
done
dpkg-deb -c "$deb" >"$tmp/contents"
same "the .deb's files are root's" "$(awk '{print $2}' "$tmp/contents" | sort -u)" "root/root"
check "the .deb links /usr/bin/hatang to /opt/hatang/bin/hatang" \
  grep -q -F './usr/bin/hatang -> /opt/hatang/bin/hatang' "$tmp/contents"
check "the .deb links /usr/bin/hatang-agent to /opt/hatang/bin/hatang-agent" \
  grep -q -F './usr/bin/hatang-agent -> /opt/hatang/bin/hatang-agent' "$tmp/contents"
check "the .deb holds no class-data archive of the agent (made at installation)" \
  lacks "$tmp/contents" 'hatang-agent\.jsa'
check "the .deb has the English manual pages, gzipped" \
  grep -q -E './usr/share/man/man1/hatang-report\.1\.gz$' "$tmp/contents"
check "the .deb has the Vietnamese page of hatang-agent check" \
  grep -q -E './usr/share/man/vi/man1/hatang-agent-check\.1\.gz$' "$tmp/contents"
check "the .deb links the bash completion of both programs" \
  test "$(grep -c -E './usr/share/bash-completion/completions/hatang(-agent)? -> /opt/hatang/share/bash-completion/completions/hatang(-agent)?$' "$tmp/contents")" = 2
awk '{print $6}' "$tmp/contents" | sed -n 's|^\./opt/hatang/\(.\)|./\1|p' | sed 's|/$||' | sort >"$tmp/deb-files"
# (less the class-data archives that this test's runs of the unpacked tarball made in lib/)
(cd "$rel" && find . -mindepth 1 | grep -v -E '^\./lib/[^/]+\.jsa$' | sort) >"$tmp/tar-files"
check "the .deb's /opt/hatang holds the tarball's release" diff "$tmp/deb-files" "$tmp/tar-files"

# Installed into a scratch root: the files, then the maintainer scripts as dpkg runs them there.
sys=$tmp/root
dpkg-deb -x "$deb" "$sys"
dpkg-deb -e "$deb" "$tmp/DEBIAN"
opt=$sys/opt/hatang
jsa=$opt/lib/hatang-agent.jsa
DPKG_ROOT=$sys bash "$tmp/DEBIAN/postinst" configure >"$tmp/postinst.out" 2>&1 \
  || { cat "$tmp/postinst.out" >&2; fail "postinst configure exits 0"; }
check "postinst made the agent's class-data archive $jsa" test -s "$jsa"
JAVA_OPTS="-Xlog:class+load=info:file=$tmp/class-load.log" "$opt/bin/hatang-agent" --version >"$tmp/v.out"
same "the installed agent runs with its archive: --version" "$(cat "$tmp/v.out")" "hatang-agent $VERSION"
check "the installed agent loads its classes from the archive" \
  grep -q 'vn.hatang.agent.* source: shared objects file (top)' "$tmp/class-load.log"
"$opt/bin/hatang-agent" collect >"$tmp/collect.json" 2>"$tmp/collect.err" || true
# The checker reads the agent's output: any stray line (a JVM warning) makes it an invalid input.
"$opt/bin/hatang" check "$tmp/collect.json" -f json >"$tmp/collect-check.json" 2>&1 || true
check "hatang-agent collect with the archive: standard output is a snapshot alone (hatang check reads it)" \
  grep -q '"invalidInputs" : 0,' "$tmp/collect-check.json"
same "hatang-agent collect with the archive: standard output starts with { and ends with }" \
  "$(head -c 1 "$tmp/collect.json")$(tail -n 1 "$tmp/collect.json")" "{}"
# The checker's archive: made by that first check (lib/ is writable here, as for root), then used.
cjsa=$opt/lib/hatang.jsa
check "the first check made the checker's class-data archive $cjsa" test -s "$cjsa"
JAVA_OPTS="-Xlog:class+load=info:file=$tmp/check-load.log" \
  "$opt/bin/hatang" check "$tmp/collect.json" -f json >"$tmp/collect-check2.json" 2>&1 || true
check "the checker with its archive gives the same result" \
  cmp "$tmp/collect-check.json" "$tmp/collect-check2.json"
check "the checker loads its classes from the archive" \
  grep -q 'vn.hatang.cli.* source: shared objects file (top)' "$tmp/check-load.log"
same "the checker's archive carries the jar's modification time" \
  "$(find "$cjsa" -newer "$opt/lib/hatang.jar")$(find "$opt/lib/hatang.jar" -newer "$cjsa")" ""
# A jar of another release unpacked over this one keeps its older time: the archive, newer than
# it, is not this jar's (the JVM would ignore it at every start); the next check makes a new one.
touch -d '2001-02-03 04:05:06' "$opt/lib/hatang.jar"
"$opt/bin/hatang" check "$tmp/collect.json" -f json >/dev/null 2>&1 || true
JAVA_OPTS="-Xlog:class+load=info:file=$tmp/check-load2.log" \
  "$opt/bin/hatang" check "$tmp/collect.json" -f json >/dev/null 2>&1 || true
check "a jar older than its archive (another release unpacked): the next check remakes the archive" \
  grep -q 'vn.hatang.cli.* source: shared objects file (top)' "$tmp/check-load2.log"
# The checker's JVM options (launcher.sh): small inlined methods and the parallel collector; a
# collector named in JAVA_OPTS replaces only the collector (two would stop the JVM with exit 1).
JAVA_OPTS=-XX:+PrintCommandLineFlags "$opt/bin/hatang" --version >"$tmp/flags.out" 2>&1 || true
check "the checker runs with -XX:FreqInlineSize=50 and the parallel collector, tenuring after 2" \
  grep -q -- '-XX:FreqInlineSize=50 .*-XX:MaxTenuringThreshold=2 .*-XX:+UseParallelGC' "$tmp/flags.out"
rc=0
JAVA_OPTS="-XX:+UseG1GC -XX:+PrintCommandLineFlags" "$opt/bin/hatang" --version >"$tmp/g1.out" 2>&1 || rc=$?
same "JAVA_OPTS=-XX:+UseG1GC: the checker still runs (exit 0)" "$rc" "0"
check "JAVA_OPTS=-XX:+UseG1GC: G1 replaces the parallel collector, the inlining option stays" \
  bash -c 'grep -q -- "-XX:FreqInlineSize=50 .*-XX:+UseG1GC" "$1" && ! grep -q -- "-XX:+UseParallelGC" "$1"' _ "$tmp/g1.out"
rc=0
JDK_JAVA_OPTIONS=-XX:+UseG1GC JAVA_OPTS=-XX:+PrintCommandLineFlags "$opt/bin/hatang" --version >"$tmp/jdk.out" 2>&1 || rc=$?
same "JDK_JAVA_OPTIONS=-XX:+UseG1GC: the checker still runs (exit 0)" "$rc" "0"
JAVA_OPTS="-XX:+UseGCOverheadLimit -XX:+PrintCommandLineFlags" "$opt/bin/hatang" --version >"$tmp/gcol.out" 2>&1 || true
check "JAVA_OPTS=-XX:+UseGCOverheadLimit names no collector: the parallel one stays" \
  grep -q -- '-XX:+UseParallelGC' "$tmp/gcol.out"
# An archive that does not fit (another machine's, a damaged one) is ignored without a word.
cp "$jsa" "$tmp/good.jsa"
head -c 65536 /dev/urandom >"$jsa"
touch -r "$opt/lib/hatang-agent.jar" "$jsa" # taken for the jar's: the JVM must be the one to refuse it
"$opt/bin/hatang-agent" --version >"$tmp/bad.out" 2>"$tmp/bad.err"
same "a damaged archive: --version still prints the version alone" "$(cat "$tmp/bad.out")" "hatang-agent $VERSION"
same "a damaged archive: nothing on stderr" "$(cat "$tmp/bad.err")" ""
cp "$tmp/good.jsa" "$jsa"
DPKG_ROOT=$sys bash "$tmp/DEBIAN/prerm" remove
check "prerm remove removes the archives" test ! -e "$jsa" -a ! -e "$cjsa"
DPKG_ROOT=$sys bash "$tmp/DEBIAN/postrm" remove
check "postrm remove leaves the package's files (dpkg removes them)" test -f "$opt/lib/hatang.jar"

if [ "$failed" -ne 0 ]; then
  echo "package-test: FAILED (see 'not ok' above)" >&2
  exit 1
fi
echo "package-test: all checks passed in $(($(date +%s) - start)) s"
