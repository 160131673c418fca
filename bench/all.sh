#!/usr/bin/env bash
# Every benchmark of the README's "Benchmark" section in one go, each beside its reference measured
# in the same go, then one table of figures, references, ratios and goals (issue 19):
#   print        DB=mariadb bench/run.sh N (default 20,000, -Xmx512m) beside the peers'
#                PDFBox floor and tuned JasperReports (../shared/bench/peers/run.sh), and
#                the same at 1,000 for the live heap
#   verify       bench/verify.sh: the verification API and /actuator/health of the same server,
#                8 clients (wrk), H2 and MariaDB, scan log on
#   intake       DB=mariadb bench/intake.sh: a 50,000-row summary table into MariaDB, -Xmx256m
#   counter      bench/counter.sh: 100 reissued booklets as PDFs from a warm server
#   start-up     bench/startup.sh: --help, a refused option, verify FILE, in cold JVMs
#
#   bash bench/all.sh                 everything (about 25 minutes on 2 cores)
#   ONLY="verify intake" bash bench/all.sh      some of them
# Environment: N (print size, default 20000), PEERS_N (the peers' N, default 5000: they measure
# warmed-up rendering, whose rate does not depend on N), MEMORY_N (a third print run for the
# live heap, e.g. 100000; none by default), JAR (default target/ceprint.jar).
# The table goes to stdout and to bench/results-<date>.md; each script's own output to
# /tmp/ceprint-bench-all.*/<name>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY="${ONLY:-print verify intake counter startup}"
N="${N:-20000}"
export JAR="${JAR:-target/ceprint.jar}"
[ -s "$JAR" ] || ./mvnw -B -q -DskipTests package
LOGS="$(mktemp -d /tmp/ceprint-bench-all.XXXXXX)"
export BENCH_RESULTS="$LOGS/results.psv"
: > "$BENCH_RESULTS"
STARTED=$(date +%s)
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

step() {
  local name="$1"
  shift
  echo "[all] $name: $* (log $LOGS/$name.log)" >&2
  local t0
  t0=$(date +%s)
  if ! "$@" > "$LOGS/$name.log" 2>&1; then
    echo "[all] $name failed; its last lines:" >&2
    tail -15 "$LOGS/$name.log" >&2
    echo "$name | failed (see $LOGS/$name.log) | — | — | — | no" >> "$BENCH_RESULTS"
  fi
  echo "[all] $name took $(($(date +%s) - t0)) s" >&2
}

for what in $ONLY; do
  case "$what" in
    print)
      step print-small env DB=mariadb PEERS=0 JAVA_OPTS=-Xmx512m bash bench/run.sh 1000
      step print env DB=mariadb JAVA_OPTS=-Xmx512m PEERS_N="${PEERS_N:-5000}" \
        APPROACHES="${APPROACHES:-pdfbox-floor jasper-tuned}" bash bench/run.sh "$N"
      if [ -n "${MEMORY_N:-}" ]; then
        step print-memory env DB=mariadb PEERS=0 JAVA_OPTS=-Xmx512m bash bench/run.sh "$MEMORY_N"
      fi
      ;;
    verify) step verify env DB=both bash bench/verify.sh 8 20 ;;
    intake) step intake env DB=mariadb JAVA_OPTS=-Xmx256m bash bench/intake.sh 50000 ;;
    counter) step counter bash bench/counter.sh ;;
    startup) step startup env RUNS="${RUNS:-5}" bash bench/startup.sh target/ceprint.jar bin/ceprint ;;
    *) echo "unknown benchmark: $what" >&2; exit 2 ;;
  esac
done

MACHINE="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1 | tr -d '"'), $(mariadb --version 2>/dev/null | grep -o 'Distrib [0-9.]*-MariaDB' | tr -d ',' || echo 'no MariaDB client')"
OUT="bench/results-$(date +%F).md"
{
  echo "Measured $(date '+%F %H:%M %Z') on $(hostname): $MACHINE; load average before: $LOAD_BEFORE; $(( ($(date +%s) - STARTED) / 60 )) minutes in all."
  echo
  echo "| what | ceprint | reference in the same go | ratio | goal | met |"
  echo "|---|---|---|---|---|---|"
  sed -E 's/^/| /; s/$/ |/' "$BENCH_RESULTS"
} | tee "$OUT"
echo "[all] table in $OUT, logs in $LOGS" >&2
