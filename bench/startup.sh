#!/usr/bin/env bash
# Start-up benchmark of the command line: wall-clock and CPU seconds (user + sys, which a loaded
# machine inflates less), median of RUNS runs (default 5), of
#   --help                      picocli alone
#   print --bogus               a refused option (exit code 2)
#   verify FILE                 the QR code of a certificate printed by the demo, checked online
#   import FILE.csv             a summary table of one row (a new row every run)
#   nosuchcommand               an unknown top-level command (exit code 2): the reference, the
#                               JVM and the launcher with the least ceprint can do
# for each jar given, the runs of the jars interleaved so that they share the machine's load.
#   bash bench/startup.sh [JAR ...]       default target/ceprint.jar bin/ceprint; RUNS=5, JAVA_OPTS for every run
# With BENCH_RESULTS set, appends one line per command and launcher to that file:
#   what | median wall and CPU | the unknown command's wall in the same go | — | goal | met (wall)
# the goals of issue 19: --help and a refused option under 1 s, verify FILE under 2 s.
# Instead of a jar, bin/ceprint runs the launcher (its JVM options for short commands, and the
# CDS archive of bench/cds.sh when there is one), bin/ceprint:nocds the launcher without it.
# A jar named …/ceprint.jar inside a folder that also holds ceprint.jsa (bench/cds.sh makes both)
# runs with that class-data sharing archive.
# Setup (not measured): a demo registry of 30 people printed with the first jar, in a temporary
# folder that every jar then shares.
set -euo pipefail
[ -z "${BENCH_RESULTS:-}" ] || BENCH_RESULTS="$(realpath -m "$BENCH_RESULTS")"
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
RUNS="${RUNS:-5}"
JARS=("$@")
[ ${#JARS[@]} -gt 0 ] || JARS=(target/ceprint.jar bin/ceprint)
for i in "${!JARS[@]}"; do
  suffix=""
  [[ "${JARS[$i]}" == *:nocds ]] && { suffix=":nocds"; JARS[$i]="${JARS[$i]%:nocds}"; }
  JARS[$i]="$(realpath "${JARS[$i]}")$suffix"
  [ -s "${JARS[$i]%:nocds}" ] || { echo "no jar at ${JARS[$i]}" >&2; exit 2; }
done
WORK="$(mktemp -d /tmp/ceprint-startup-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
ARGS=(--ceprint.data-dir="$WORK/data" --ceprint.printing.output-dir="$WORK/print-batches")

# java options of one jar: its CDS archive when one lies beside it
java_of() {
  local archive
  archive="$(dirname "$1")/ceprint.jsa"
  if [ -s "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive -Xshare:auto"
  fi
}

# a launcher prepares its class-data sharing archive on its first command after a build: before
# the measured runs
for jar in "${JARS[@]}"; do
  if [[ "$jar" != *.jar && "$jar" != *:nocds ]]; then
    "$jar" --help > /dev/null
  fi
done
echo "[bench] setup: demo registry of 30 people, printed (not measured)" >&2
java -jar "${JARS[0]}" demo --people 30 --no-serve "${ARGS[@]}" > setup.log 2>&1 \
  || { cat setup.log >&2; exit 1; }
FOLDER=$(ls -d "$WORK"/print-batches/*/)
PDF="$FOLDER$(awk -F, '$2 == "CERTIFICATE" && $4 == "1" { print $3; exit }' "$FOLDER/manifest.csv")"

# a unit's credit code and one of its people, read from the embedded database with H2's shell
unzip -p "${JARS[0]}" 'BOOT-INF/lib/h2-*.jar' > h2.jar
sql() {
  java -cp h2.jar org.h2.tools.Shell -user sa -password "" \
    -url "jdbc:h2:file:$WORK/data/ceprint;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE" \
    -sql "$1" | sed -n 2p | sed 's/ *| */,/g; s/^ *//; s/ *$//'
}
BODY=$(sql "SELECT MIN(credit_code) FROM organisation WHERE kind = 'UNIT'")
PERSON=$(sql "SELECT name, id_number FROM person ORDER BY id LIMIT 1")
[ -n "$BODY" ] && [ -n "$PERSON" ] || { echo "no unit or person in the demo registry" >&2; exit 1; }

# one summary table of one row per run: a new project name each time, so every run stores a row
workbook() {
  printf '%s\r\n' "专业技术人员继续教育情况登记汇总表,,," "报送单位统一社会信用代码,$BODY" \
    "姓名,身份证件号码,项目名称,学习内容,学习形式,科目类别,开始日期,结束日期,学时,考试考核成绩,继续教育成果" \
    "$PERSON,启动测试第$1期,内容,面授培训,专业科目,2026-03-05,2026-03-06,8,合格," > "$WORK/one-row-$1.csv"
  echo "$WORK/one-row-$1.csv"
}

CASES=(help bogus verify import unknown)
declare -A EXPECTED=([help]=0 [bogus]=2 [verify]=0 [import]=0 [unknown]=2)
declare -A TIMES CPU
TIMEFORMAT='%R %U %S'
run_case() { # jar-index case run
  local jar="${JARS[$1]}" args
  case "$2" in
    help) args=(--help) ;;
    bogus) args=(print --bogus) ;;
    unknown) args=(nosuchcommand) ;;
    verify) args=(verify "$PDF" "${ARGS[@]}") ;;
    import) args=(import "$(workbook "$1-$3")" "${ARGS[@]}") ;;
  esac
  local code=0 wall cpu
  # shellcheck disable=SC2046
  if [[ "$jar" == *.jar ]]; then
    { time java ${JAVA_OPTS:-} $(java_of "$jar") -jar "$jar" "${args[@]}" > "out-$1-$2-$3.log" 2>&1 || code=$?; } 2> time.txt
  else
    # the launcher, with or without its archive
    { time env CEPRINT_CDS="$([[ "$jar" == *:nocds ]] && echo off || echo auto)" "${jar%:nocds}" "${args[@]}" \
      > "out-$1-$2-$3.log" 2>&1 || code=$?; } 2> time.txt
  fi
  read -r wall cpu < <(awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' time.txt)
  if [ "$code" != "${EXPECTED[$2]}" ]; then
    echo "[bench] $2 with $jar: exit code $code, expected ${EXPECTED[$2]}:" >&2
    cat "out-$1-$2-$3.log" >&2
    exit 1
  fi
  TIMES[$1,$2]+="$wall "
  CPU[$1,$2]+="$cpu "
}

for run in $(seq 1 "$RUNS"); do
  echo "[bench] run $run of $RUNS" >&2
  for c in "${CASES[@]}"; do
    for i in "${!JARS[@]}"; do
      run_case "$i" "$c" "$run"
    done
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m / 1000 }'; }
echo
echo "Median wall-clock seconds of $RUNS runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
for i in "${!JARS[@]}"; do
  echo
  echo "${JARS[$i]}$( [ -n "$(java_of "${JARS[$i]}")" ] && echo " (with its CDS archive)")"
  echo "| command | wall-clock s (median) | CPU s, user + sys (median) | wall-clock of each run, ms |"
  echo "|---|---|---|---|"
  for c in "${CASES[@]}"; do
    case "$c" in
      help) label='`--help`' ;;
      bogus) label='`print --bogus` (refused)' ;;
      verify) label='`verify FILE` (a printed certificate)' ;;
      import) label='`import FILE` (one row)' ;;
      unknown) label='`nosuchcommand` (unknown, refused)' ;;
    esac
    echo "| $label | $(echo "${TIMES[$i,$c]}" | median) | $(echo "${CPU[$i,$c]}" | median) | ${TIMES[$i,$c]}|"
  done
done

# one line per command and launcher for bench/all.sh
if [ -n "${BENCH_RESULTS:-}" ]; then
  for i in "${!JARS[@]}"; do
    case "${JARS[$i]}" in
      "$ROOT/bin/ceprint:nocds") launcher="bin/ceprint, CEPRINT_CDS=off" ;;
      "$ROOT/bin/ceprint") launcher="bin/ceprint" ;;
      */bin/ceprint*) launcher="${JARS[$i]}" ;;
      "$ROOT/target/ceprint.jar") launcher="java -jar" ;;
      *) launcher="java -jar ${JARS[$i]}" ;;
    esac
    reference="$(echo "${TIMES[$i,unknown]}" | median)"
    for c in help bogus verify import; do
      case "$c" in
        help) what='--help'; goal=1 ;;
        bogus) what='print --bogus'; goal=1 ;;
        verify) what='verify FILE'; goal=2 ;;
        import) what='import FILE (one row)'; goal="" ;;
      esac
      wall="$(echo "${TIMES[$i,$c]}" | median)"
      if [ -n "$goal" ]; then
        met="$(awk -v w="$wall" -v g="$goal" 'BEGIN { print (w < g) ? "yes" : "no" }')"
        goal="<${goal} s"
      else
        met="—"; goal="—"
      fi
      echo "start-up, $what, cold JVM ($launcher) | $wall s wall, $(echo "${CPU[$i,$c]}" | median) s CPU | unknown top-level command $reference s | — | $goal | $met" >> "$BENCH_RESULTS"
    done
  done
fi
