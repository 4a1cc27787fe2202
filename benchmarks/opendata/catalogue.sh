#!/usr/bin/env bash
# Catalogue benchmark at 100,000 datasets (issue #3): starts the packaged portal on its own embedded
# PostgreSQL (temporary directory, deleted at the end), generates N datasets with generate.sql, restarts
# the portal with portal.search.reindex-on-start=true so that the index holds them, then runs wrk with
# 16 connections against package_search, package_show, the /daten search page and a dataset page, and
# against nginx serving a static copy of the same four responses (the ceiling).
# Results: benchmarks/results/opendata-catalogue.md (LABEL names the run, e.g. "before", "after").
# Environment: N (100000), PORT (8183), MAIL_PORT (2528), PG_PORT (15483), NGINX_PORT (18183),
# DURATION (wrk seconds per URL, 20), CONNECTIONS (16), SKIP_BUILD=1, KEEP=1 (keep the temp dir).
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${N:-100000}"
port="${PORT:-8183}"
mail_port="${MAIL_PORT:-2528}"
pg_port="${PG_PORT:-15483}"
nginx_port="${NGINX_PORT:-18183}"
duration="${DURATION:-20}"
connections="${CONNECTIONS:-16}"
label="${LABEL:-run}"
out=benchmarks/results/opendata-catalogue.md

for tool in wrk nginx psql; do
  if ! command -v "$tool" >/dev/null && [ ! -x "/usr/sbin/$tool" ]; then
    echo "installing $tool (Debian packages wrk, nginx, postgresql-client)"
    apt-get install -y --no-install-recommends wrk nginx postgresql-client >/dev/null
  fi
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -B -o -DskipTests package
fi
jar=$(ls target/bochumportal-*.jar | grep -v plain | head -n 1)
data=$(mktemp -d)
chmod 755 "$data"
pid=
nginx_pid=
cleanup() {
  local rc=$?
  set +e
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  cp "$data"/portal-*.log target/ 2>/dev/null || true
  [ "${KEEP:-}" = "1" ] || rm -rf "$data"
  exit "$rc"
}
trap cleanup EXIT

start_portal() { # $1: log name, further args go to the portal
  local log="$data/portal-$1.log"
  shift
  java ${PORTAL_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --portal.mail.embedded-port="$mail_port" \
    --portal.embedded-postgres.data-dir="$data/pg" --portal.embedded-postgres.port="$pg_port" \
    --portal.search.index-dir="$data/search" --portal.admin.password=Benchmark-Passwort-1 "$@" > "$log" 2>&1 &
  pid=$!
  until curl -fsS "http://localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { tail -50 "$log"; exit 1; }
    sleep 0.5
  done
}
stop_portal() {
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

echo "portal: first start (migrations)"
start_portal first
echo "generating $n datasets"
t0=$(date +%s.%N)
PGPASSWORD=postgres psql -q -h localhost -p "$pg_port" -U postgres -d postgres -v n="$n" -f benchmarks/opendata/generate.sql
t1=$(date +%s.%N)
stop_portal
echo "portal: second start, rebuilding the search index"
t2=$(date +%s.%N)
start_portal reindex --portal.search.reindex-on-start=true --portal.search.reindex-threads=2
t3=$(date +%s.%N)
generate_s=$(echo "$t1 - $t0" | bc)
reindex_line=$(grep -o "Search index built from the database in [0-9]* ms" "$data/portal-reindex.log" || echo "?")
restart_s=$(echo "$t3 - $t2" | bc)

base="http://localhost:$port"
# A dataset in the middle of the generated ones that is public (generate.sql: ~2 % private, ~1 % deleted).
dataset=$(PGPASSWORD=postgres psql -tA -h localhost -p "$pg_port" -U postgres -d postgres -c \
  "select name from opendata_dataset where name like 'bench-%' and not is_private and state = 'active' order by name offset $((n / 2)) limit 1")
declare -A paths=(
  [package_search]='/api/3/action/package_search?q=Haltestellen&facet.field=%5B%22organization%22%2C%22res_format%22%5D'
  [package_show]="/api/3/action/package_show?id=$dataset"
  [search_page]='/daten?q=Haltestellen'
  [dataset_page]="/daten/$dataset"
)
declare -A types=([package_search]=application/json [package_show]=application/json
  [search_page]='text/html;charset=UTF-8' [dataset_page]='text/html;charset=UTF-8')
order=(package_search package_show search_page dataset_page)

mkdir -p "$data/static"
{
  echo "worker_processes 2; pid $data/nginx.pid; error_log $data/nginx-error.log; daemon off;"
  echo "events { worker_connections 1024; }"
  echo "http { access_log off; server { listen $nginx_port;"
  for name in "${order[@]}"; do
    curl -fsS -o "$data/static/$name" "$base${paths[$name]}"
    echo "  location = /$name { default_type '${types[$name]}'; alias $data/static/$name; }"
  done
  echo "} }"
} > "$data/nginx.conf"
chmod -R a+rX "$data/static"
"$nginx_bin" -c "$data/nginx.conf" -p "$data" &
nginx_pid=$!
sleep 1

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# $1 URL, $2 pid of the server → "median p99 req/s non-2xx cpu-ms-per-request". The server's CPU time per
# request (user + system, from /proc) says more than latency on a machine that other jobs share.
run_wrk() {
  local c0 c1
  c0=$(cpu_ticks "$2")
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$1" > "$data/wrk.out"
  c1=$(cpu_ticks "$2")
  awk -v ticks=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" '/requests in/ {n=$1} /^ +50%/ {m=$2} /^ +99%/ {p=$2}
       /^Requests\/sec/ {r=$2} /Non-2xx/ {e=$NF}
       END {printf "%s %s %s %s %.2fms\n", m, p, r, (e == "" ? 0 : e), ticks * 1000 / hz / n}' "$data/wrk.out"
}

echo "warm-up"
for name in "${order[@]}"; do
  wrk -t2 -c"$connections" -d"${WARMUP:-10}s" "$base${paths[$name]}" > /dev/null
done

load=$(uptime | sed 's/.*load average: //')
rows=()
for name in "${order[@]}"; do
  read -r pm pp pr pe pc < <(run_wrk "$base${paths[$name]}" "$pid")
  read -r nm np nr ne nc < <(run_wrk "http://localhost:$nginx_port/$name" "$nginx_pid")
  bytes=$(stat -c %s "$data/static/$name")
  rows+=("| $name | \`${paths[$name]}\` | $bytes | $pm | $pp | $pr | $pe | $pc | $nm | $np | $nr |")
  echo "${rows[-1]}"
done

[ -f "$out" ] || echo "# Open data catalogue benchmark (issue #3)" > "$out"
{
  echo
  echo "## $label — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(free -g | awk '/Mem:/ {print $2}') GB RAM,"
  echo "$(java -version 2>&1 | head -n 1), portal, wrk and nginx on the same machine; load average before the run: $load."
  echo "Catalogue: $n generated datasets (+ demo content) in ${generate_s%.*} s by generate.sql; $reindex_line (restart incl. reindex ${restart_s%.*} s)."
  echo "wrk: $connections connections, 2 threads, ${duration} s per URL after ${WARMUP:-10} s warm-up. Latencies from wrk --latency."
  echo
  echo "| request | path | bytes | portal median | portal p99 | portal req/s | non-2xx | portal CPU/request | nginx median | nginx p99 | nginx req/s |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
} >> "$out"
echo "written to $out"
