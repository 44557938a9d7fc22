#!/usr/bin/env bash
# Times the random-intercept model on 500,000 rows in 2,000 clusters with JMH.
# Extra arguments go to JMH, e.g. scripts/benchmark-statistics.sh -wi 5 -i 10.
# Set MAVEN_OFFLINE= (empty) to let Maven download; by default it works from the local repository.
set -euo pipefail
cd "$(dirname "$0")/.."
offline="${MAVEN_OFFLINE--o}"
./mvnw -B -q $offline test-compile
classpath="$(./mvnw -B -q $offline dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
# One core, as the target is stated; taskset is used where the machine has it.
pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c 0)
fi
exec "${pin[@]}" java -cp "target/test-classes:target/classes:${classpath}" org.openjdk.jmh.Main \
  LinearMixedModelBenchmark -f 1 -wi 2 -i 3 "$@"
