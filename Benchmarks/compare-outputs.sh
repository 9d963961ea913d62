#!/usr/bin/env bash
# Byte-for-byte comparison of 'kortlaeg score' between two binaries (e.g. main's and this
# branch's): scores, rejects report and messages, on SampleData and generated files, with and
# without --lang da, --keep and a rule choice. Prints one line per case; exit 1 on a difference.
# Usage: Benchmarks/compare-outputs.sh OLD_BINARY NEW_BINARY [ROWS]   (default 100000 generated rows)
set -uo pipefail
old=$1 new=$2 rows=${3:-100000}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/generate_sdq_rows.py "$rows" --invalid-every 997 > "$work/generated.csv"
python3 Benchmarks/generate_sdq_rows.py 5000 --classes 7 --seed 3 > "$work/classes.csv"
# quoting, doubled quotes, CRLF, BOM, ragged rows, semicolons and a two-character code
printf '\xef\xbb\xbfid;klasse;pconsid;prestles;psomatic\r\n"a;1";"7""A";1;2;0\r\nb;7B;1,0;;\r\nc;7C;1\r\n"d""x";7D; 2 ;1;10\r\n' > "$work/dialect.csv"
status=0
for input in SampleData/*.csv "$work/generated.csv" "$work/classes.csv" "$work/dialect.csv"; do
  case $input in *teacher*) instrument=sdq-t4-17 ;; *self*) instrument=sdq-s11-17 ;; *) instrument=sdq-p4-17 ;; esac
  for options in "" "--lang da --keep klasse" "--rule impact-when-ebddiff-missing=missing --output-delimiter semicolon"; do
    for side in old new; do
      binary=${!side}
      # shellcheck disable=SC2086
      "$binary" score "$input" --instrument $instrument $options --instruments Instruments --output "$work/$side.csv" \
        2> "$work/$side.err"
      echo "exit $?" >> "$work/$side.err"
      sed -i "s#$work/$side#OUT#g" "$work/$side.err"
      for f in "$work/$side.csv" "$work/$side-rejects.csv"; do [ -f "$f" ] || : > "$f"; done
    done
    if cmp -s "$work/old.csv" "$work/new.csv" && cmp -s "$work/old.err" "$work/new.err" \
        && cmp -s "$work/old-rejects.csv" "$work/new-rejects.csv"; then
      echo "same       $(basename "$input") $options"
    else
      echo "DIFFERENT  $(basename "$input") $options"; status=1
    fi
    rm -f "$work"/old* "$work"/new*
  done
done
exit $status
