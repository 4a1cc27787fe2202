#!/usr/bin/env bash
# Starts the portal on a fresh embedded PostgreSQL (port 8091, mail 2591 unless PORT/MAIL_PORT say
# otherwise), runs AppointmentsBenchmark.java against it and writes benchmarks/results/appointments.txt.
# The proof-of-work is off and the rate limits are high for this run: every simulated client comes
# from this one machine, and the proof-of-work costs the clients, not the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${PORT:-8091}"
mail_port="${MAIL_PORT:-2591}"
out=benchmarks/results/appointments.txt

if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -o -DskipTests package
fi
jar=$(ls target/bochumportal-*.jar | grep -v plain | head -n 1)
data=$(mktemp -d)
java -jar "$jar" --server.port="$port" --portal.mail.embedded-port="$mail_port" \
  --portal.embedded-postgres.data-dir="$data/pg" --portal.search.index-dir="$data/search" \
  --portal.admin.password=Benchmark-Passwort-1 \
  --portal.appointments.altcha.enabled=false \
  --portal.appointments.rate.ip-per-hour=1000000 --portal.appointments.rate.email-per-day=1000000 \
  > "$data/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; cp "$data/log" target/appointments-benchmark.log 2>/dev/null; rm -rf "$data"' EXIT
until curl -fsS "http://localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
  kill -0 "$pid" 2>/dev/null || { tail -50 "$data/log"; exit 1; }
  sleep 0.2
done

{
  echo "# Bochumportal appointments ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average$(uptime | sed "s/.*load average//"), $(java -version 2>&1 | head -n 1), portal and driver on the same machine)"
  java benchmarks/appointments/AppointmentsBenchmark.java "http://localhost:$port" "${SEARCHES:-300}" "${CLIENTS:-1000}"
} | tee "$out"
