#!/usr/bin/env bash
# The API benchmark (issue 4): starts Waypoint on a fresh embedded Derby with the demo data, signs in
# as the demo caseworker, and measures with wrk, in one run, (a) a trivial GET, /health/live, (b)
# referral submission: a fresh client, a draft, consent and submit, four requests a submission,
# and (c) a signed-in GET /api/v1/me, the cheapest call of the API itself (bearer token, JAX-RS,
# JSON). Prints requests/s, p50 and p99 of each, the ratios to (a) and (c), and the peak RSS.
# The JIT compiles some 35,000 methods before the figures settle: two minutes of this load on a fast
# 2-core machine, five on a slow one. So submissions run first, unmeasured, in 30-second rounds
# until a round compiles fewer than SETTLED methods (at least two minutes, at most WARMUP_MAX), then
# the trivial GET for ten seconds.
# Usage: bench/api.sh [--no-build]   (env: PORT=8090 DURATION=20s CONNECTIONS=16 WARMUP_MAX=420 SETTLED=250)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8090}
duration=${DURATION:-20s}
warmup_max=${WARMUP_MAX:-420}
settled=${SETTLED:-250}
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

compiled() { jstat -compiler "$java_pid" | awk 'NR == 2 {print $1}'; }
echo "== warm-up: submissions until the JIT settles (a 30s round compiling under $settled methods), then 10s of the trivial GET"
warmed=0
while (( warmed < warmup_max )); do
    before=$(compiled)
    WAYPOINT_TOKEN="$token" WAYPOINT_SERVICE="$service" wrk -t"$connections" -c"$connections" -d30s -s bench/submit.lua "$base" > /dev/null
    warmed=$((warmed + 30))
    fresh=$(( $(compiled) - before ))
    echo "   ${warmed}s: $fresh methods compiled in the last round"
    (( warmed >= 120 && fresh < settled )) && break
done
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
