#!/usr/bin/env bash
# Every row of issue 15's table, Kortlæg against the tool a researcher would script instead, in
# the same run: median wall time and peak memory (max RSS) of each and the median time ratio
# Kortlæg / peer (compare.py). The peers (polars, pandas + SciPy, lxml, Python's sqlite3,
# pyreadstat) are pip-installed into Benchmarks/.venv, never into the product.
#
# Usage: Benchmarks/run-all.sh [--scale F] [--runs N] [--timeout S] [--kortlaeg BINARY] [--only WORD]
#   --scale F     input sizes × F (1 = the issue's sizes: 1M rows, 100 MB ODM, 200k pairs with
#                 8,000 classes, a 100k-child project; 0.01 for a quick check). Default 1.
#   --runs N      timed runs of each command after one warm-up (default 3).
#   --timeout S   a run longer than this is stopped and reported as such (default 300).
#   --kortlaeg B  the binary to time (default: a release build in .build-release).
#   --only WORD   only the rows whose name contains WORD.
# Results go to stdout as a Markdown table (and Benchmarks/out/results-DATE.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=1 runs=3 timeout=300 kortlaeg="" only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --kortlaeg) kortlaeg=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 64 ;;
  esac
done
source scripts/setup-debian.sh
if [ -z "$kortlaeg" ]; then
  swift build -c release --product kortlaeg --static-swift-stdlib --scratch-path .build-release >&2
  kortlaeg=$PWD/.build-release/release/kortlaeg
fi
venv=Benchmarks/.venv
if ! "$venv/bin/python" -c "import polars, pandas, scipy, lxml, pyreadstat" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q polars pandas scipy lxml pyreadstat >&2
fi
py=$PWD/$venv/bin/python
work=Benchmarks/out
mkdir -p "$work"
scaled() { python3 -c "import sys; print(max(int(float(sys.argv[1]) * float(sys.argv[2])), int(sys.argv[3])))" "$1" "$scale" "${2:-1}"; }
K="$kortlaeg"
I="--instruments $PWD/Instruments"
wanted() { [ -z "$only" ] || [[ "$1" == *"$only"* ]]; }
row() {  # row NAME 'KORTLAEG COMMAND' ['PEER COMMAND']
  wanted "$1" || return 0
  echo "running: $1" >&2
  python3 Benchmarks/compare.py "$1" "$runs" "$timeout" "$2" "${3:-}" | tee -a "$results"
}
results="$work/results-$(date +%F).md"
{
  echo "$(date '+%F %H:%M'), $(nproc) cores, scale $scale, $runs runs (median; memory = largest max RSS), $(git rev-parse --short HEAD)"
  echo
  echo "| task | Kortlæg | memory | peer | memory | ratio |"
  echo "|---|---|---|---|---|---|"
} | tee -a "$results"

# score, 1M parent rows
rows=$(scaled 1000000 10)
csv="$work/sdq-$rows.csv"
[ -f "$csv" ] || python3 Benchmarks/generate_sdq_rows.py "$rows" --invalid-every 1000 > "$csv"
row "score, $rows parent rows (polars)" \
  "$K score $csv --instrument sdq-p4-17 $I --output $work/score-k.csv" \
  "$py Benchmarks/peers/score_polars.py $csv $work/score-p.csv"

# import ODM XML → CSV
mb=$(python3 -c "print(max(100 * $scale, 0.1))")
odm="$work/sdq-odm-$mb-MB.xml"
[ -f "$odm" ] || python3 Benchmarks/generate_sdq_odm.py "$odm" --megabytes "$mb" --bad-every 1000 2>/dev/null
row "import ODM XML $mb MB → CSV (lxml iterparse)" \
  "$K import $odm --profile redcap-xml-sdq-parent $I --output $work/odm-k.csv --rejects $work/odm-k-rejects.csv" \
  "$py Benchmarks/peers/odm_lxml.py $odm $work/odm-p.csv"

# import --project, 1M responses
project="$work/bench-store.kortlaeg"
row "import --project, $rows responses (sqlite3 executemany)" \
  "rm -f $project*; $K init $project --operator bench && $K import $csv --project $project --instrument sdq-p4-17 --occasion T1 --operator bench $I" \
  "$py Benchmarks/peers/store_sqlite.py $csv $work/bench-store-peer.db"

# progress from score files: 20k pairs in 800 classes, 200k pairs in 8,000 classes
for pair in "20000 800" "200000 8000"; do
  set -- $pair
  pairs=$(scaled "$1" 20) classes=$(scaled "$2" 2)
  wanted "progress, $pairs pairs, $classes classes" || continue
  for occasion in 1 2; do
    f="$work/progress-$pairs-$classes-T$occasion.csv"
    [ -f "$f" ] || { python3 Benchmarks/generate_sdq_rows.py "$pairs" --classes "$classes" --seed "$occasion" > "$f.in" &&
      "$K" score "$f.in" --instrument sdq-p4-17 --keep klasse $I --output "$f" 2>/dev/null; rm -f "$f.in"; }
  done
  t1="$work/progress-$pairs-$classes-T1.csv" t2="$work/progress-$pairs-$classes-T2.csv"
  row "progress, $pairs pairs, $classes classes (pandas + SciPy)" \
    "$K progress --t1 $t1 --t2 $t2 --instrument sdq-p4-17 --by klasse --format csv $I --output $work/progress-k.csv" \
    "$py Benchmarks/peers/progress_pandas.py $t1 $t2 $work/progress-p.csv"
done

# export --format sav from a 100k-child project (T1 and T2)
children=$(scaled 100000 10)
exportProject="$work/export-$children.kortlaeg"
if wanted "export --format sav" && [ ! -f "$exportProject" ]; then
  "$K" init "$exportProject" --operator bench 2>/dev/null
  for occasion in 1 2; do
    python3 Benchmarks/generate_sdq_rows.py "$children" --seed "$occasion" > "$work/export-T$occasion.csv"
    "$K" import "$work/export-T$occasion.csv" --project "$exportProject" --instrument sdq-p4-17 --occasion "T$occasion" \
      --operator bench $I 2>/dev/null || [ $? -eq 3 ]
  done
fi
row "export --format sav, $children children (pyreadstat)" \
  "$K export --project $exportProject --format sav --stable-salt bench --operator bench $I --output $work/export-k.sav" \
  "$py Benchmarks/peers/export_pyreadstat.py $exportProject $work/export-p.sav"

# start-up: score a 1-row file
head -2 "$csv" > "$work/one-row.csv"
row "score of a 1-row file (start-up)" "$K score $work/one-row.csv --instrument sdq-p4-17 $I --output $work/one-row-k.csv"
