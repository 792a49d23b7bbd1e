# Sourced by the wrk benchmarks: builds unless --no-build is the first argument, starts Waypoint on
# a fresh embedded Derby with the demo data at $PORT, stops it and removes the data on exit.
# Sets: base (the server's address), data (its data folder), server (its pid), token (a personal API
# token of the demo caseworker) and service (the id of the demo service Harbour Counselling).
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
base="http://127.0.0.1:$port"
data=$(mktemp -d)
if [[ "${1:-}" != "--no-build" ]]; then
    ./mvnw --batch-mode --quiet -DskipTests package
fi
# The benchmarks drive thousands of requests a second from one address with one token: far past the
# production rate limits, which they raise rather than switch off, so the limiter's cost is measured.
export WAYPOINT_RATE_LIMIT_PER_TOKEN_PER_MINUTE=${WAYPOINT_RATE_LIMIT_PER_TOKEN_PER_MINUTE:-100000000}
export WAYPOINT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE=${WAYPOINT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE:-100000000}
WAYPOINT_DATA_DIR="$data" WAYPOINT_DEMO=true WAYPOINT_HTTP_PORT="$port" bin/waypoint --no-build > "$data/server.log" 2>&1 &
server=$!
stop() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    cp "$data/server.log" "${TMPDIR:-/tmp}/waypoint-bench-server.log" || true
    rm -rf "$data"
}
trap stop EXIT
for _ in $(seq 1 "${READY_WAIT:-120}"); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" == 200 ]] && break
    sleep 1
done
token=$(curl -s -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"email":"caseworker@example.org","password":"Demo-Password-1","tokenName":"bench"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
service=$(curl -s "$base/api/v1/services?size=100" | grep -o '"id":"[^"]*","name":"Harbour Counselling"' | sed 's/"id":"\([^"]*\)".*/\1/')
