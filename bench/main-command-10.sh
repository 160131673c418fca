#!/usr/bin/env bash
# The README's main command, ten times, each in a fresh clone, as a new user runs it: build,
# then `java -jar target/ceprint.jar demo --no-serve` at its default size (2,000 people),
# checked by .ci/check-demo-folder. Prints each outcome and the count.
#   bench/main-command-10.sh [RUNS]      RUNS clones (default 10)
# Environment: LOAD=1 keeps a `./mvnw -B verify` of another clone running the whole time, as a
#              second CPU-heavy process on the same two cores.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
RUNS="${1:-10}"
WORK="$(mktemp -d /tmp/ceprint-main-command.XXXXXX)"
echo "[main-command] $RUNS fresh clones of $(git rev-parse --short HEAD) in $WORK" >&2

load_pid=
if [ "${LOAD:-0}" = 1 ]; then
  git clone -q "$REPO" "$WORK/load"
  # a session of its own, so that the whole loop (mvnw, its JVMs) stops with one kill
  setsid bash -c 'cd "$1" && while true; do ./mvnw -B -q verify > "$2" 2>&1; done' load "$WORK/load" "$WORK/load.log" &
  load_pid=$!
  echo "[main-command] load: ./mvnw -B verify running in a loop (pid $load_pid)" >&2
fi

completed=0
for run in $(seq 1 "$RUNS"); do
  clone="$WORK/clone-$run"
  git clone -q "$REPO" "$clone"
  started=$(date +%s)
  (cd "$clone" && ./mvnw -B -q -DskipTests package && java -jar target/ceprint.jar demo --no-serve) \
    > "$WORK/run-$run.log" 2>&1
  code=$?
  seconds=$(($(date +%s) - started))
  if [ $code -eq 0 ] && .ci/check-demo-folder "$clone" 2000 "$WORK/run-$run.log" > "$WORK/check-$run.log" 2>&1; then
    completed=$((completed + 1))
    echo "run $run: complete in ${seconds} s ($(tail -n 1 "$WORK/check-$run.log"))"
  else
    echo "run $run: FAILED (exit $code) in ${seconds} s: $(grep -m1 -E '打印批次未完成|\[check\]' "$WORK/run-$run.log" "$WORK/check-$run.log" | head -n 1)"
  fi
  rm -rf "$clone/target" "$clone/data"
done

if [ -n "$load_pid" ]; then
  kill -- "-$load_pid" 2>/dev/null
fi
echo "main command completed $completed of $RUNS times (logs in $WORK)"
[ "$completed" -eq "$RUNS" ]
