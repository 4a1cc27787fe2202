#!/usr/bin/env bash
# Measures the portal's start-up on the embedded PostgreSQL and the jar's size.
#   cold: empty data directory (initdb, all migrations, first administrator)
#   warm: the same data directory again (PostgreSQL already initialised, schema current)
# Time is from process start until /actuator/health answers UP. Results: benchmarks/results/startup.txt
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-3}"
port="${PORT:-18080}"
out=benchmarks/results/startup.txt

./mvnw -q -B -DskipTests package
jar=$(ls target/bochumportal-*.jar | grep -v plain | head -n 1)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

measure() {
  local start end pid
  start=$(date +%s%N)
  java -jar "$jar" --server.port="$port" --portal.embedded-postgres.data-dir="$data/pg" \
    --portal.admin.password=Benchmark-Passwort-1 --portal.search.index-dir="$data/search" \
    --portal.mail.embedded-port=0 > "$data/log" 2>&1 &
  pid=$!
  until curl -fsS "http://localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" || true
  echo $(( (end - start) / 1000000 ))
}

cold=(); warm=()
for i in $(seq 1 "$runs"); do
  rm -rf "$data/pg" "$data/search"
  cold+=("$(measure)")
  warm+=("$(measure)")
done

{
  echo "# Bochumportal start-up ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -n 1))"
  echo "jar: $(du -h "$jar" | cut -f1) ($(stat -c %s "$jar") bytes)"
  echo "cold start ms (empty data dir): ${cold[*]}"
  echo "warm start ms (existing data dir): ${warm[*]}"
  printf 'cold median ms: %s\n' "$(printf '%s\n' "${cold[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")"
  printf 'warm median ms: %s\n' "$(printf '%s\n' "${warm[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")"
} | tee "$out"
