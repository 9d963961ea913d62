#!/usr/bin/env bash
# Release-build benchmark of 'kortlaeg score': rows/s and peak memory (max RSS) on N generated rows.
# Usage: Benchmarks/score-benchmark.sh [N]   (default 1,000,000)
set -euo pipefail
rows=${1:-1000000}
source "$(dirname "$0")/prepare.sh"
generate_sdq_csv "$rows"
size=$(stat -c %s "$input")
start=$(date +%s.%N)
status=0
/usr/bin/time -v -o "$work/time.txt" .build-release/release/kortlaeg score "$input" --instrument sdq-p4-17 \
  --output "$work/scores.csv" 2> "$work/stderr.txt" || status=$?
end=$(date +%s.%N)
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { cat "$work/stderr.txt"; exit "$status"; }
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
python3 - "$rows" "$size" "$start" "$end" "$rss" <<'PY'
import sys
rows, size, start, end, rss = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
seconds = end - start
print(f"score: {rows:,} rows ({size/1e6:.0f} MB) in {seconds:.2f} s = {rows/seconds:,.0f} rows/s, {size/1e6/seconds:.1f} MB/s; peak memory {rss/1024:.1f} MiB")
PY
tail -1 "$work/stderr.txt"
