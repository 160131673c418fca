#!/usr/bin/env bash
# Class-data sharing for the command line on JDK 17: extracts the jar into DIR (a plain class path,
# which CDS needs: classes of the nested jars of `java -jar ceprint.jar` cannot be archived) and
# records the classes that a short demo loads into DIR/ceprint.jsa. Then run any command as
#   java -XX:SharedArchiveFile=DIR/ceprint.jsa -jar DIR/ceprint.jar <command> [options]
#   bash bench/cds.sh [JAR] [DIR]        defaults target/ceprint.jar and target/cds
# Make it again after every build: the archive is valid only for the jars it was made from (the JVM
# then says so and runs without it).
set -euo pipefail
JAR="$(realpath "${1:-target/ceprint.jar}")"
DIR="${2:-target/cds}"
rm -rf "$DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" > /dev/null
DIR="$(realpath "$DIR")"
[ "$(basename "$JAR")" = ceprint.jar ] || mv "$DIR/$(basename "$JAR")" "$DIR/ceprint.jar"
TRAINING="$(mktemp -d /tmp/ceprint-cds.XXXXXX)"
trap 'rm -rf "$TRAINING"' EXIT
echo "[cds] training run: demo of 5 people in $TRAINING, classes recorded into $DIR/ceprint.jsa" >&2
(cd "$TRAINING" && java -XX:ArchiveClassesAtExit="$DIR/ceprint.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$DIR/ceprint.jar" demo --people 5 --no-serve > training.log 2>&1) \
  || { cat "$TRAINING/training.log" >&2; exit 1; }
echo "[cds] done: java -XX:SharedArchiveFile=$DIR/ceprint.jsa -jar $DIR/ceprint.jar <command>" >&2
