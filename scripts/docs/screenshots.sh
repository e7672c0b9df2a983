#!/usr/bin/env bash
# screenshots.sh — remakes the README's pictures (docs/images/) with headless Chromium:
#   report-html.png    `hatang --lang vi report -f html` of a generated fleet (seed 7, 14 units),
#                      October's frozen report given with --previous for the trend
#   check-table-vi.png `hatang --lang vi check` of the three test snapshots on a terminal (colours
#                      on), drawn in Noto Sans Mono (lines cut at 150 columns for the picture)
# Needs chromium and fonts-noto-mono (Debian). Usage: scripts/docs/screenshots.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
out=$root/docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v chromium >/dev/null || { echo "screenshots: chromium is missing (apt-get install chromium)" >&2; exit 4; }
shoot() { # shoot HTML PNG WIDTH HEIGHT
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --window-size="$3,$4" --hide-scrollbars \
    --screenshot="$2" "file://$1" 2>/dev/null
}
hatang=$root/scripts/hatang
"$root/scripts/bench/generate" --seed 7 --units 14 --snapshots 160 --days 31 --from 2026-10-01 --out "$work/oct" >&2
"$root/scripts/bench/generate" --seed 7 --units 14 --snapshots 160 --days 30 --from 2026-11-01 --out "$work/nov" >&2
"$hatang" -q report "$work/oct" --period 2026-10 -f json -o "$work/2026-10.json"
"$hatang" -q --lang vi report "$work/nov" --period 2026-11 --previous "$work/2026-10.json" -f html -o "$work/report.html"
shoot "$work/report.html" "$out/report-html.png" 1150 1500

s=$root/core/src/test/resources/snapshots
# On a pseudo-terminal, so that the table is coloured as a user sees it.
script -qc "$hatang --lang vi check $s/compliant-pc.json $s/old-pc.json $s/disk-unknown-pc.json --date 2026-11-25" /dev/null \
  >"$work/table.ansi" || true
python3 - "$work/table.ansi" "$work/table.html" <<'PY'
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read().replace("\r", "")
colours = {"32": "#3fb950", "1;31": "#ff7b72;font-weight:bold", "33": "#d29922", "36": "#39c5cf", "2": "#8b949e"}
ansi = re.compile(r"\x1b\[([0-9;]*)m(.*?)\x1b\[0m")
def plain_len(line): return len(re.sub(r"\x1b\[[0-9;]*m", "", line))
def cut(line):
    if plain_len(line) <= 150: return line
    extra = len(line) - plain_len(line)
    return line[:150 + extra] + "…"
def convert(line):
    out, pos = "", 0
    for m in ansi.finditer(line):
        out += html.escape(line[pos:m.start()])
        out += '<span style="color:%s">%s</span>' % (colours.get(m.group(1), "#c9d1d9"), html.escape(m.group(2)))
        pos = m.end()
    return out + html.escape(line[pos:])
body = "\n".join(convert(cut(l)) for l in text.split("\n")[:40])
open(sys.argv[2], "w", encoding="utf-8").write(
    '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#0d1117}'
    'pre{margin:0;padding:14px 18px;color:#c9d1d9;font:13px/1.35 "Noto Sans Mono",monospace}</style>'
    '</head><body><pre>$ hatang --lang vi check pc1.json pc2.json pc3.json --date 2026-11-25\n'
    + body + "</pre></body></html>")
PY
shoot "$work/table.html" "$out/check-table-vi.png" 1280 700
echo "screenshots: wrote $out/report-html.png and $out/check-table-vi.png" >&2
