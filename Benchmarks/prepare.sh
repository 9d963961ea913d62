# Sourced by the benchmark scripts: set-up, /usr/bin/time, a release build of kortlaeg, and the
# output folder Benchmarks/out (git-ignored). Sets $work.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup-debian.sh
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
swift build -c release --product kortlaeg --static-swift-stdlib --scratch-path .build-release >&2
work=Benchmarks/out
mkdir -p "$work"

# generate_sdq_csv N: N generated parent SDQ rows (one invalid row per 1000) in $input, kept between runs.
generate_sdq_csv() {
  input="$work/sdq-$1.csv"
  [ -f "$input" ] || python3 Benchmarks/generate_sdq_rows.py "$1" --invalid-every 1000 > "$input"
}
