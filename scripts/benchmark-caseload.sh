#!/usr/bin/env bash
# HTTP load on the caseload page with 100,000 generated people, on loopback only.
# Builds the jar when missing, uses a throw-away data directory, and prints wrk's numbers,
# start-up time and resident memory. Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
TEAMS=${TEAMS:-1000}
PEOPLE=${PEOPLE:-100000}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-16}
export REFOCUS_DEMO_PASSWORD=${REFOCUS_DEMO_PASSWORD:-benchmark-password-1}
export REFOCUS_DATA_DIR=$(mktemp -d /tmp/refocus-bench.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
[ -f target/refocus.jar ] || ./mvnw -B -q -ntp -DskipTests package
cp target/refocus.jar "$REFOCUS_DATA_DIR/refocus.jar"
jar="$REFOCUS_DATA_DIR/refocus.jar"

java -jar "$jar" --server.port=$PORT > "$REFOCUS_DATA_DIR/first-start.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.5; done
kill $pid; wait $pid 2>/dev/null || true

java -jar "$jar" generate --teams "$TEAMS" --people "$PEOPLE" --seed 1 2>/dev/null | tail -1

start=$(date +%s.%N)
java -jar "$jar" --server.port=$PORT > "$REFOCUS_DATA_DIR/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$REFOCUS_DATA_DIR"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.2; done
echo "Start-up to healthy: $(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $start}") s ($(grep -o 'Started RefocusApplication in [0-9.]* seconds' "$REFOCUS_DATA_DIR/app.log"))"
echo "Resident memory after start: $(( $(ps -o rss= -p $pid) / 1024 )) MB"

cookies=$(mktemp)
token=$(curl -s -c "$cookies" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
# A generated team leader: their team has PEOPLE/TEAMS people, paged 25 at a time.
curl -s -b "$cookies" -c "$cookies" -o /dev/null -d "username=gen2-t500-lead&password=$REFOCUS_DEMO_PASSWORD&_csrf=$token" "http://127.0.0.1:$PORT/login"
session=$(awk '$6 == "SESSION" {print $7}' "$cookies")
url="http://127.0.0.1:$PORT/caseload?scope=TEAM"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$session" "$url")" = 200 ] || { echo "sign-in failed" >&2; exit 1; }
wrk -t2 -c"$CONNECTIONS" -d10s -H "Cookie: SESSION=$session" "$url" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: SESSION=$session" "$url"
echo "Resident memory after load: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
