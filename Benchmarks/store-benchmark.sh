#!/usr/bin/env bash
# Release-build benchmark of 'kortlaeg import --project': responses/s and peak memory (max RSS) for
# N generated parent SDQ responses imported into a fresh project store (one transaction).
# Usage: Benchmarks/store-benchmark.sh [N]   (default 1,000,000)
set -euo pipefail
rows=${1:-1000000}
source "$(dirname "$0")/prepare.sh"
generate_sdq_csv "$rows"
size=$(stat -c %s "$input")
project="$work/store-bench.kortlaeg"
rm -f "$project" "$project-journal" "$project-wal"
.build-release/release/kortlaeg init "$project" --operator benchmark 2>/dev/null
start=$(date +%s.%N)
status=0
/usr/bin/time -v -o "$work/time.txt" .build-release/release/kortlaeg import "$input" --project "$project" \
  --instrument sdq-p4-17 --occasion T1 --operator benchmark 2> "$work/stderr.txt" || status=$?
end=$(date +%s.%N)
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { cat "$work/stderr.txt"; exit "$status"; }
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
stored=$(awk -F', ' '/responses stored/ {for (i=1;i<=NF;i++) if ($i ~ /^responses stored/) {split($i,a," "); print a[3]}}' "$work/stderr.txt")
dbsize=$(stat -c %s "$project")
python3 - "$rows" "$stored" "$size" "$start" "$end" "$rss" "$dbsize" <<'PY'
import sys
rows, stored, size, start, end, rss, db = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
seconds = end - start
print(f"import --project: {rows:,} rows ({size/1e6:.0f} MB), {stored:,} responses stored in {seconds:.2f} s = {stored/seconds:,.0f} responses/s; peak memory {rss/1024:.1f} MiB; store {db/1e6:.0f} MB")
PY
grep "responses stored" "$work/stderr.txt"
