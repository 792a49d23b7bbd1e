#!/usr/bin/env bash
# The API benchmark (issue 4): starts Waypoint on a fresh embedded Derby with the demo data, signs in
# as the demo caseworker, and measures with wrk, in one run, (a) a trivial GET, /health/live, (b)
# referral submission: a fresh client, a draft, consent and submit, four requests a submission,
# and (c) a signed-in GET /api/v1/me, the cheapest call of the API itself (bearer token, JAX-RS,
# JSON). Prints requests/s, p50 and p99 of each, the ratios to (a) and (c), and the peak RSS.
# The JIT needs about two minutes of this load before the figures settle (from ~200 to ~1,200
# submission requests/s on the 2-core machine), so both loads run for WARMUP first, unmeasured.
# Usage: bench/api.sh [--no-build]   (env: PORT=8090 DURATION=20s CONNECTIONS=16 WARMUP=120s)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8090}
duration=${DURATION:-20s}
warmup=${WARMUP:-120s}
connections=${CONNECTIONS:-16}
. bench/server.sh
java_pid=$(pgrep -f "payara-micro.jar.*--port $port" | head -n 1)

peak_rss=0
sample_rss() {
    while kill -0 "$java_pid" 2>/dev/null; do
        rss=$(ps -o rss= -p "$java_pid" | tr -d ' ')
        [[ -n "$rss" && "$rss" -gt "$peak_rss" ]] && peak_rss=$rss && echo "$peak_rss" > "$data/peak_rss"
        sleep 1
    done
}
sample_rss &
sampler=$!

echo "== warm-up, $warmup of submissions, then 10s of the trivial GET"
WAYPOINT_TOKEN="$token" WAYPOINT_SERVICE="$service" wrk -t"$connections" -c"$connections" -d"$warmup" -s bench/submit.lua "$base" > /dev/null
wrk -t2 -c"$connections" -d10s "$base/health/live" > /dev/null

echo "== (a) trivial GET /health/live, $connections connections, $duration"
wrk -t2 -c"$connections" -d"$duration" --latency "$base/health/live" | tee "$data/trivial.txt"
echo "== (b) submission (client + draft + consent + submit), $connections connections, $duration"
WAYPOINT_TOKEN="$token" WAYPOINT_SERVICE="$service" \
    wrk -t"$connections" -c"$connections" -d"$duration" --latency -s bench/submit.lua "$base" | tee "$data/submit.txt"

echo "== (c) signed-in GET /api/v1/me, $connections connections, $duration"
wrk -t2 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$base/api/v1/me" | tee "$data/me.txt"

kill "$sampler" 2>/dev/null || true
rps() { awk '/Requests\/sec/ {print $2}' "$data/$1.txt"; }
latency() { echo "p50 $(awk '$1=="50%" {print $2}' "$data/$1.txt"), p99 $(awk '$1=="99%" {print $2}' "$data/$1.txt")"; }
ratio() { awk -v s="$1" -v t="$2" 'BEGIN {printf "%.2f", s/t}'; }
trivial_rps=$(rps trivial)
submit_rps=$(rps submit)
me_rps=$(rps me)
echo "== summary"
echo "(a) trivial:     $trivial_rps requests/s, $(latency trivial)"
echo "(b) submission:  $submit_rps requests/s = $(awk -v r="$submit_rps" 'BEGIN {printf "%.1f", r/4}') submissions/s, per request $(latency submit)"
echo "(c) /api/v1/me:  $me_rps requests/s, $(latency me)"
echo "ratio:           $(ratio "$submit_rps" "$trivial_rps") (submission requests / trivial), $(ratio "$submit_rps" "$me_rps") (submission requests / me), $(awk -v s="$submit_rps" -v t="$trivial_rps" 'BEGIN {printf "%.2f", s/4/t}') (whole submissions / trivial)"
echo "peak RSS:    $(( $(cat "$data/peak_rss" 2>/dev/null || echo 0) / 1024 )) MB"
