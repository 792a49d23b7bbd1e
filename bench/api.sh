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
# Then webhooks (issue 15), to a local receiver (bench/WebhookReceiver.java) subscribed for the demo
# caseworker's organisation: with one subscription, a submission every half second (light load) for
# WEBHOOK_LIGHT submissions, and the p95 from the change (the event's time) to the receiver; then
# with WEBHOOK_SUBSCRIPTIONS subscriptions, WEBHOOK_SUBMISSIONS submissions each queue one delivery
# per subscription, and the deliveries/s drained is counted from the first arrival to the last.
# Usage: bench/api.sh [--no-build]   (env: PORT=8090 DURATION=20s CONNECTIONS=16 ROUNDS=3 WARMUP_MAX=420 SETTLED=250
#        WEBHOOKS_ONLY=1 to measure the webhooks alone, WEBHOOK_LIGHT=40 WEBHOOK_SUBSCRIPTIONS=500
#        WEBHOOK_SUBMISSIONS=10; READY_WAIT=120 seconds for the server to start)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8090}
duration=${DURATION:-20s}
warmup_max=${WARMUP_MAX:-420}
settled=${SETTLED:-250}
connections=${CONNECTIONS:-16}
rounds=${ROUNDS:-3}
# the receiver is on loopback, over plain http: allowed for this run only
export WAYPOINT_WEBHOOKS_ALLOW_HTTP=true WAYPOINT_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true
. bench/server.sh
sample_peak_rss 1 &
sampler=$!

# One submission as bench/submit.lua makes it: a client, a draft, consent, submit.
created() { curl -s -D - -o /dev/null -X POST "$base$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$2" | tr -d '\r' | sed -n 's|^[Ll]ocation: .*/||p'; }
submit_one() {
    local client referral
    client=$(created /api/v1/clients '{"givenName":"Light","familyName":"Load","dateOfBirth":"1990-01-01","gender":"NOT_SAID"}')
    referral=$(created /api/v1/referrals "{\"clientId\":\"$client\",\"serviceId\":\"$service\",\"needs\":{\"needs\":[\"COUNSELLING\"],\"riskLevel\":\"STANDARD\",\"urgency\":\"ROUTINE\"}}")
    curl -s -o /dev/null -X POST "$base/api/v1/referrals/$referral/consent" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d '{"basis":"GIVEN_BY_PERSON","shareContactDetails":true,"shareCaseDetails":true,"method":"IN_PERSON"}'
    curl -s -o /dev/null -X POST "$base/api/v1/referrals/$referral/submit" -H "Authorization: Bearer $token"
}

webhooks() {
    local receiver_port=$((port + 1)) arrivals="$data/webhook-arrivals.txt" admin referrer lines
    local subscriptions=${WEBHOOK_SUBSCRIPTIONS:-500} submissions=${WEBHOOK_SUBMISSIONS:-10}
    java bench/WebhookReceiver.java "$receiver_port" "$arrivals" & receiver=$!
    trap 'kill "$receiver" 2>/dev/null || true; stop' EXIT
    for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$receiver_port/" -d '{}' && break; sleep 0.2; done
    admin=$(bench/admin-token.sh "$base" "$data/admin")
    referrer=$(curl -s "$base/api/v1/me" -H "Authorization: Bearer $token" | sed 's/.*"organisationId":"\([^"]*\)".*/\1/')
    subscribe() {
        curl -s -X POST "$base/api/v1/webhooks" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
            -d "{\"organisationId\":\"$referrer\",\"url\":\"http://127.0.0.1:$receiver_port/hook/$1\",\"events\":[\"REFERRAL_SUBMITTED\"]}" \
            | grep -q '"secret":"whsec_' || { echo "could not subscribe"; exit 1; }
    }
    quiet() { lines=-1; while [[ "$(wc -l < "$arrivals")" != "$lines" ]]; do lines=$(wc -l < "$arrivals"); sleep 3; done; }

    subscribe 0
    : > "$arrivals"
    echo "== webhooks at light load: one subscription, a submission every 0.5 s, ${WEBHOOK_LIGHT:-40} submissions"
    for _ in $(seq 1 "${WEBHOOK_LIGHT:-40}"); do
        submit_one
        sleep 0.5
    done
    quiet
    awk '{print $1 - $2}' "$arrivals" | sort -n | awk '{v[NR] = $1} END {i = int(NR * 0.95 + 0.999); if (i < 1) i = 1;
        printf "   %d deliveries: change-to-arrival p50 %d ms, p95 %d ms, max %d ms\n", NR, v[int(NR * 0.5 + 0.999)], v[i], v[NR]}' \
        | tee "$data/webhook-latency.txt"

    for i in $(seq 2 "$subscriptions"); do subscribe "$i"; done
    : > "$arrivals"
    echo "== webhooks drained: $subscriptions subscriptions; $submissions submissions one after another, each queuing $subscriptions deliveries"
    for _ in $(seq 1 "$submissions"); do submit_one; done
    quiet
    awk 'NR == 1 || $1 < first {first = $1} $1 > last {last = $1} END {printf "   %d deliveries in %.1f s from the first to the last: %.0f deliveries/s\n", NR, (last - first) / 1000, NR / ((last - first) / 1000)}' "$arrivals" \
        | tee "$data/webhook-drain.txt"
    kill "$receiver" 2>/dev/null || true
}

if [[ -n "${WEBHOOKS_ONLY:-}" ]]; then
    webhooks
    exit 0
fi

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
echo "peak RSS:        $(peak_rss_mb) MB"
webhooks
