#!/usr/bin/env bash
# Intake benchmark: imports a generated summary-table workbook of ROWS rows (default 50,000) through
# the jar (`java -jar ceprint.jar import FILE`, one cold JVM) into a demo registry of 5,000 people and
# prints rows per second (the import's own time, as the command reports it), the whole JVM's time and
# the peak heap, and checks that every row was stored.
#   bench/intake.sh [ROWS]
# Environment: DB=mariadb imports into a MariaDB server (database intake_bench, recreated; server from
#              CEPRINT_DB_HOST, default 127.0.0.1:3306, user root) instead of embedded H2;
#              JAVA_OPTS (default -Xmx256m) for the import's JVM; PEOPLE (default 5000);
#              JAR (default target/ceprint.jar), to compare two builds in one go;
#              PROFILE=1 records the import with JFR and prints its hottest frames;
#              BENCH_RESULTS=file appends the figure as a table row (bench/all.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-50000}"
PEOPLE="${PEOPLE:-5000}"
JAVA_OPTS="${JAVA_OPTS:--Xmx256m}"
JAR="${JAR:-target/ceprint.jar}"
[ -s "$JAR" ] || ./mvnw -B -q -DskipTests package
WORK="$(mktemp -d /tmp/ceprint-intake.XXXXXX)"
ARGS=(--ceprint.data-dir="$WORK/data")
DB="${DB:-h2}"
if [ "$DB" = mariadb ]; then
  HOST="${CEPRINT_DB_HOST:-127.0.0.1:3306}"
  sql() { mariadb -h "${HOST%%:*}" -P "${HOST##*:}" -u root -B "$@"; }
  sql -e 'DROP DATABASE IF EXISTS intake_bench; CREATE DATABASE intake_bench CHARACTER SET utf8mb4'
  export CEPRINT_DB_URL="jdbc:mariadb://$HOST/intake_bench"
  ARGS+=(--spring.profiles.active=mariadb --ceprint.authenticity.generate-key-if-missing=true)
  # query OUT.csv SELECT: the result as CSV with a heading (no value holds a comma or a tab)
  query() { sql intake_bench -e "$2" | tr '\t' ',' > "$1"; }
else
  unzip -p "$JAR" 'BOOT-INF/lib/h2-*.jar' > "$WORK/h2.jar"
  query() {
    java -cp "$WORK/h2.jar" org.h2.tools.Shell -user sa -password '' \
      -url "jdbc:h2:file:$WORK/data/ceprint;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE" \
      -sql "CALL CSVWRITE('$1', '${2//\'/\'\'}', 'charset=UTF-8 fieldDelimiter=')" > /dev/null
  }
fi
group() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<< "$1"; }
entries() { query "$WORK/count.csv" 'SELECT COUNT(*) FROM registration_entry'; tail -1 "$WORK/count.csv"; }

echo "[bench] setting up: demo registry of $PEOPLE people on $DB and a workbook of $ROWS rows in $WORK (not measured)" >&2
java -jar "$JAR" demo --people "$PEOPLE" --no-print "${ARGS[@]}" > "$WORK/setup.log" 2>&1
query "$WORK/people.csv" 'SELECT name, id_number FROM person ORDER BY id'
query "$WORK/body.csv" "SELECT MIN(credit_code) FROM organisation WHERE kind = 'BASE'"
FILE="$WORK/rows-$ROWS.xlsx"
python3 bench/intake-workbook.py "$WORK/people.csv" "$(tail -1 "$WORK/body.csv")" "$ROWS" "$FILE"
# the database server's CPU seconds so far (a server on this machine; other clients count too)
server_cpu() {
  local pid; pid=$(pgrep -o -x mariadbd || pgrep -o -x mysqld || true)
  if [ "$DB" = mariadb ] && [ -n "$pid" ]; then
    awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$pid/stat"
  else
    echo 0
  fi
}

# reference in the same go: the same command on a one-row file (JVM start, Spring, Flyway, fonts)
python3 bench/intake-workbook.py "$WORK/people.csv" "$(tail -1 "$WORK/body.csv")" 1 "$WORK/one-row.xlsx" 0 参考项目
/usr/bin/time -f '%e %U %S' -o "$WORK/time-one" java $JAVA_OPTS -jar "$JAR" import "$WORK/one-row.xlsx" "${ARGS[@]}" \
  > "$WORK/one-row.log" 2>&1 || { tail -20 "$WORK/one-row.log" >&2; exit 1; }
read -r ONE_WALL ONE_USER ONE_SYS < "$WORK/time-one"
BEFORE=$(entries)

PROFILING=()
[ "${PROFILE:-0}" = 1 ] && PROFILING=(-XX:StartFlightRecording=filename="$WORK/import.jfr",settings=profile)
echo "[bench] measured: java $JAVA_OPTS -jar $JAR import $(basename "$FILE") (one cold JVM)" >&2
SERVER_BEFORE=$(server_cpu)
/usr/bin/time -f '%M %e %U %S' -o "$WORK/time" java $JAVA_OPTS "-Xlog:gc:file=$WORK/gc.log" "${PROFILING[@]}" \
  -jar "$JAR" import "$FILE" "${ARGS[@]}" > "$WORK/import.log" 2>&1 || { tail -20 "$WORK/import.log" >&2; exit 1; }
read -r RSS_KB WALL USER_S SYS_S < "$WORK/time"
SERVER_S=$(awk -v a="$SERVER_BEFORE" -v b="$(server_cpu)" 'BEGIN { print b - a }')
SUMMARY=$(grep '用时' "$WORK/import.log")
SECONDS_IN_IMPORT=$(grep -o '用时 [0-9.]*' <<< "$SUMMARY" | awk '{ print $2 }')
IMPORTED=$(grep -o '导入 [0-9]* 条' <<< "$SUMMARY" | tr -dc '0-9')
STORED=$(($(entries) - BEFORE))
# heap after each collection (the live set plus old garbage not yet collected) and before it
HEAP_AFTER=$(grep -o -- '->[0-9]*M' "$WORK/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
HEAP_BEFORE=$(grep -oE '[0-9]+M->' "$WORK/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
RATE=$(awk -v n="$ROWS" -v s="$SECONDS_IN_IMPORT" 'BEGIN { printf "%.0f", n / s }')

printf '\nceprint intake (%s, %s rows, %s people, %s, %.1f MB workbook)\n' "$DB" "$ROWS" "$PEOPLE" "$JAVA_OPTS" \
  "$(stat -c %s "$FILE" | awk '{ print $1 / 1048576 }')"
printf 'rows | imported | stored | s (import) | rows/s | peak heap after GC MB | peak heap before GC MB | peak RSS MB | whole JVM s | JVM CPU s | DB server CPU s\n'
printf '%s | %s | %s | %s | %s | %s | %s | %.0f | %s | %.1f | %.1f\n' "$ROWS" "$IMPORTED" "$STORED" "$SECONDS_IN_IMPORT" "$RATE" \
  "${HEAP_AFTER:-?}" "${HEAP_BEFORE:-?}" "$(awk -v r="$RSS_KB" 'BEGIN { print r / 1024 }')" "$WALL" \
  "$(awk -v u="$USER_S" -v s="$SYS_S" 'BEGIN { print u + s }')" "$SERVER_S"
printf 'the same command on a one-row file: whole JVM %s s, JVM CPU %.1f s; so the %s rows cost %.1f s of JVM CPU\n' \
  "$ONE_WALL" "$(awk -v u="$ONE_USER" -v s="$ONE_SYS" 'BEGIN { print u + s }')" \
  "$ROWS" "$(awk -v u="$USER_S" -v s="$SYS_S" -v a="$ONE_USER" -v b="$ONE_SYS" 'BEGIN { print u + s - a - b }')"
printf 'machine load (1-minute average) at the end: %s on %s processors\n' "$(cut -d' ' -f1 /proc/loadavg)" "$(nproc)"
if [ "$IMPORTED" != "$ROWS" ] || [ "$STORED" != "$ROWS" ]; then
  echo "[bench] not every row was imported and stored: see $WORK/import.log" >&2
  exit 1
fi
if [ -n "${BENCH_RESULTS:-}" ]; then
  MET=$(awk -v r="$RATE" 'BEGIN { print (r >= 20000) ? "yes" : "no" }')
  printf 'intake, %s rows into %s, %s | %s rows/s, peak heap %s MB | one-row import: whole JVM %s s | — | ≥20,000 rows/s | %s\n' \
    "$(group "$ROWS")" "$([ "$DB" = mariadb ] && echo MariaDB || echo H2)" "$JAVA_OPTS" \
    "$(group "$RATE")" "${HEAP_AFTER:-?}" "$ONE_WALL" "$MET" >> "$BENCH_RESULTS"
fi
if [ "${PROFILE:-0}" = 1 ]; then
  echo "hottest frames (JFR execution samples, top frame; all threads of the import's JVM):"
  jfr print --events jdk.ExecutionSample "$WORK/import.jfr" | grep -A1 'stackTrace = \[' | grep -v -e 'stackTrace' -e '^--' \
    | sed -E 's/^[[:space:]]+//; s/line:.*//' | sort | uniq -c | sort -rn | head -25
fi
[ "$DB" = mariadb ] && sql -e 'DROP DATABASE intake_bench'
echo "[bench] files and logs kept in $WORK" >&2
