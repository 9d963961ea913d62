#!/usr/bin/env bash
# Release-build benchmark of 'kortlaeg import' on a generated REDCap-style ODM file: MB/s and
# peak memory (max RSS, /usr/bin/time -v).
# Usage: Benchmarks/odm-benchmark.sh [MB]   (default 100)
set -euo pipefail
megabytes=${1:-100}
source "$(dirname "$0")/prepare.sh"
input="$work/sdq-odm-$megabytes-MB.xml"
[ -f "$input" ] || python3 Benchmarks/generate_sdq_odm.py "$input" --megabytes "$megabytes" --bad-every 1000
size=$(stat -c %s "$input")
start=$(date +%s.%N)
status=0
/usr/bin/time -v -o "$work/odm-time.txt" .build-release/release/kortlaeg import "$input" --profile redcap-xml-sdq-parent \
  --output "$work/odm-answers.csv" --rejects "$work/odm-rejects.csv" 2> "$work/odm-stderr.txt" || status=$?
end=$(date +%s.%N)
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { cat "$work/odm-stderr.txt"; exit "$status"; }
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/odm-time.txt")
python3 - "$size" "$start" "$end" "$rss" <<'PY'
import sys
size, start, end, rss = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
seconds = end - start
print(f"import ODM: {size/1e6:.0f} MB in {seconds:.2f} s = {size/1e6/seconds:.1f} MB/s; peak memory {rss/1024:.1f} MiB")
PY
grep "records read" "$work/odm-stderr.txt"
