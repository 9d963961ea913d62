#!/usr/bin/env bash
# Release-build benchmark of the PostgreSQL store against the SQLite store (issue 17):
#  1. N generated parent SDQ rows into a SQLite file (kortlaeg import --project FILE);
#  2. the same file into a PostgreSQL project (kortlaeg import --project postgres://…);
#  3. the file split in 4 (distinct children), 4 importer processes at once into ONE project
#     (they take turns on the project's import lock: one file = one transaction);
#  4. the same 4 parts at once into 4 projects of the same database (really parallel).
# A throw-away PostgreSQL server is started on a free 127.0.0.1 port (initdb + pg_ctl, as user
# postgres when run as root) and removed at the end. Default durability settings (fsync on).
# Usage: Benchmarks/postgres-benchmark.sh [N]   (default 1,000,000)
set -euo pipefail
rows=${1:-1000000}
source "$(dirname "$0")/prepare.sh"
generate_sdq_csv "$rows"
kortlaeg=.build-release/release/kortlaeg

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$bin/initdb" ] || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }
pg=$(mktemp -d /tmp/kortlaeg-pg-bench-XXXXXX)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg"
export PGPASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))') PGPASSFILE=/nonexistent
echo "$PGPASSWORD" > "$pg/pw"; [ "$(id -u)" = 0 ] && chown postgres "$pg/pw"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_postgres "$bin/initdb" -D "$pg/data" -U bench --pwfile="$pg/pw" --auth=scram-sha-256 -E UTF8 --no-locale >/dev/null
as_postgres "$bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -o "-p $port -h 127.0.0.1 -k $pg" start >/dev/null
trap 'as_postgres "$bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null; rm -rf "$pg"' EXIT
"$bin/createdb" -h 127.0.0.1 -p "$port" -U bench kortlaeg
export KORTLAEG_KEY_FILE="$pg/server.key"
url="postgres://bench@127.0.0.1:$port/kortlaeg?sslmode=disable"

# time_import LABEL PROJECT FILE…: imports the files at the same time, prints responses/s.
time_import() {
  local label=$1; shift
  local projects=$1; shift
  local start end status=0 i=0
  start=$(date +%s.%N)
  local pids=()
  for file in "$@"; do
    local project=$projects
    [[ "$projects" == *"%d"* ]] && project=$(printf "$projects" "$i")
    "$kortlaeg" import "$file" --project "$project" --instrument sdq-p4-17 --occasion T1 --operator benchmark \
      2> "$work/pg-stderr-$i.txt" & pids+=($!)
    i=$((i + 1))
  done
  for pid in "${pids[@]}"; do wait "$pid" || { s=$?; [ "$s" -eq 3 ] || status=$s; }; done
  end=$(date +%s.%N)
  [ "$status" -eq 0 ] || { cat "$work"/pg-stderr-*.txt; exit "$status"; }
  local stored
  stored=$(cat "$work"/pg-stderr-*.txt | awk -F', ' '/responses stored/ {for (i=1;i<=NF;i++) if ($i ~ /^responses stored/) {split($i,a," "); s+=a[3]}} END {print s}')
  rm -f "$work"/pg-stderr-*.txt
  python3 -c "import sys; r,s,e=int(sys.argv[2]),float(sys.argv[3]),float(sys.argv[4]); print(f'{sys.argv[1]}: {r:,} responses in {e-s:.1f} s = {r/(e-s):,.0f} responses/s')" \
    "$label" "$stored" "$start" "$end"
}

sqlite="$work/pg-bench-sqlite.kortlaeg"
rm -f "$sqlite" "$sqlite-journal" "$sqlite-wal"
"$kortlaeg" init "$sqlite" --operator benchmark 2>/dev/null
time_import "SQLite, 1 importer" "$sqlite" "$input"

"$kortlaeg" init "$url&project=one" --operator benchmark 2>/dev/null
time_import "PostgreSQL, 1 importer" "$url&project=one" "$input"

# Four parts with distinct children (the header on each).
parts=()
lines=$(( (rows + 3) / 4 ))
tail -n +2 "$input" | split -l "$lines" -d - "$work/pg-part-"
for part in "$work"/pg-part-0?; do
  { head -1 "$input"; cat "$part"; } > "$part.csv"; rm "$part"; parts+=("$part.csv")
done
"$kortlaeg" init "$url&project=shared" --operator benchmark 2>/dev/null
time_import "PostgreSQL, 4 importers into one project" "$url&project=shared" "${parts[@]}"
for i in 0 1 2 3; do "$kortlaeg" init "$url&project=part-$i" --operator benchmark 2>/dev/null; done
time_import "PostgreSQL, 4 importers into 4 projects" "$url&project=part-%d" "${parts[@]}"
rm -f "${parts[@]}"
du -sh "$pg/data" | awk '{print "PostgreSQL data folder (all 6 copies): " $1}'
