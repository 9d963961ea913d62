#!/usr/bin/env bash
# Writes scripts/link-order.txt: the functions the benchmarked commands run (each once, as
# callgrind lists them), for the release link (Package.swift passes it to lld as --symbol-ordering-file).
#
# The kernel maps an executable's code in 64 KiB windows around each page it touches, so code
# scattered over the 33 MB text segment makes a command resident in ~14 MB of code it barely
# uses; laid out together the same functions take a few MB (docs/decisions.md, 2026-12-07
# afternoon). A function missing from the list is only placed after the listed ones: an old
# list never breaks a build, it only helps less. Rerun after large changes to the hot paths;
# SwiftPM does not see the list as an input of the link, so remove the built binary after.
#
# Needs valgrind (callgrind) and a release build; takes about two minutes.
# usage: scripts/link-order.sh [BUILD_PATH]   (default .build-release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-.build-release}
K="$build/release/kortlaeg"
[ -x "$K" ] || { echo "build first: swift build -c release --build-path $build --product kortlaeg --static-swift-stdlib" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind cannot read the DWARF of this binary: profile a copy without it (the symbols stay).
objcopy --strip-debug "$K" "$work/kortlaeg"
k="$work/kortlaeg"
I="--instruments Instruments"
python3 Benchmarks/generate_sdq_rows.py 2000 --invalid-every 100 > "$work/rows.csv"
python3 Benchmarks/generate_sdq_rows.py 2000 --classes 40 --seed 1 > "$work/t1.in"
python3 Benchmarks/generate_sdq_rows.py 2000 --classes 40 --seed 2 > "$work/t2.in"
python3 Benchmarks/generate_sdq_odm.py "$work/odm.xml" --megabytes 1 --bad-every 100 2>/dev/null
"$k" score "$work/t1.in" --instrument sdq-p4-17 --keep klasse $I --output "$work/t1.csv" 2>/dev/null
"$k" score "$work/t2.in" --instrument sdq-p4-17 --keep klasse $I --output "$work/t2.csv" 2>/dev/null

n=0
profile() {
  n=$((n + 1))
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.$n" "$@" > /dev/null 2>&1 || true
}
profile "$k" --version
profile "$k" score "$work/rows.csv" --instrument sdq-p4-17 $I --output "$work/score.csv"
profile "$k" import "$work/odm.xml" --profile redcap-xml-sdq-parent $I --output "$work/odm.csv" --rejects "$work/odm-rejects.csv"
"$k" init "$work/p.kortlaeg" --operator bench 2>/dev/null
profile "$k" import "$work/rows.csv" --project "$work/p.kortlaeg" --instrument sdq-p4-17 --occasion T1 --operator bench $I
"$k" import "$work/t2.in" --project "$work/p.kortlaeg" --instrument sdq-p4-17 --occasion T2 --operator bench $I 2>/dev/null || true
profile "$k" export --project "$work/p.kortlaeg" --format sav --stable-salt bench --operator bench $I --output "$work/export.sav"
profile "$k" progress --t1 "$work/t1.csv" --t2 "$work/t2.csv" --instrument sdq-p4-17 --by klasse --format csv $I --output "$work/progress.csv"

# The functions of the executable itself (not of libc, libxml2, ...), each once, across the runs above.
python3 - "$work" "$n" > scripts/link-order.txt <<'EOF'
import re, sys
work, runs = sys.argv[1], int(sys.argv[2])
seen, order = set(), []
for run in range(1, runs + 1):
    objects, names, current = {}, {}, None
    for line in open(f"{work}/cg.{run}", errors="replace"):
        m = re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if m:
            if m.group(3): objects[m.group(2)] = m.group(3)
            if m.group(1) == "ob": current = objects.get(m.group(2), "")
            continue
        m = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if m:
            if m.group(3): names[m.group(2)] = m.group(3)
            name = names.get(m.group(2), "")
            if m.group(1) == "fn" and current and current.endswith("/kortlaeg") \
                    and not name.startswith("0x") and " " not in name and name not in seen:
                seen.add(name)
                order.append(name)
# In callgrind's order, not sorted: it keeps the functions of one phase (start-up, a command's
# loop) near each other, which measured 2 MB less resident code than a sorted list.
print("\n".join(order))
EOF
echo "scripts/link-order.txt: $(wc -l < scripts/link-order.txt) functions from $n runs" >&2
