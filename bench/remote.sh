#!/usr/bin/env bash
# Remote-partitioning benchmark (README, "多台机器打印"): the same N certificates from one MariaDB
# registry printed twice, by one process (print certificates --reprint, its default threads) and by
# a manager with two workers on this machine (print certificates --reprint --remote; worker
# --concurrency 1 each), over the RabbitMQ on 127.0.0.1:5672. Reports both rates, their ratio and
# each worker's own rate: the documents it wrote over the span from its first partition's start
# to its last one's end. On one machine the workers share its cores with each other, the manager
# and the database, so the ratio shows the overhead; the per-worker rate is what each added
# machine would bring.
#   bench/remote.sh [N]         N people / certificates (default 20000)
# Environment: CEPRINT_DB_HOST (default 127.0.0.1:3306, user root; database ceprint_bench_remote,
#              recreated); PARTITION_SIZE (default 2000); JAVA_OPTS (default -Xmx1g) for every JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
PARTITION_SIZE="${PARTITION_SIZE:-2000}"
WORK="$(mktemp -d /tmp/ceprint-bench-remote.XXXXXX)"
JAR=target/ceprint.jar
[ -s "$JAR" ] || ./mvnw -B -q -DskipTests package
HOST="${CEPRINT_DB_HOST:-127.0.0.1:3306}"
sql() { mariadb -h "${HOST%%:*}" -P "${HOST##*:}" -u root --batch --skip-column-names "$@"; }
sql -e 'DROP DATABASE IF EXISTS ceprint_bench_remote; CREATE DATABASE ceprint_bench_remote CHARACTER SET utf8mb4'
export CEPRINT_DB_URL="jdbc:mariadb://$HOST/ceprint_bench_remote"
QUEUE="ceprint.bench.$$"
ARGS=(--ceprint.data-dir="$WORK/data" --ceprint.printing.output-dir="$WORK/print-batches"
  --spring.profiles.active=mariadb --ceprint.authenticity.generate-key-if-missing=true
  --ceprint.printing.remote.queue="$QUEUE" --ceprint.printing.remote.partition-size="$PARTITION_SIZE")
WORKERS=()
cleanup() {
  for pid in "${WORKERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rabbitmqctl -q delete_queue "$QUEUE" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "[bench] setting up: demo registry of $N people in $WORK (not measured)" >&2
java $JAVA_OPTS -jar "$JAR" demo --people "$N" --no-print --no-serve "${ARGS[@]}" > "$WORK/setup.log" 2>&1

seconds_of() { grep -o '用时 [0-9.]*' "$1" | awk '{ print $2 }'; }

echo "[bench] measured: one process, print certificates --reprint" >&2
java $JAVA_OPTS -jar "$JAR" print certificates --reprint "${ARGS[@]}" > "$WORK/one.log" 2>&1
ONE_S=$(seconds_of "$WORK/one.log")

echo "[bench] measured: a manager and two workers, print certificates --reprint --remote" >&2
for w in a b; do
  java $JAVA_OPTS -jar "$JAR" worker --concurrency 1 "${ARGS[@]}" > "$WORK/worker-$w.log" 2>&1 &
  WORKERS+=($!)
done
for w in a b; do
  for _ in $(seq 1 120); do grep -q '工作进程已启动' "$WORK/worker-$w.log" && break; sleep 0.5; done
done
java $JAVA_OPTS -jar "$JAR" print certificates --reprint --remote "${ARGS[@]}" > "$WORK/remote.log" 2>&1
REMOTE_S=$(seconds_of "$WORK/remote.log")
RUN=$(sql ceprint_bench_remote -e 'SELECT MAX(id) FROM print_run')
PARTITIONS=$(sql ceprint_bench_remote -e "SELECT COUNT(*) FROM print_partition_lease WHERE run_id = $RUN")

printf '\nceprint: %d certificates from MariaDB, one process against a manager with two workers (this machine: %d cores)\n' "$N" "$(nproc)"
printf 'mode | s (job) | docs/s | ratio to one process\n'
awk -v n="$N" -v s="$ONE_S" 'BEGIN { printf "one process (threads %d) | %.1f | %.1f | 1.00\n", '"$(nproc)"', s, n / s }'
awk -v n="$N" -v s="$REMOTE_S" -v o="$ONE_S" -v p="$PARTITIONS" \
  'BEGIN { printf "manager + 2 workers (%d partitions) | %.1f | %.1f | %.2f\n", p, s, n / s, o / s }'
printf '\nworker | partitions | docs | s (first start to last end) | docs/s\n'
sql ceprint_bench_remote -e "
  SELECT SUBSTRING_INDEX(l.holder, '#', 1), COUNT(*), SUM(s.WRITE_COUNT),
         TIMESTAMPDIFF(MICROSECOND, MIN(s.START_TIME), MAX(s.END_TIME)) / 1e6
  FROM print_partition_lease l JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = l.step_execution_id
  WHERE l.run_id = $RUN GROUP BY SUBSTRING_INDEX(l.holder, '#', 1)" \
  | awk -F'\t' '{ printf "%s | %d | %d | %.1f | %.1f\n", $1, $2, $3, $4, $3 / $4 }'
echo "[bench] files and logs kept in $WORK" >&2
