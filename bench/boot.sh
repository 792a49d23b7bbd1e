#!/usr/bin/env bash
# Start-up (issue 2): starts the built WAR on a fresh embedded Derby with the demo data, RUNS times,
# and reports seconds from launch to the first 200 from /health/ready (migrations and demo data
# included) and the server's RSS just after. Usage: bench/boot.sh [--no-build]  (env: RUNS=3 PORT=8097)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
port=${PORT:-8097}
if [[ "${1:-}" != "--no-build" ]]; then
    ./mvnw --batch-mode --quiet -DskipTests package
fi
for run in $(seq 1 "$runs"); do
    data=$(mktemp -d)
    start=$(date +%s%3N)
    WAYPOINT_DATA_DIR="$data" WAYPOINT_DEMO=true WAYPOINT_TOTP_REQUIRED=administrators WAYPOINT_HTTP_PORT="$port" bin/waypoint --no-build > "$data/server.log" 2>&1 &
    server=$!
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" == 200 ]]; do
        sleep 0.2
        kill -0 "$server" 2>/dev/null || { echo "the server stopped; see $data/server.log" >&2; exit 1; }
    done
    ready_ms=$(( $(date +%s%3N) - start ))
    rss=$(( $(ps -o rss= -p "$server" | tr -d ' ') / 1024 ))
    printf 'run %d: ready after %d.%d s, RSS %d MB\n' "$run" $((ready_ms / 1000)) $((ready_ms % 1000 / 100)) "$rss"
    kill "$server"; wait "$server" 2>/dev/null || true
    rm -rf "$data"
done
