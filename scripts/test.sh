#!/usr/bin/env bash
# The README's test command: set-up (Debian packages) is idempotent, then the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build
