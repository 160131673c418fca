#!/usr/bin/env bash
# Print-run benchmark: N certificates from a demo registry, end to end through the jar, reported
# beside the peer approaches of ../shared/bench/peers (same machine, same go).
#   bench/run.sh [N]            N people / certificates (default 1000)
# Environment: DB=mariadb prints from a MariaDB server (database ceprint_bench, recreated; server
#              from CEPRINT_DB_HOST, default 127.0.0.1:3306, user root) instead of embedded H2;
#              THREADS=n sets ceprint.printing.threads (default: one per processor);
#              PEERS=0 skips the peers; PEERS_N sets their N (default N); APPROACHES and WARMUP
#              pass through to the peers' run.sh; JAVA_OPTS (default -Xmx1g) for ceprint's JVM,
#              as for the peers; JAR another ceprint jar (default target/ceprint.jar);
#              BENCH_RESULTS a file to which one line per figure is appended (bench/all.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
WORK="$(mktemp -d /tmp/ceprint-bench.XXXXXX)"
JAR="${JAR:-target/ceprint.jar}"
[ -s "$JAR" ] || ./mvnw -B -q -DskipTests package
ARGS=(--ceprint.data-dir="$WORK/data" --ceprint.printing.output-dir="$WORK/print-batches")
[ -n "${THREADS:-}" ] && ARGS+=(--ceprint.printing.threads="$THREADS")
DB="${DB:-h2}"
if [ "$DB" = mariadb ]; then
  HOST="${CEPRINT_DB_HOST:-127.0.0.1:3306}"
  mariadb -h "${HOST%%:*}" -P "${HOST##*:}" -u root \
    -e 'DROP DATABASE IF EXISTS ceprint_bench; CREATE DATABASE ceprint_bench CHARACTER SET utf8mb4'
  export CEPRINT_DB_URL="jdbc:mariadb://$HOST/ceprint_bench"
  # the benchmark signs with a key made for it, as the embedded default does
  ARGS+=(--spring.profiles.active=mariadb --ceprint.authenticity.generate-key-if-missing=true)
fi

echo "[bench] setting up: demo registry of $N people in $WORK (not measured)" >&2
java $JAVA_OPTS -jar "$JAR" demo --people "$N" --no-print "${ARGS[@]}" > "$WORK/setup.log" 2>&1

echo "[bench] measured: print certificates --reprint (all $N, one cold JVM)" >&2
/usr/bin/time -f '%M %e' -o "$WORK/time" \
  java $JAVA_OPTS "-Xlog:gc:file=$WORK/gc.log" -jar "$JAR" print certificates --reprint "${ARGS[@]}" \
  > "$WORK/print.log" 2>&1
read -r RSS_KB WALL < "$WORK/time"
FOLDER=$(ls -d "$WORK"/print-batches/*/)
DOCS=$(($(wc -l < "$FOLDER/manifest.csv") - 1))
PAGES=$(awk -F, 'NR > 1 { n += $5 - $4 + 1 } END { print n }' "$FOLDER/manifest.csv")
BYTES=$(find "$FOLDER" -name 'certificates-*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s }')
SECONDS_IN_JOB=$(grep -o '用时 [0-9.]*' "$WORK/print.log" | head -1 | awk '{ print $2 }')
# the preflight (README, "发布前检查") reads every file again after it is written; its share of the job
PREFLIGHT_S=$(grep -o '发布前检查.*用时 [0-9.]*' "$WORK/print.log" | grep -o '用时 [0-9.]*' | awk '{ print $2 }' | tail -1)
PREFLIGHT_S="${PREFLIGHT_S:-0}"
HEAP_MB=$(grep -o -- '->[0-9]*M' "$WORK/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
# the live set: heap left after the collections that clean the old generation (mixed or full);
# the peak after young collections above also counts old garbage not yet collected
# (a short run may have none: then '-')
LIVE_MB=$(grep -E 'Pause (Young \(Mixed\)|Full)' "$WORK/gc.log" | grep -o -- '->[0-9]*M' | tr -dc '0-9\n' | sort -n | tail -1 || true)

printf '\nceprint (print certificates on %s, 200 documents per file and chunk, threads %s)\n' "$DB" "${THREADS:-$(nproc)}"
printf 'N | s (job) | of which preflight s | docs/s | pages/s | pages/s without preflight | KB/doc | KB/page | pages | peak RSS MB | peak heap after young GC MB | live heap after mixed/full GC MB | whole JVM s | JVM\n'
awk -v n="$DOCS" -v s="$SECONDS_IN_JOB" -v f="$PREFLIGHT_S" -v p="$PAGES" -v b="$BYTES" -v r="$RSS_KB" -v h="${HEAP_MB:-?}" -v l="${LIVE_MB:--}" -v w="$WALL" -v j="$JAVA_OPTS" \
  'BEGIN { printf "%d | %.2f | %.2f | %.1f | %.1f | %.1f | %.1f | %.2f | %d | %.0f | %s | %s | %.1f | %s\n", n, s, f, n / s, p / s, p / (s - f), b / n / 1024, b / p / 1024, p, r / 1024, h, l, w, j }' \
  | tee "$WORK/ceprint.psv"
CE_DOCS_S=$(awk -v n="$DOCS" -v s="$SECONDS_IN_JOB" 'BEGIN { print n / s }')
CE_KB=$(awk -v n="$DOCS" -v b="$BYTES" 'BEGIN { print b / n / 1024 }')
CE_PAGES_S=$(awk -v p="$PAGES" -v s="$SECONDS_IN_JOB" 'BEGIN { print p / s }')
CE_KB_PAGE=$(awk -v p="$PAGES" -v b="$BYTES" 'BEGIN { print b / p / 1024 }')

if [ "${PEERS:-1}" = 1 ] && [ -x ../shared/bench/peers/run.sh ]; then
  echo "[bench] peers: ../shared/bench/peers/run.sh ${PEERS_N:-$N}" >&2
  ../shared/bench/peers/run.sh "${PEERS_N:-$N}" > "$WORK/peers.log" 2>&1 || { tail -20 "$WORK/peers.log" >&2; exit 1; }
  RESULTS="${PEERS_WORK:-/tmp/peers-work}/out/results.psv"
  printf '\nside by side (the peers render a 2-page booklet with 8 rows; ceprint the demo booklets, %s pages each on average)\n' \
    "$(awk -v p="$PAGES" -v n="$DOCS" 'BEGIN { printf "%.1f", p / n }')"
  printf 'approach | docs/s | KB/doc | ceprint docs/s ÷ | ceprint KB/doc ÷ | ceprint pages/s ÷ | ceprint KB/page ÷\n'
  # every peer document has 2 pages (README of the peers)
  tail -n +2 "$RESULTS" | awk -F'|' -v cd="$CE_DOCS_S" -v ck="$CE_KB" -v cp="$CE_PAGES_S" -v ckp="$CE_KB_PAGE" \
    '{ printf "%s | %s | %s | %.2f | %.2f | %.2f | %.2f\n", $1, $4, $6, cd / $4, ck / $6, cp / (2 * $4), ckp / ($6 / 2) }'
fi
if [ -n "${BENCH_RESULTS:-}" ]; then
  FLOOR=""
  [ -n "${RESULTS:-}" ] && FLOOR=$(awk -F'|' '$1 == "pdfbox-floor" { print 2 * $4 }' "$RESULTS")
  THREADS_USED="${THREADS:-$(nproc)}"
  awk -v n="$DOCS" -v s="$SECONDS_IN_JOB" -v f="$PREFLIGHT_S" -v p="$PAGES" -v b="$BYTES" -v fl="$FLOOR" -v db="$DB" \
      -v t="$THREADS_USED" -v j="$JAVA_OPTS" 'BEGIN {
    rate = p / s; bare = p / (s - f)
    if (fl != "") {
      ref = sprintf("PDFBox floor %.1f pages/s on one core, ×%d cores = %.1f", fl, t, fl * t)
      ratio = sprintf("%.2f× (%.2f× without the preflight)", rate / (fl * t), bare / (fl * t))
      met = (rate >= fl * t) ? "yes" : "no"
    } else { ref = "— (PEERS=0)"; ratio = "—"; met = "—" }
    printf "print, %d certificates from %s, %d threads, %s | %.1f pages/s (%.1f without the %.0f s preflight), %.1f booklets/s, %.1f pages a booklet | %s | %s | ≥1.0× the %d-core PDFBox floor | %s\n", n, db, t, j, rate, bare, f, n / s, p / n, ref, ratio, t, met
    printf "print, bytes per page (%d certificates) | %.2f KB/page, %.1f KB a booklet | — | — | ≤2.0 KB/page | %s\n", n, b / p / 1024, b / n / 1024, (b / p / 1024 <= 2.0) ? "yes" : "no"
  }' >> "$BENCH_RESULTS"
  printf 'print, live heap (%d certificates, %s) | %s MB after mixed/full GC (%s MB peak after young GC) | — | — | flat from 1,000 to 100,000 in -Xmx512m | see the runs beside\n' \
    "$DOCS" "$JAVA_OPTS" "${LIVE_MB:--}" "${HEAP_MB:-?}" >> "$BENCH_RESULTS"
fi
echo "[bench] files and logs kept in $WORK" >&2
