#!/usr/bin/env bash
# The README's test command: set-up (Debian packages, idempotent), build, the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup-debian.sh
swift build --build-tests
swift test --skip-build
