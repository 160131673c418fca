#!/usr/bin/env bash
# Counter benchmark: one reissued booklet as a PDF, in a warm server, as a clerk's browser gets it.
# A clerk of 南昌 (demo account nanchang) signs in with the form, then reissues certificates one
# after another (reason 损毁); each reissue is timed from the POST of the counter's form until the
# new booklet's PDF downloads from /office/pdf/<新证书编号> (polled every POLL_MS ms).
#   bench/counter.sh [WARMUP] [COUNT]     defaults 20 and 100
# Environment: JAR (default target/ceprint.jar), PORT (default 18200), POLL_MS (default 5), JAVA_OPTS (the server's),
# SETUP_CACHE (a folder: the demo setup is made there once and copied for later runs).
# Needs pdftotext (poppler-utils) to check the sample booklets.
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP="${1:-20}"
COUNT="${2:-100}"
JAR="${JAR:-target/ceprint.jar}"
PORT="${PORT:-18200}"
POLL_MS="${POLL_MS:-5}"
WORK="$(mktemp -d /tmp/ceprint-counter-bench.XXXXXX)"
[ -s "$JAR" ] || ./mvnw -B -q -DskipTests package
ARGS=(--ceprint.data-dir="$WORK/data" --ceprint.printing.output-dir="$WORK/print-batches" --server.port="$PORT")

# The setup (not measured): a demo registry of 200 people, and the certificates of 南昌 printed,
# whose numbers the clerk reissues. A reissued certificate's successor is reissued in its turn.
if [ -n "${SETUP_CACHE:-}" ] && [ -s "$SETUP_CACHE/numbers.txt" ]; then
  echo "[bench] setup copied from $SETUP_CACHE" >&2
  cp -r "$SETUP_CACHE/data" "$SETUP_CACHE/print-batches" "$SETUP_CACHE/numbers.txt" "$WORK/"
else
  echo "[bench] setting up: demo registry of 200 people, the certificates of 360100 printed (not measured)" >&2
  java -jar "$JAR" demo --people 200 --no-print --no-serve "${ARGS[@]}" > "$WORK/setup.log" 2>&1
  java -jar "$JAR" print certificates --city 360100 "${ARGS[@]}" >> "$WORK/setup.log" 2>&1
  awk -F, 'NR > 1 && $2 == "CERTIFICATE" { print $1 }' "$WORK"/print-batches/*/manifest.csv > "$WORK/numbers.txt"
  if [ -n "${SETUP_CACHE:-}" ]; then
    rm -rf "$SETUP_CACHE" && mkdir -p "$SETUP_CACHE"
    cp -r "$WORK/data" "$WORK/print-batches" "$WORK/numbers.txt" "$SETUP_CACHE/"
  fi
fi
echo "[bench] $(wc -l < "$WORK/numbers.txt") certificates of 360100 to start from" >&2

java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" serve "${ARGS[@]}" > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
# a loaded machine may take minutes to start it
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  kill -0 $SERVER 2>/dev/null || { echo "[bench] the server exited: $WORK/serve.log" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "[bench] the server did not start in 10 minutes" >&2; exit 1; }

mkdir -p "$WORK/samples"
echo "[bench] warm-up: $WARMUP reissues" >&2
java bench/CounterLoad.java "http://127.0.0.1:$PORT" nanchang demo-nanchang "$WORK/numbers.txt" "$WARMUP" "$POLL_MS" - >&2
# the server's processor time (user and system, all its threads) over the measured reissues: a
# figure other processes on the machine change less than the wall-clock latency
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER/stat"; }
BEFORE=$(cpu_ticks)
echo "[bench] measured: $COUNT reissues one after another" >&2
LINE=$(java bench/CounterLoad.java "http://127.0.0.1:$PORT" nanchang demo-nanchang "$WORK/numbers.txt" \
  "$COUNT" "$POLL_MS" "$WORK/samples")
CPU_MS=$(awk -v t=$(( $(cpu_ticks) - BEFORE )) -v hz="$(getconf CLK_TCK)" -v n="$COUNT" 'BEGIN { printf "%.0f", t * 1000 / hz / n }')
LOAD=$(cut -d' ' -f1 /proc/loadavg)
printf '\nceprint counter on loopback (%s): one reissued booklet as a PDF, from the POST until /office/pdf/<新证书编号> downloads it\n%s\nserver processor time %s ms a reissue; load average %s on %s cores\n' \
  "$(basename "$JAR")" "$LINE" "$CPU_MS" "$LOAD" "$(nproc)"

# the downloaded booklets are PDFs holding their own new number
for PDF in "$WORK"/samples/*.pdf; do
  NUMBER=$(basename "$PDF" .pdf)
  if pdftotext "$PDF" - | tr -d ' \n' | grep -q "$NUMBER"; then
    echo "[bench] sample $NUMBER.pdf: a PDF holding its new number" >&2
  else
    echo "[bench] sample $NUMBER.pdf does not hold its new number" >&2
    exit 1
  fi
done

P50=$(sed -E 's/.*p50 ([0-9.]+) ms.*/\1/' <<< "$LINE")
P99=$(sed -E 's/.*p99 ([0-9.]+) ms.*/\1/' <<< "$LINE")
MEAN=$(sed -E 's/.*mean ([0-9.]+) ms.*/\1/' <<< "$LINE")
MET=$(awk -v p="$P99" 'BEGIN { print (p < 150) ? "yes" : "no" }')
if [ -n "${BENCH_RESULTS:-}" ]; then
  echo "counter, one reissued booklet as a PDF, warm server, $COUNT reissues (load $LOAD) | p50 $P50 ms, p99 $P99 ms, mean $MEAN ms, server CPU $CPU_MS ms/reissue | — | — | p99 <150 ms | $MET" >> "$BENCH_RESULTS"
fi
echo "[bench] files and logs kept in $WORK" >&2
