#!/usr/bin/env bash
# The README's main job: set-up, build, then score every SDQ sample file in SampleData/ and
# print what happened. Outputs go to .build/sample-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup-debian.sh
swift build -c release --product kortlaeg >&2
bin=.build/release/kortlaeg
out=.build/sample-output
mkdir -p "$out"
"$bin" instruments validate
for informant in parent teacher self; do
  case $informant in parent) id=sdq-p4-17;; teacher) id=sdq-t4-17;; self) id=sdq-s11-17;; esac
  for occasion in T1 T2; do
    file=SampleData/sdq-$informant-$occasion.csv
    echo "== $file ($id)" >&2
    status=0
    "$bin" score "$file" --instrument "$id" --keep klasse koen --output "$out/scores-$informant-$occasion.csv" || status=$?
    # Exit 3 means: scored, with rejected rows listed in the rejects report (the samples have some on purpose).
    [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"
  done
done
echo "== progress T1 -> T2, parent SDQ, by class (Danish table)" >&2
"$bin" progress --t1 "$out/scores-parent-T1.csv" --t2 "$out/scores-parent-T2.csv" --instrument sdq-p4-17 \
  --by klasse --per-child "$out/progress-parent-children.csv" --output "$out/progress-parent.txt"
head -n 30 "$out/progress-parent.txt"
echo "Scores, rejects reports and progress are in $out/:" >&2
ls "$out"
