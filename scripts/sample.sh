#!/usr/bin/env bash
# The README's main job: set-up, build, then create a project from SampleData/ (kortlaeg init),
# import the T1 and T2 files of parents, teachers and the children themselves, and show the
# project's status. After that, the stateless tools on the same files: batch scoring and progress
# T1 -> T2. Everything goes to .build/sample-output/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup-debian.sh
swift build -c release --product kortlaeg >&2
bin=.build/release/kortlaeg
out=.build/sample-output
mkdir -p "$out"
"$bin" instruments validate

# Exit 3 means: done, with rejected rows listed (the samples carry a few invalid codes on purpose).
ok() { local status=0; "$@" || status=$?; [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"; }

# A fresh project on every run: 'init' never overwrites a project, and a re-run should show the
# same import as the first run rather than "already imported" for every file.
project="$out/sample.kortlaeg"
rm -f "$project" "$project-journal"
"$bin" init "$project" --municipality "Eksempel Kommune" --model "Tværfaglig indsats for inklusion i skolen" --tool-version 1.0
for occasion in T1 T2; do
  echo "== import $occasion into $project" >&2
  ok "$bin" import SampleData/sdq-{parent,teacher,self}-$occasion.csv --project "$project" --occasion "$occasion"
done
echo "== the same file again: idempotent" >&2
"$bin" import SampleData/sdq-parent-T1.csv --project "$project" --occasion T1
"$bin" status --project "$project"
for informant in parent teacher self; do
  case $informant in parent) id=sdq-p4-17;; teacher) id=sdq-t4-17;; self) id=sdq-s11-17;; esac
  for occasion in T1 T2; do
    file=SampleData/sdq-$informant-$occasion.csv
    echo "== score $file ($id)" >&2
    ok "$bin" score "$file" --instrument "$id" --keep klasse koen --output "$out/scores-$informant-$occasion.csv"
  done
done
echo "== progress T1 -> T2, parent SDQ, by class (Danish table)" >&2
"$bin" progress --t1 "$out/scores-parent-T1.csv" --t2 "$out/scores-parent-T2.csv" --instrument sdq-p4-17 \
  --by klasse --per-child "$out/progress-parent-children.csv" --output "$out/progress-parent.txt"
head -n 30 "$out/progress-parent.txt"
echo "The project, scores, rejects reports and progress are in $out/:" >&2
ls "$out"
