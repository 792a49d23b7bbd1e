#!/usr/bin/env bash
# The page benchmark (issue 6): starts Waypoint on a fresh embedded Derby with the demo data, makes
# REFERRALS referrals through the API (bench/submit.lua), then signs in with a browser session as the
# demo caseworker and the demo service worker and measures, one request at a time so that latency
# is the server's time, the caseworker's dashboard and the service's inbox (first page, 25 rows).
# Usage: bench/pages.sh [--no-build]   (env: PORT=8090 REFERRALS=10000 DURATION=20s)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8090}
wanted=${REFERRALS:-10000}
duration=${DURATION:-20s}
. bench/server.sh

count() {
    curl -s -H "Authorization: Bearer $token" "$base/api/v1/referrals?size=1" | sed 's/.*"total":\([0-9]*\).*/\1/'
}

echo "== making $wanted referrals through the API"
while (( $(count) < wanted )); do
    WAYPOINT_TOKEN="$token" WAYPOINT_SERVICE="$service" wrk -t8 -c8 -d30s -s bench/submit.lua "$base" > /dev/null
    echo "   $(count) referrals"
done

# Every submission queued e-mails; let the outbox finish writing them (to the pickup folder) first,
# so that its work does not share the two cores with the pages being measured.
echo "== waiting for the outbox to drain"
previous=-1
while true; do
    sent=$(find "$data/mail" -name '*.eml' 2>/dev/null | wc -l)
    [[ "$sent" == "$previous" ]] && break
    previous=$sent
    sleep 10
done
echo "   $sent e-mails written"

# Signs in through the sign-in page as a browser would (form token, view state) and prints the session cookie.
session_cookie() {
    local jar="$data/jar-$1" page csrf state
    page=$(curl -s -c "$jar" -b "$jar" "$base/sign-in")
    csrf=$(grep -o 'name="csrf" value="[^"]*"' <<< "$page" | head -n 1 | sed 's/.*value="//;s/"//')
    state=$(grep -o 'ViewState:0" value="[^"]*"' <<< "$page" | sed 's/.*value="//;s/"//')
    curl -s -o /dev/null -c "$jar" -b "$jar" "$base/sign-in" --data-urlencode "sign-in=sign-in" \
        --data-urlencode "csrf=$csrf" --data-urlencode "email=$1" --data-urlencode "password=Demo-Password-1" \
        --data-urlencode "sign-in-button=Sign in" --data-urlencode "jakarta.faces.ViewState=$state"
    echo "waypoint_session=$(awk '$6 == "waypoint_session" {print $7}' "$jar")"
}

for who in caseworker staff; do
    cookie=$(session_cookie "$who@example.org")
    [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/referrals")" == 200 ]] \
        || { echo "could not sign in as $who" >&2; exit 1; }
    WAYPOINT_COOKIE="$cookie" wrk -t1 -c1 -d5s -s bench/percentile.lua "$base/referrals" > /dev/null
    echo "== $who: GET /referrals, one connection, $duration"
    WAYPOINT_COOKIE="$cookie" wrk -t1 -c1 -d"$duration" -s bench/percentile.lua "$base/referrals" | tail -n 1
done
