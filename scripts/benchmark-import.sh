#!/usr/bin/env bash
# CSV import of completed QPR-15 responses against PostgreSQL COPY of the same rows into a bare table,
# in the same run on the same (embedded) server. Prints rows per second for both.
# Arguments: [rows, default 1000000] [people, default 10000] [repeats, default 3].
# Set MAVEN_OFFLINE= (empty) to let Maven download; by default it works from the local repository.
set -euo pipefail
cd "$(dirname "$0")/.."
offline="${MAVEN_OFFLINE--o}"
./mvnw -B -q $offline test-compile
classpath="$(./mvnw -B -q $offline dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
exec java -Xmx2g -cp "target/test-classes:target/classes:${classpath}" org.refocus.measures.ResponseImportBenchmark "$@"
