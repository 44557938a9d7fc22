#!/usr/bin/env bash
# Runs the JMH scoring benchmark (QPR-15 and INSPIRE) and prints operations per second.
# Extra arguments go to JMH, e.g. scripts/benchmark-scoring.sh -prof gc
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -o test-compile
classpath="$(./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
exec java -cp "target/test-classes:target/classes:${classpath}" org.openjdk.jmh.Main ScoringBenchmark \
    -f 1 -wi 2 -i 3 "$@"
