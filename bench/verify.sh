#!/usr/bin/env bash
# Verification benchmark: the JSON API (/api/v1/verify/<token>) on loopback, end to end (signature
# check, registry read, scan-log row), beside the same warm server's /actuator/health, with wrk as
# the load generator (C code, far cheaper per request than the server, so that the two cores go to
# the server). Tokens are read back from printed certificates by zbar.
#   bench/verify.sh [CLIENTS] [SECONDS]     defaults 8 and 20 per endpoint, after a warm-up
# Environment: DB=h2|mariadb|both (default both); MariaDB from CEPRINT_DB_HOST (default
#              127.0.0.1:3306, user root), database verify_bench (recreated, dropped at the end);
#              WARMUP seconds per endpoint (default 10); THREADS wrk threads (default 2);
#              JAR (default target/ceprint.jar); PORT (default 18380);
#              SERVER_OPTS for the server's JVM (default -Xmx512m), e.g. a JFR recording;
#              BENCH_RESULTS: a file to append one line per database to (see bench/all.sh).
# Needs wrk, pdftoppm (poppler-utils) and zbarimg (zbar-tools).
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS="${1:-8}"
SECONDS_MEASURED="${2:-20}"
WARMUP="${WARMUP:-10}"
THREADS="${THREADS:-2}"
JAR="${JAR:-target/ceprint.jar}"
PORT="${PORT:-18380}"
SERVER_OPTS="${SERVER_OPTS:--Xmx512m}"
DATABASES="${DB:-both}"
[ "$DATABASES" = both ] && DATABASES="h2 mariadb"
HOST="${CEPRINT_DB_HOST:-127.0.0.1:3306}"
LUA="$PWD/bench/verify.lua"
[ -s "$JAR" ] || ./mvnw -B -q -DskipTests package
command -v wrk >/dev/null || { echo "[bench] wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# All load comes from one address (127.0.0.1), which the per-client limit (60 checks a minute by
# default) would answer with 429 after the first second: the server under test gets a limit no load
# generator reaches, so that the benchmark measures throughput with the limiter still running.
BENCH_LIMIT=100000000
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true' EXIT

maria() { mariadb -h "${HOST%%:*}" -P "${HOST##*:}" -u root "$@"; }
thousands() { awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); while (s ~ /[0-9]{4}/) sub(/[0-9]{3}($|,)/, ",&", s); sub(/,,/, ",", s); gsub(/,$/, "", s); print s }'; }
# wrk NAME SECONDS [PATHS]: prints "requests errors req/s p50 p90 p99 max"
load() {
  local url="http://127.0.0.1:$PORT$1"
  wrk -t "$THREADS" -c "$CLIENTS" -d "${2}s" --timeout 5s --latency -s "$LUA" "$url" -- ${3:-} \
    | awk '/^RESULT/ { $1 = ""; print substr($0, 2) }'
}

run_database() {
  local db="$1" work args
  work="$(mktemp -d "/tmp/ceprint-verify-bench-$db.XXXXXX")"
  args=(--ceprint.data-dir="$work/data" --ceprint.printing.output-dir="$work/print-batches" --server.port="$PORT")
  if [ "$db" = mariadb ]; then
    maria -e 'DROP DATABASE IF EXISTS verify_bench; CREATE DATABASE verify_bench CHARACTER SET utf8mb4'
    args+=(--spring.profiles.active=mariadb --ceprint.authenticity.generate-key-if-missing=true)
    export CEPRINT_DB_URL="jdbc:mariadb://$HOST/verify_bench"
  fi
  echo "[bench] $db: demo registry of 200 people, their certificates printed (not measured), in $work" >&2
  java -jar "$JAR" demo --people 200 --no-serve "${args[@]}" > "$work/setup.log" 2>&1
  local folder
  folder=$(ls -d "$work"/print-batches/*/)
  awk -F, 'NR > 1 && $2 == "CERTIFICATE" && n++ < 100 { print $3, $4 }' "$folder/manifest.csv" | while read -r file page; do
    pdftoppm -r 150 -f "$page" -l "$page" -gray -png "$folder/$file" "$work/page"
    zbarimg -q --raw "$work"/page*.png 2>/dev/null
    rm -f "$work"/page*.png
  done | sed -E "s#^HTTP://LOCALHOST:$PORT/V/#/api/v1/verify/#" > "$work/paths.txt"
  local tokens
  tokens=$(grep -c '^/api/v1/verify/' "$work/paths.txt")
  echo "[bench] $db: $tokens tokens read back from the printed certificates" >&2

  echo "[bench] $db: rate limit raised for the load generator: ceprint.authenticity.verifications-per-minute=$BENCH_LIMIT (default 60 per client)" >&2
  # shellcheck disable=SC2086
  java $SERVER_OPTS -jar "$JAR" serve "${args[@]}" --ceprint.authenticity.verifications-per-minute="$BENCH_LIMIT" \
    > "$work/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 400); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
    sleep 1
  done
  local first
  first=$(head -1 "$work/paths.txt")
  curl -s "http://127.0.0.1:$PORT$first" | grep -q '"verdict":"VALID"' \
    || { echo "[bench] $db: the first token does not verify as VALID" >&2; exit 1; }

  echo "[bench] $db: warm-up ${WARMUP} s per endpoint, then ${SECONDS_MEASURED} s each, $CLIENTS connections, $THREADS wrk threads" >&2
  local warm_verify warm_health health verify
  warm_verify=$(load /api/v1/verify/ "$WARMUP" "$work/paths.txt")
  warm_health=$(load /actuator/health "$WARMUP")
  health=$(load /actuator/health "$SECONDS_MEASURED")
  verify=$(load /api/v1/verify/ "$SECONDS_MEASURED" "$work/paths.txt")
  kill "$SERVER"
  wait "$SERVER" || true
  SERVER=""

  # the scan log must be complete: a row for every answered verification (and the check above);
  # wrk counts only the answers it read, so the rows may exceed them by those in flight at the end
  local answered rows
  answered=$(( $(echo "$warm_verify" | cut -d' ' -f1) + $(echo "$verify" | cut -d' ' -f1) + 1 ))
  if [ "$db" = mariadb ]; then
    rows=$(maria -N -e 'SELECT COUNT(*) FROM verify_bench.verification_scan')
    maria -e 'DROP DATABASE verify_bench'
  else
    unzip -o -j -q "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$work"
    rows=$(java -cp "$(ls "$work"/h2-*.jar)" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/ceprint;MODE=MariaDB;DATABASE_TO_LOWER=TRUE" \
      -user sa -password "" -sql 'SELECT COUNT(*) FROM verification_scan' | grep -E '^[0-9]+$')
  fi
  local complete=yes
  [ "$rows" -ge "$answered" ] || complete=no
  echo "[bench] $db: scan-log rows after the server stopped: $rows, verifications answered: $answered (complete: $complete)" >&2

  read -r h_req h_err h_rps h_p50 h_p90 h_p99 h_max <<< "$health"
  read -r v_req v_err v_rps v_p50 v_p90 v_p99 v_max <<< "$verify"
  local label ratio met
  label=$([ "$db" = mariadb ] && echo MariaDB || echo H2)
  ratio=$(awk -v v="$v_rps" -v h="$h_rps" 'BEGIN { printf "%.2f", v / h }')
  met=$(awk -v r="$ratio" -v p="$v_p99" -v c="$complete" -v e="$v_err" 'BEGIN { print (r >= 0.5 && p < 20 && c == "yes" && e == 0) ? "yes" : "no" }')
  printf '%-8s | %-16s | %7s | %8s | %6s | %6s | %6s | %7s | %6s | %s\n' "$label" /api/v1/verify "$CLIENTS" \
    "$(thousands "$v_rps")" "$v_p50" "$v_p90" "$v_p99" "$v_max" "$v_err" "$ratio×, scan-log rows $rows of $answered" >> "$TABLE"
  printf '%-8s | %-16s | %7s | %8s | %6s | %6s | %6s | %7s | %6s | %s\n' "$label" /actuator/health "$CLIENTS" \
    "$(thousands "$h_rps")" "$h_p50" "$h_p90" "$h_p99" "$h_max" "$h_err" "" >> "$TABLE"
  if [ -n "${BENCH_RESULTS:-}" ]; then
    echo "verify API, $CLIENTS clients, $label, scan log on | $(thousands "$v_rps") req/s, p99 $v_p99 ms | /actuator/health $(thousands "$h_rps") req/s, p99 $h_p99 ms | ${ratio}× | ≥0.5×, p99<20 ms | $met" >> "$BENCH_RESULTS"
  fi
  echo "[bench] $db: files and logs kept in $work" >&2
}

TABLE="$(mktemp /tmp/ceprint-verify-table.XXXXXX)"
for db in $DATABASES; do
  run_database "$db"
done
printf '\nceprint verification API on loopback, wrk -t%s -c%s, %s s each after %s s warm-up; server and wrk share %s cores;\nper-client limit raised to %s a minute for this one address; every verification writes a scan-log row\n' \
  "$THREADS" "$CLIENTS" "$SECONDS_MEASURED" "$WARMUP" "$(nproc)" "$BENCH_LIMIT"
printf '%-8s | %-16s | %7s | %8s | %6s | %6s | %6s | %7s | %6s | %s\n' database endpoint clients 'req/s' 'p50 ms' 'p90 ms' 'p99 ms' 'max ms' errors 'verify ÷ health'
cat "$TABLE"
rm -f "$TABLE"
