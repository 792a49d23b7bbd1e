# Sourced by the wrk benchmarks: builds unless --no-build is the first argument, starts Waypoint on
# a fresh embedded Derby with the demo data at $PORT, stops it and removes the data on exit.
# Sets: base (the server's address), data (its data folder), server (its pid), java_pid (the pid of its
# JVM), token (a personal API token of the demo caseworker) and service (the id of the demo service
# Harbour Counselling, empty if the listing does not show it). Offers start_server, sample_peak_rss and peak_rss_mb.
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
# Starts the server on $data (again, after a crash: bench/crash.sh) and waits up to READY_WAIT seconds
# for /health/ready; sets server and java_pid.
start_server() {
    WAYPOINT_DATA_DIR="$data" WAYPOINT_DEMO=true WAYPOINT_TOTP_REQUIRED=administrators WAYPOINT_HTTP_PORT="$port" bin/waypoint --no-build >> "$data/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 $(( ${READY_WAIT:-120} * 5 ))); do
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" == 200 ]] && break
        sleep 0.2
    done
    java_pid=$(pgrep -f "payara-micro.jar.*--port $port" | head -n 1)
}
stop() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    cp "$data/server.log" "${TMPDIR:-/tmp}/waypoint-bench-server.log" || true
    rm -rf "$data"
}
trap stop EXIT
start_server
token=$(curl -s -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"email":"caseworker@example.org","password":"Demo-Password-1","tokenName":"bench"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
# The API writes an object's keys in alphabetical order: an item's id comes before its name.
service=$(curl -s "$base/api/v1/services?size=100" | sed 's/"id":"/\n/g' | grep '"name":"Harbour Counselling"' | cut -d'"' -f1 || true)

# Samples the server JVM's resident memory every $1 seconds until it ends, keeping the peak (KB) in
# $data/peak_rss: run it in the background and kill it when done.
sample_peak_rss() {
    local peak=0 rss
    while kill -0 "$java_pid" 2>/dev/null; do
        rss=$(ps -o rss= -p "$java_pid" | tr -d ' ')
        [[ -n "$rss" && "$rss" -gt "$peak" ]] && peak=$rss && echo "$peak" > "$data/peak_rss"
        sleep "$1"
    done
}

# The peak sampled so far, in MB.
peak_rss_mb() {
    echo $(( $(cat "$data/peak_rss" 2>/dev/null || echo 0) / 1024 ))
}

# The CPU seconds (user + system, all threads) the server JVM has used so far, from /proc/<pid>/stat:
# on a machine shared with other work, the CPU a phase costs swings far less than its wall-clock time.
cpu_seconds() {
    local ticks
    ticks=$(awk '{print $14 + $15}' "/proc/$java_pid/stat")
    echo "scale=1; $ticks / $(getconf CLK_TCK)" | bc
}

# The seconds the server JVM has spent in garbage collection so far (jstat's GCT).
gc_seconds() {
    jstat -gc "$java_pid" | awk 'NR == 2 {print $NF}'
}

# The one-minute load average.
load1() {
    cut -d' ' -f1 /proc/loadavg
}
