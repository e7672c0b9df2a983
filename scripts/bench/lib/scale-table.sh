#!/usr/bin/env bash
# scale-table.sh RAWDIR — the Markdown table of a check-scale.sh run, from its raw directory:
# RAWDIR/N.ROW.tsv ("wall_ms rss_kb exit" per run) and RAWDIR/N.ROW.I.time (/usr/bin/time -v).
# Medians over the runs; ratios against the parse row of the same size. CPU = user + system
# seconds of the process tree: on a shared machine it moves less with the load than wall time.
set -euo pipefail
raw=$1

median() { # median COLUMN FILE
  awk -v c="$1" '{print $c}' "$2" | sort -n |
    awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
cpu_median() { # cpu_median N ROW: median of user + system seconds over the runs
  for t in "$raw/$1.$2".*.time; do
    awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$t"
  done | sort -n | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

echo "| snapshots | command | runs | median wall s | wall range s | median CPU s | median peak RSS MB | wall vs parse | CPU vs parse | RSS vs parse | exit codes |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for n in $(find "$raw" -name '*.parse.tsv' -printf '%f\n' | cut -d . -f 1 | sort -n); do
  pw=$(median 1 "$raw/$n.parse.tsv")
  pr=$(median 2 "$raw/$n.parse.tsv")
  pc=$(cpu_median "$n" parse)
  for row in parse check-json check-table report; do
    f=$raw/$n.$row.tsv
    [[ -s $f ]] || continue
    case $row in
      parse) label='Jackson `readTree` of every file (reference)' ;;
      check-json) label='`hatang check DIR -f json`' ;;
      check-table) label='`hatang check DIR -f table`' ;;
      report) label='`hatang report DIR`' ;;
    esac
    awk -v n="$n" -v l="$label" -v runs="$(wc -l <"$f")" -v w="$(median 1 "$f")" -v r="$(median 2 "$f")" \
      -v c="$(cpu_median "$n" "$row")" -v pw="$pw" -v pr="$pr" -v pc="$pc" \
      -v lo="$(awk '{print $1}' "$f" | sort -n | head -n 1)" -v hi="$(awk '{print $1}' "$f" | sort -n | tail -n 1)" \
      -v codes="$(awk '{print $3}' "$f" | sort -u | paste -sd, -)" \
      'BEGIN {printf "| %d | %s | %d | %.1f | %.1f–%.1f | %.1f | %.0f | %.2f× | %.2f× | %.2f× | %s |\n",
        n, l, runs, w / 1000, lo / 1000, hi / 1000, c, r / 1024, w / pw, c / pc, r / pr, codes}'
  done
done
