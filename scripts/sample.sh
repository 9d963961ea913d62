#!/usr/bin/env bash
# The README's main job: set-up, build, then create a project from SampleData/ (kortlaeg init),
# import the T1 and T2 files of parents, teachers and the children themselves, and show the
# project's status; then progress T1 -> T2 by class, one child's overview and a pseudonymised SPSS
# export from the project. After that, the stateless batch scorer on the same files. Everything
# goes to .build/sample-output/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup-debian.sh
swift build -c release --product kortlaeg --static-swift-stdlib >&2
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
"$bin" init "$project" --municipality "Eksempel Kommune" --model "Tværfaglig indsats for inklusion i skolen" --tool-version kv-inklusion@0.1.0
for occasion in T1 T2; do
  echo "== import $occasion into $project" >&2
  ok "$bin" import SampleData/sdq-{parent,teacher,self}-$occasion.csv --project "$project" --occasion "$occasion"
done
echo "== the same file again: idempotent" >&2
"$bin" import SampleData/sdq-parent-T1.csv --project "$project" --occasion T1
"$bin" status --project "$project"
echo "== progress T1 -> T2 from the project, parent SDQ, by class (Danish table)" >&2
"$bin" progress --project "$project" --instrument sdq-p4-17 --from T1 --to T2 --by class \
  --per-child "$out/progress-parent-children.csv" --output "$out/progress-parent.txt"
head -n 12 "$out/progress-parent.txt"
echo "== one child: strengths first, informants side by side" >&2
"$bin" child barn-0001 --project "$project"
echo "== pseudonymised SPSS export with codebook and manifest (recorded in the audit log)" >&2
"$bin" export --project "$project" --format sav --output "$out/evaluering.sav"
for informant in parent teacher self; do
  case $informant in parent) id=sdq-p4-17;; teacher) id=sdq-t4-17;; self) id=sdq-s11-17;; esac
  for occasion in T1 T2; do
    file=SampleData/sdq-$informant-$occasion.csv
    echo "== score $file ($id)" >&2
    ok "$bin" score "$file" --instrument "$id" --keep klasse koen --output "$out/scores-$informant-$occasion.csv"
  done
done
echo "The project, progress, export, scores and rejects reports are in $out/:" >&2
ls "$out"
