#!/usr/bin/env bash
# Starts the portal on a fresh embedded PostgreSQL (port 8093, mail 2593 unless PORT/MAIL_PORT say
# otherwise), runs ApplicationsBenchmark.java against it and writes benchmarks/results/applications.txt.
# All simulated citizens come from this one machine; nothing in the application flow limits them.
# Cookies without the Secure flag: the JDK client, unlike a browser, sends none over http://localhost.
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${PORT:-8093}"
mail_port="${MAIL_PORT:-2593}"
out=benchmarks/results/applications.txt

if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -DskipTests package
fi
jar=$(ls target/bochumportal-*.jar | grep -v plain | head -n 1)
data=$(mktemp -d)
java -jar "$jar" --server.port="$port" --portal.mail.embedded-port="$mail_port" \
  --portal.embedded-postgres.data-dir="$data/pg" --portal.search.index-dir="$data/search" \
  --portal.files.dir="$data/files" --portal.admin.password=Benchmark-Passwort-1 --portal.access-log.enabled=false --portal.cookie-secure=false \
  > "$data/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; cp "$data/log" target/applications-benchmark.log 2>/dev/null; rm -rf "$data"' EXIT
until curl -fsS "http://localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
  kill -0 "$pid" 2>/dev/null || { tail -50 "$data/log"; exit 1; }
  sleep 0.2
done

{
  echo "# Bochumportal online applications ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average$(uptime | sed "s/.*load average//"), $(java -version 2>&1 | head -n 1), portal and driver on the same machine)"
  java benchmarks/applications/ApplicationsBenchmark.java "http://localhost:$port" "${RENDERS:-500}" "${CLIENTS:-16}" "${SECONDS_:-30}"
} | tee "$out"
