#!/usr/bin/env bash
# Intake benchmark: imports a generated summary-table workbook of ROWS rows (default 50,000) into the
# embedded H2 registry of 5,000 demo people and prints rows per second and the peak heap.
#   bench/intake.sh [ROWS]        JAVA_OPTS for the forked test JVM (default -Xmx1g)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-50000}"
./mvnw -q -B test -Dtest=IntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true \
  -DargLine="${JAVA_OPTS:--Xmx1g} -Dbench=true -Dbench.rows=$ROWS" 2>&1 | grep -E "ceprint intake|ERROR|FAIL" || true
