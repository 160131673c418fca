#!/usr/bin/env bash
# Verification benchmark: the JSON API (/api/v1/verify/<token>) on loopback, end to end (signature
# check, registry read, scan-log insert), with tokens read back from printed certificates by zbar.
#   bench/verify.sh [CONCURRENCY] [SECONDS]     defaults 8 and 20 (after a 10-second warm-up)
# Needs pdftoppm (poppler-utils) and zbarimg (zbar-tools). DB=mariadb as in bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
CONCURRENCY="${1:-8}"
SECONDS_MEASURED="${2:-20}"
WORK="$(mktemp -d /tmp/ceprint-verify-bench.XXXXXX)"
JAR=target/ceprint.jar
PORT="${PORT:-18080}"
[ -s "$JAR" ] || ./mvnw -B -q -DskipTests package
ARGS=(--ceprint.data-dir="$WORK/data" --ceprint.printing.output-dir="$WORK/print-batches" --server.port="$PORT")
# All load comes from one address (127.0.0.1), which the per-client limit (60 checks a minute by
# default) would answer with 429 after the first second: the server under test gets a limit no load
# generator reaches, so that the benchmark measures throughput with the limiter still running.
BENCH_LIMIT=100000000
SERVE_ARGS=(--ceprint.authenticity.verifications-per-minute="$BENCH_LIMIT")
if [ "${DB:-h2}" = mariadb ]; then
  mariadb -h 127.0.0.1 -u root -e 'DROP DATABASE IF EXISTS ceprint_bench; CREATE DATABASE ceprint_bench CHARACTER SET utf8mb4'
  export CEPRINT_DB_URL="jdbc:mariadb://127.0.0.1:3306/ceprint_bench"
  ARGS+=(--spring.profiles.active=mariadb --ceprint.authenticity.generate-key-if-missing=true)
fi

echo "[bench] setting up: demo registry of 200 people, their certificates printed (not measured)" >&2
java -jar "$JAR" demo --people 200 --no-serve "${ARGS[@]}" > "$WORK/setup.log" 2>&1
FOLDER=$(ls -d "$WORK"/print-batches/*/)
awk -F, 'NR > 1 && $2 == "CERTIFICATE" && n++ < 100 { print $3, $4 }' "$FOLDER/manifest.csv" | while read -r FILE PAGE; do
  pdftoppm -r 150 -f "$PAGE" -l "$PAGE" -gray -png "$FOLDER/$FILE" "$WORK/page"
  zbarimg -q --raw "$WORK"/page*.png 2>/dev/null
  rm -f "$WORK"/page*.png
done | sed -E "s#^HTTP://LOCALHOST:$PORT/V/#http://127.0.0.1:$PORT/api/v1/verify/#" > "$WORK/urls.txt"
echo "[bench] $(wc -l < "$WORK/urls.txt") tokens read back from the printed certificates" >&2

echo "[bench] rate limit raised for the load generator: ceprint.authenticity.verifications-per-minute=$BENCH_LIMIT (default 60 per client)" >&2
java -Xmx512m -jar "$JAR" serve "${ARGS[@]}" "${SERVE_ARGS[@]}" > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  sleep 1
done

echo "[bench] measured: $CONCURRENCY clients for ${SECONDS_MEASURED}s after a 10 s warm-up" >&2
printf '\nceprint verification API on loopback (%s, 2 cores shared by server and load generator; per-client limit raised to %s a minute for this one address)\n' "${DB:-h2}" "$BENCH_LIMIT"
java bench/VerifyLoad.java "$WORK/urls.txt" "$CONCURRENCY" "$SECONDS_MEASURED" 10 | tee "$WORK/result.txt"
echo "[bench] files and logs kept in $WORK" >&2
