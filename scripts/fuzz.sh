#!/usr/bin/env bash
# Fuzzes the CSV, XML (ODM) and FHIR JSON readers with libFuzzer for a fixed number of runs each,
# starting from the reader fixtures. Not part of scripts/test.sh: the instrumented build alone
# takes several minutes. Usage: scripts/fuzz.sh [RUNS]   (default 20000 per reader)
# A crash leaves crash-* files in .build-fuzz/findings/; add the input to the fixtures with a test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
runs="${1:-20000}"
KORTLAEG_FUZZ=1 swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer --product KortlaegFuzz
binary=".build-fuzz/debug/KortlaegFuzz"
fixtures="Tests/KortlaegReadersTests/Fixtures"
mkdir -p .build-fuzz/findings
for target in csv xml fhir; do
  corpus=".build-fuzz/corpus-$target"
  mkdir -p "$corpus"
  case "$target" in
    csv) find "$fixtures" -name '*.csv' -exec cp {} "$corpus/" \; ;;
    xml) find "$fixtures" -name '*.xml' -exec cp {} "$corpus/" \; ;;
    fhir) find "$fixtures" -name '*.json' -exec cp {} "$corpus/" \; ;;
  esac
  echo "fuzzing the $target reader ($runs runs)" >&2
  KORTLAEG_FUZZ_TARGET="$target" "$binary" -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix=.build-fuzz/findings/"$target"- "$corpus"
done
