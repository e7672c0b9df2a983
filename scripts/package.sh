#!/usr/bin/env bash
# package.sh — builds a hatang release for Linux: a trimmed Java runtime (jlink) with the checker
# and agent jars and their launchers, as a tarball and a Debian package. docs/package.md says what
# is inside and why. `--help` lists the options.
#
#   scripts/package.sh                       # builds the jars (mvn), then the release
#   scripts/package.sh --no-build --out DIR  # from the jars already built
#
# Outputs, in OUT (default target/release): hatang-VERSION/ (the release, unpacked),
# hatang-VERSION-linux-x64.tar.gz and hatang_VERSION_amd64.deb. VERSION is the Maven project
# version (root pom.xml) unless the VERSION variable is set. The runtime is made by the JDK of
# JAVA_HOME (else the one jlink on PATH belongs to), which needs its jmods/ folder.
#
# Exit codes: 0 done, 2 bad option or VERSION, 4 environment (no JDK tools, no jars, build failed).
set -euo pipefail
umask 022

usage() {
  cat <<'EOF'
Usage: package.sh [--no-build] [--no-deb] [--out DIR]

Builds a hatang release: a jlink runtime, lib/hatang.jar, lib/hatang-agent.jar and the launchers
bin/hatang and bin/hatang-agent, as OUT/hatang-VERSION/, OUT/hatang-VERSION-linux-ARCH.tar.gz and
OUT/hatang_VERSION_ARCH.deb.

  --no-build   use the jars already built (cli/target/hatang.jar, agent/target/hatang-agent.jar)
               instead of running mvn -B -ntp -q -DskipTests package first
  --no-deb     no Debian package (when dpkg-deb is not installed)
  --out DIR    where the release goes (default: target/release of this checkout)
  -h, --help   this help

Environment: VERSION (default: the version in pom.xml), JAVA_HOME (the JDK 17+ whose jlink, jdeps
and jmods make the runtime), MAINTAINER (the .deb's Maintainer field).
EOF
}

die() { # die CODE MESSAGE
  printf 'package: error: %s\n' "$2" >&2
  exit "$1"
}
note() { printf 'package: %s\n' "$1" >&2; }

ROOT=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

build=yes deb=yes out=''
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) build=no; shift ;;
    --no-deb) deb=no; shift ;;
    --out)
      [ $# -ge 2 ] || die 2 "--out needs a folder (see --help)"
      out=$2; shift 2 ;;
    --out=*) out=${1#*=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die 2 "unknown option '$1' (see --help)" ;;
  esac
done

# --- What to build: version, architecture, tools ---------------------------------------------------

if [ -z "${VERSION:-}" ]; then
  # The parent's own <version>, the line after <artifactId>hatang-parent</artifactId> (mvn
  # help:evaluate would take seconds to say the same).
  VERSION=$(sed -n '/<artifactId>hatang-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' \
    "$ROOT/pom.xml") || true
  [ -n "$VERSION" ] || die 4 "cannot read the project version from $ROOT/pom.xml; set VERSION"
fi
# Debian's rule for an upstream version, and safe in a file name.
[[ $VERSION =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] \
  || die 2 "VERSION must start with a digit and hold only letters, digits and .+~-, not '$VERSION'"
# A Maven pre-release (1.0.0-SNAPSHOT) sorts before its release in dpkg only with '~'.
deb_version=${VERSION//-/\~}

# The runtime is native code: the package is for the architecture of the JDK that makes it.
case $(uname -m) in
  x86_64) tar_arch=linux-x64 deb_arch=amd64 ;;
  aarch64) tar_arch=linux-aarch64 deb_arch=arm64 ;;
  *) die 4 "no package for this architecture: $(uname -m) (x86_64 and aarch64 are known)" ;;
esac

if [ -n "${JAVA_HOME:-}" ]; then
  jdk=$JAVA_HOME
elif command -v jlink >/dev/null 2>&1; then
  jdk=$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")
else
  die 4 "jlink not found: install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
fi
for tool in jlink jdeps; do
  [ -x "$jdk/bin/$tool" ] || die 4 "$jdk/bin/$tool is missing: JAVA_HOME must be a JDK 17 or later, not a JRE"
done
[ -f "$jdk/jmods/java.base.jmod" ] \
  || die 4 "$jdk/jmods is missing, which jlink needs (Debian: openjdk-17-jdk-headless has it; Ubuntu: apt-get install openjdk-17-jmods)"
if [ "$deb" = yes ]; then
  command -v dpkg-deb >/dev/null 2>&1 || die 4 "dpkg-deb not found: apt-get install dpkg, or give --no-deb"
fi

CLI_JAR=$ROOT/cli/target/hatang.jar
AGENT_JAR=$ROOT/agent/target/hatang-agent.jar
if [ "$build" = yes ]; then
  command -v mvn >/dev/null 2>&1 || die 4 "mvn not found: install Maven 3.8+, or build the jars elsewhere and give --no-build"
  note "building the jars: mvn -B -ntp -q -DskipTests package -pl agent,cli -am"
  (cd "$ROOT" && mvn -B -ntp -q -DskipTests package -pl agent,cli -am) >&2 || die 4 "the build failed (Maven output above)"
fi
for jar in "$CLI_JAR" "$AGENT_JAR"; do
  [ -f "$jar" ] || die 4 "$jar is missing: build it first with: (cd '$ROOT' && mvn -B -ntp -DskipTests package)"
done

out=${out:-$ROOT/target/release}
mkdir -p "$out"
out=$(cd -P "$out" && pwd -P)
work=$(mktemp -d "$out/.package.XXXXXX")
trap 'rm -rf "$work"' EXIT
name=hatang-$VERSION
tree=$work/$name
mkdir -p "$tree/bin" "$tree/lib"

# --- The runtime -------------------------------------------------------------------------------

# The modules the jars use, as jdeps reads them from their classes ...
modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  "$CLI_JAR" "$AGENT_JAR") || die 4 "jdeps failed on the jars"
# ... and those found only at run time, which jdeps cannot see: jdk.zipfs (the bundled standards
# are read through a zip file system, StandardCatalog), jdk.crypto.ec (TLS with ECDHE and EC
# certificates, for uploads and for serve), jdk.localedata (Vietnamese number formats: 650.000 ₫).
modules=$modules,jdk.crypto.ec,jdk.localedata,jdk.zipfs
note "runtime modules: $modules (and what they require)"
# --generate-cds-archive: the JDK's default class-data archive, which start-up needs and which the
# agent's own archive (made at install time) extends. The native libraries of java.desktop (AWT,
# sound, fonts, images: X11, ALSA, FreeType...) are left out: the jars use java.desktop only for
# java.beans (Jackson, SnakeYAML), which loads none of them.
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
  --include-locales=en,vi --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive --exclude-files='glob:/java.desktop/lib/**' \
  --output "$tree/runtime" >"$work/jlink.log" 2>&1 \
  || { cat "$work/jlink.log" >&2; die 4 "jlink failed (output above)"; }
# The archive for heaps above 32 GB (no compressed oops): hatang never runs with such a heap.
rm -f "$tree/runtime/lib/server/classes_nocoops.jsa"

# --- Jars and launchers ------------------------------------------------------------------------

cp "$CLI_JAR" "$tree/lib/hatang.jar"
cp "$AGENT_JAR" "$tree/lib/hatang-agent.jar"
cp "$ROOT/scripts/lib/launcher.sh" "$tree/lib/launcher.sh"
chmod 0644 "$tree/lib/"*

# launcher PROGRAM JAR: a launcher of the release, with the options of the checkout's
# scripts/PROGRAM from the same lib/launcher.sh (as install-agent.sh writes the agent's).
launcher() {
  cat <<EOF
#!/bin/sh
# $1, of a hatang release (scripts/package.sh): runs ../lib/$2
# on the release's own Java runtime (../runtime) with the JVM options of scripts/$1
# (HATANG_*_OPTS of ../lib/launcher.sh). Extra JVM options: \$JAVA_OPTS.
EOF
  cat <<'EOF'
set -uf  # -f: no globbing of the option strings (-Xlog:cds*=...)
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
[ -x "$HATANG_ROOT/runtime/bin/java" ] || hatang_die 4 "$HATANG_ROOT/runtime/bin/java is missing: reinstall hatang"
EOF
  # shellcheck disable=SC2016 # written as it stands, expanded by the launcher
  printf 'HATANG_JAR=$HATANG_ROOT/lib/%s\n' "$2"
  cat <<'EOF'
[ -f "$HATANG_JAR" ] || hatang_die 4 "$HATANG_JAR is missing: reinstall hatang"
hatang_find_java  # the release's runtime
hatang_utf8_locale
EOF
}
{
  launcher hatang hatang.jar
  cat <<'EOF'
# The AppCDS archive of the checker's classes: made by the first check or report when lib/ is
# writable; used when present and valid, silently ignored otherwise.
hatang_run_checker "$HATANG_ROOT/lib/hatang.jsa" "$@"
EOF
} >"$tree/bin/hatang"
{
  launcher hatang-agent hatang-agent.jar
  cat <<'EOF'
# The AppCDS archive of the agent's classes: made by the .deb's postinst, or by the first collect or
# check when lib/ is writable; used when present and valid, silently ignored otherwise.
hatang_run_agent "$HATANG_ROOT/lib/hatang-agent.jsa" "$@"
EOF
} >"$tree/bin/hatang-agent"
chmod 0755 "$tree/bin/hatang" "$tree/bin/hatang-agent"

# The jars must run on this runtime (a module missing from it fails here, not on a user's PC).
for program in hatang hatang-agent; do
  v=$(env -u JAVA_OPTS "$tree/bin/$program" --version </dev/null) \
    || die 4 "bin/$program --version failed on the new runtime"
  [ "$v" = "$program $VERSION" ] || die 4 "bin/$program --version printed '$v', not '$program $VERSION'"
done

# --- Manual pages and shell completion ----------------------------------------------------------

# The manual pages the build wrote from the command models (cli/agent target/man, English and
# Vietnamese), and each program's bash completion script (its completion command, on this runtime).
for module in cli agent; do
  [ -d "$ROOT/$module/target/man/man1" ] \
    || die 4 "$ROOT/$module/target/man is missing: build with mvn -B -ntp -DskipTests package"
  mkdir -p "$tree/share/man/man1" "$tree/share/man/vi/man1"
  cp "$ROOT/$module/target/man/man1/"*.1 "$tree/share/man/man1/"
  cp "$ROOT/$module/target/man/vi/man1/"*.1 "$tree/share/man/vi/man1/"
done
mkdir -p "$tree/share/bash-completion/completions"
for program in hatang hatang-agent; do
  env -u JAVA_OPTS "$tree/bin/$program" completion </dev/null \
    >"$tree/share/bash-completion/completions/$program" \
    || die 4 "bin/$program completion failed"
done
chmod 0644 "$tree/share/man/man1/"* "$tree/share/man/vi/man1/"* "$tree/share/bash-completion/completions/"*

# --- Tarball -----------------------------------------------------------------------------------

tarball=$out/$name-$tar_arch.tar.gz
tar -C "$work" --sort=name --owner=0 --group=0 --numeric-owner -czf "$work/release.tar.gz" "$name"
mv -f "$work/release.tar.gz" "$tarball"

# --- Debian package ----------------------------------------------------------------------------

if [ "$deb" = yes ]; then
  pkg=$work/deb
  mkdir -p "$pkg/opt" "$pkg/usr/bin" "$pkg/DEBIAN"
  cp -a "$tree" "$pkg/opt/hatang"
  ln -s /opt/hatang/bin/hatang "$pkg/usr/bin/hatang"
  ln -s /opt/hatang/bin/hatang-agent "$pkg/usr/bin/hatang-agent"
  # Where man and bash-completion look: the pages gzipped, as Debian's policy asks.
  mkdir -p "$pkg/usr/share/man/man1" "$pkg/usr/share/man/vi/man1" "$pkg/usr/share/bash-completion/completions"
  for page in "$tree/share/man/man1/"*.1; do
    gzip -9n <"$page" >"$pkg/usr/share/man/man1/$(basename "$page").gz"
  done
  for page in "$tree/share/man/vi/man1/"*.1; do
    gzip -9n <"$page" >"$pkg/usr/share/man/vi/man1/$(basename "$page").gz"
  done
  for program in hatang hatang-agent; do
    ln -s "/opt/hatang/share/bash-completion/completions/$program" \
      "$pkg/usr/share/bash-completion/completions/$program"
  done
  installed_kb=$(du -sk --apparent-size "$pkg/opt" "$pkg/usr" | awk '{s += $1} END {print s}')
  # No Depends on a Java: the runtime is inside. What the runtime's native code links to (ldd of
  # runtime/lib: libc, libgcc, libstdc++, zlib) is in every Debian system but is declared all the same.
  cat >"$pkg/DEBIAN/control" <<EOF
Package: hatang
Version: $deb_version
Architecture: $deb_arch
Maintainer: ${MAINTAINER:-hatang maintainers <maintainers@hatang.invalid>}
Installed-Size: $installed_kb
Depends: libc6, libgcc-s1, libstdc++6, zlib1g
Section: admin
Priority: optional
Description: basic IT infrastructure checker and agent for government offices
 hatang measures, checks and reports the PCs and lines of government offices
 against versioned standards. This package holds the checker (hatang) and the
 agent (hatang-agent) with their own Java runtime under /opt/hatang: no system
 Java is needed. The agent's class-data archive is made at installation.
EOF
  # Maintainer scripts: bash (Essential in Debian). ${DPKG_ROOT} is set by dpkg for an
  # installation below another root (and by scripts/test/package-test.sh), empty otherwise.
  cat >"$pkg/DEBIAN/postinst" <<'EOF'
#!/bin/bash
# hatang postinst (scripts/package.sh): makes the agent's AppCDS archive on this machine, by one
# real run of the agent (collect, which loads the classes worth archiving) through its launcher,
# which writes lib/hatang-agent.jsa (launcher.sh, hatang_run_agent). Made here, not at build
# time: the archive belongs to this machine's runtime and paths. A failure is not fatal: the
# agent then runs without it.
set -euo pipefail
umask 022
dir=${DPKG_ROOT:-}/opt/hatang
case ${1:-} in
  configure)
    rm -f "$dir/lib/hatang-agent.jsa"
    # A collection that touches nothing of the machine's agent: its own empty configuration (no
    # line tests, no outbox, the spool in a temporary folder), a clean environment (no JAVA_OPTS or
    # HATANG_* of whoever runs dpkg), at most two minutes; the snapshot (stdout) is not wanted.
    tmp=$(mktemp -d)
    printf 'spoolDir: %s\n' "$tmp/spool" >"$tmp/agent.yaml"
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$tmp" LANG=C.UTF-8 \
      timeout 120 "$dir/bin/hatang-agent" collect --config "$tmp/agent.yaml" >/dev/null 2>&1 || true
    rm -rf "$tmp"
    if [ -s "$dir/lib/hatang-agent.jsa" ]; then
      echo "hatang: made the agent's class-data archive $dir/lib/hatang-agent.jsa"
    else
      echo "hatang: note: could not make $dir/lib/hatang-agent.jsa; the agent runs without it (slower start)" >&2
    fi
    ;;
esac
exit 0
EOF
  # The archive is not a file of the package: removed before an upgrade (the new jar needs a new
  # one, which the new postinst makes) and before a removal, so that dpkg can remove lib/.
  cat >"$pkg/DEBIAN/prerm" <<'EOF'
#!/bin/bash
# hatang prerm (scripts/package.sh): removes the AppCDS archives made on the machine (the agent's by
# postinst, the checker's by a first check or report run as root).
set -euo pipefail
dir=${DPKG_ROOT:-}/opt/hatang
case ${1:-} in
  remove | upgrade | deconfigure | failed-upgrade)
    rm -f "$dir/lib/hatang-agent.jsa" "$dir"/lib/hatang-agent.jsa.*.tmp "$dir"/lib/hatang-agent.jsa.*.ref
    rm -f "$dir/lib/hatang.jsa" "$dir"/lib/hatang.jsa.*.tmp "$dir"/lib/hatang.jsa.*.ref
    ;;
esac
exit 0
EOF
  cat >"$pkg/DEBIAN/postrm" <<'EOF'
#!/bin/bash
# hatang postrm (scripts/package.sh): removes what a run may have left after prerm (an archive
# being written), and the folders when nothing else is in them.
set -euo pipefail
dir=${DPKG_ROOT:-}/opt/hatang
case ${1:-} in
  remove | purge)
    rm -f "$dir/lib/hatang-agent.jsa" "$dir"/lib/hatang-agent.jsa.*.tmp "$dir"/lib/hatang-agent.jsa.*.ref
    rm -f "$dir/lib/hatang.jsa" "$dir"/lib/hatang.jsa.*.tmp "$dir"/lib/hatang.jsa.*.ref
    rmdir "$dir/lib" "$dir" 2>/dev/null || true
    ;;
esac
exit 0
EOF
  chmod 0755 "$pkg/DEBIAN/postinst" "$pkg/DEBIAN/prerm" "$pkg/DEBIAN/postrm"
  deb_file=$out/hatang_${deb_version}_$deb_arch.deb
  # gzip: the runtime's modules file is compressed already, and xz takes a minute on 2 cores.
  dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$work/release.deb" >/dev/null \
    || die 4 "dpkg-deb failed"
  mv -f "$work/release.deb" "$deb_file"
fi

# The release, unpacked, next to its archives (to try it, or to measure it).
rm -rf "${out:?}/$name"
mv "$tree" "$out/$name"

note "runtime $(du -sh "$out/$name/runtime" | cut -f 1), release $(du -sh "$out/$name" | cut -f 1)"
printf '%s\n' "$out/$name" "$tarball"
if [ "$deb" = yes ]; then printf '%s\n' "$deb_file"; fi
