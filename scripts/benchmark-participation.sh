#!/usr/bin/env bash
# Times the organisation-wide participation table on synthetic data made by the generate command:
# by default 1,000 teams and 100,000 people, each team with a running programme, delivered sessions,
# attendance, a recovery statement, a Partnership Project with milestones and resource offers.
# Usage: scripts/benchmark-participation.sh [teams] [people] [runs]
# Set MAVEN_OFFLINE= (empty) to let Maven download; by default it works from the local repository.
set -euo pipefail
cd "$(dirname "$0")/.."
offline="${MAVEN_OFFLINE--o}"
./mvnw -B -q $offline test-compile
classpath="$(./mvnw -B -q $offline dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
exec java -cp "target/test-classes:target/classes:${classpath}" org.refocus.programme.ParticipationBenchmark "$@"
