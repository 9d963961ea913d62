#!/usr/bin/env bash
# Installs the Debian packages Kortlæg builds against (idempotent; needs root on a fresh machine).
set -euo pipefail
packages=(libxml2-dev libsqlite3-dev libreadstat-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# pyreadstat reads exported .sav/.dta files back in the export tests.
if ! python3 -c "import pyreadstat" >/dev/null 2>&1; then
  echo "installing: pyreadstat (PyPI)" >&2
  # Debian's Python is "externally managed" (PEP 668); fall back to --break-system-packages.
  python3 -m pip install -q pyreadstat 2>/dev/null \
    || python3 -m pip install -q --break-system-packages pyreadstat
fi
export PATH="/opt/swift/usr/bin:$PATH"
