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
# Usage: bench/api.sh [--no-build]   (env: PORT=8090 DURATION=20s CONNECTIONS=16 ROUNDS=3 WARMUP_MAX=420 SETTLED=250)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8090}
duration=${DURATION:-20s}
warmup_max=${WARMUP_MAX:-420}
settled=${SETTLED:-250}
connections=${CONNECTIONS:-16}
rounds=${ROUNDS:-3}
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

# One 20-second run moves by a fifth from one minute to the next on a shared 2-core machine, so the
# three loads run in turn ROUNDS times, and each figure is the median of its rounds (the ratios are
# the medians of each round's own ratio); the worst p99 of the rounds is shown beside it.
for round in $(seq 1 "$rounds"); do
    echo "== round $round of $rounds: (a) trivial GET /health/live, (b) submission (client + draft + consent + submit), (c) GET /api/v1/me; $connections connections, $duration each"
    wrk -t2 -c"$connections" -d"$duration" --latency "$base/health/live" > "$data/trivial.$round.txt"
    WAYPOINT_TOKEN="$token" WAYPOINT_SERVICE="$service" \
        wrk -t"$connections" -c"$connections" -d"$duration" --latency -s bench/submit.lua "$base" > "$data/submit.$round.txt"
    wrk -t2 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$base/api/v1/me" > "$data/me.$round.txt"
    grep -h "Requests/sec\|errors (status)" "$data/trivial.$round.txt" "$data/submit.$round.txt" "$data/me.$round.txt" | sed 's/^/   /'
done

kill "$sampler" 2>/dev/null || true
# Per round: requests/s, p50 and p99 in ms (wrk writes us, ms or s).
figures() {
    for round in $(seq 1 "$rounds"); do
        awk '/Requests\/sec/ {rps=$2}
             function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
             $1=="50%" {p50=ms($2)} $1=="99%" {p99=ms($2)}
             END {print rps, p50, p99}' "$data/$1.$round.txt"
    done
}
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
column_median() { figures "$1" | awk -v c="$2" '{print $c}' | median; }
summary() {
    printf "%s requests/s, p50 %.1f ms, p99 %.1f ms (worst round %.1f ms)" "$(column_median "$1" 1)" \
        "$(column_median "$1" 2)" "$(column_median "$1" 3)" "$(figures "$1" | awk '{print $3}' | sort -g | tail -n 1)"
}
ratio() { paste <(figures "$1") <(figures "$2") | awk -v d="$3" '{print $1/$4/d}' | median; }
echo "== summary: the median of $rounds rounds"
echo "(a) trivial:     $(summary trivial)"
echo "(b) submission:  $(summary submit), $(column_median submit 1 | awk '{printf "%.1f", $1/4}') submissions/s"
echo "(c) /api/v1/me:  $(summary me)"
printf "ratio:           %.2f (submission requests / trivial), %.2f (submission requests / me), %.2f (whole submissions / trivial)\n" \
    "$(ratio submit trivial 1)" "$(ratio submit me 1)" "$(ratio submit trivial 4)"
echo "peak RSS:        $(( $(cat "$data/peak_rss" 2>/dev/null || echo 0) / 1024 )) MB"
