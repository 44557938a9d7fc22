#!/usr/bin/env bash
# HTTP load test of the recovery-plan page with wrk on loopback (a benchmark, not a test).
#
#   scripts/benchmark-recovery-plan.sh [people] [duration] [connections]
#
# 1. Builds target/refocus.jar unless it exists (REBUILD=1 forces it).
# 2. In a fresh temporary data directory: starts the application once so that the demo data is created
#    (Sam Example's full recovery plan among it), stops it, then generates synthetic volume
#    (people/100 teams, `people` people, a quarter of them with a plan) and reports how long that took.
# 3. Starts the application again, signs in as the demo care coordinator with curl (session cookie and
#    CSRF token), and runs wrk against Sam's plan page. Prints requests/s and latency percentiles.
#
# Every request is a full page: reach check, a dozen plan queries, an audit row and a "last looked"
# update, and the Thymeleaf render. Needs wrk (apt-get install -y wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

PEOPLE="${1:-100000}"
DURATION="${2:-30s}"
CONNECTIONS="${3:-16}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18080}"
TEAMS="$(( PEOPLE / 100 > 0 ? PEOPLE / 100 : 1 ))"
PASSWORD="benchmark-only-password"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 2; }
if [[ ! -f target/refocus.jar || "${REBUILD:-0}" == 1 ]]; then
    ./mvnw -B -q -o -DskipTests package
fi

DATA="$(mktemp -d /tmp/refocus-benchmark.XXXXXX)"
COOKIES="$DATA/cookies.txt"
LOG="$DATA/app.log"
APP=""
export REFOCUS_DATA_DIR="$DATA/db" REFOCUS_DEMO_PASSWORD="$PASSWORD"
cleanup() {
    if [[ -n "$APP" ]] && kill -0 "$APP" 2>/dev/null; then kill "$APP"; wait "$APP" 2>/dev/null || true; fi
    rm -rf "$DATA"
}
trap cleanup EXIT

start() {
    java -Xmx1g -jar target/refocus.jar --server.port="$PORT" >"$LOG" 2>&1 &
    APP=$!
    for _ in $(seq 1 120); do
        if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then return; fi
        if ! kill -0 "$APP" 2>/dev/null; then cat "$LOG" >&2; exit 1; fi
        sleep 1
    done
    echo "The application did not start; see $LOG" >&2
    exit 1
}
stop() {
    kill "$APP"
    wait "$APP" 2>/dev/null || true
    APP=""
}

echo "Creating the demo data in $DATA ..."
start
stop
echo "Generating $PEOPLE people in $TEAMS teams ..."
/usr/bin/time -f "generate: %e s elapsed, %M KB peak" java -jar target/refocus.jar generate \
    --teams "$TEAMS" --people "$PEOPLE" --seed 1
start

base="http://127.0.0.1:$PORT"
token="$(curl -fs -c "$COOKIES" -b "$COOKIES" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)"
curl -fs -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "username=coordinator" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$base/login"
session="$(awk '$6 == "SESSION" { print $7 }' "$COOKIES")"
sam="$(curl -fs -b "$COOKIES" "$base/api/v1/people?q=Sam%20Example&scope=TEAM" | sed -n 's/.*"items":\[{"id":\([0-9]*\).*/\1/p')"
url="$base/people/$sam/plan"
status="$(curl -s -o /dev/null -w '%{http_code}' -b "SESSION=$session" "$url")"
if [[ "$status" != 200 ]]; then echo "Could not open $url as the coordinator (HTTP $status)" >&2; exit 1; fi
bytes="$(curl -s -b "SESSION=$session" "$url" | wc -c)"
echo "Benchmarking $url ($bytes bytes) for $DURATION with $CONNECTIONS connections on $THREADS threads"

echo "Warming up for 10 s ..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H "Cookie: SESSION=$session" "$url" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: SESSION=$session" "$url"
