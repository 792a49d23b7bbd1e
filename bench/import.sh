#!/usr/bin/env bash
# Imports a generated national directory (50,000 services unless SERVICES says otherwise; the same
# generator as bench/matching.sh) from one Open Referral UK file through the API into a running
# Waypoint on a fresh embedded Derby, and prints services/s and the server's peak RSS (targets:
# ≥ 2,000 services/s, ≤ 700 MB). A dry run first (reported, not counted), then the import applied.
# Usage: bench/import.sh [--no-build]   (env: SERVICES=50000 PORT=8093)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8093}
services=${SERVICES:-50000}
repo="$PWD/bench/matching/target/repository"
maven=(./mvnw -q "-Dmaven.repo.local=$repo" "-Dmaven.repo.local.tail=$HOME/.m2/repository")
"${maven[@]}" install -pl core -am -DskipTests
"${maven[@]}" -f bench/matching/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
file=$(mktemp --suffix=.json)
java -cp "bench/matching/target/classes:$(cat bench/matching/target/classpath.txt)" org.waypoint.bench.matching.OrukFile "$file" "$services"
echo "ORUK file: $services services, $(( $(stat -c %s "$file") / 1024 / 1024 )) MB"

. bench/server.sh
trap 'stop; rm -f "$file"' EXIT
sample_peak_rss 0.2 &
sampler=$!
admin=$(bench/admin-token.sh "$base" "$data/admin")
run() {
    local start end
    start=$(date +%s%N)
    curl -s -o "$data/report.json" -w '%{http_code}' -X POST "$base/api/v1/directory/imports?dryRun=$1" \
        -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' --data-binary "@$file" > "$data/status"
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}
dry_ms=$(run true)
echo "dry run:  HTTP $(cat "$data/status"), $dry_ms ms, $(jq -c '{new, changed, unchanged, skipped}' "$data/report.json")"
apply_ms=$(run false)
echo "applied:  HTTP $(cat "$data/status"), $apply_ms ms, $(jq -c '{new, changed, unchanged, skipped, applied}' "$data/report.json")"
again_ms=$(run false)
echo "again:    HTTP $(cat "$data/status"), $again_ms ms, $(jq -c '{new, changed, unchanged, skipped, applied}' "$data/report.json")"
sleep 1
kill "$sampler" 2>/dev/null || true
echo
echo "Summary ($services services, load $(uptime | sed 's/.*load average: //'))"
echo "  import applied: $(( services * 1000 / (apply_ms > 0 ? apply_ms : 1) )) services/s ($apply_ms ms, parse + compare + write in one transaction)"
echo "  dry run:        $(( services * 1000 / (dry_ms > 0 ? dry_ms : 1) )) services/s; re-import (all unchanged): $(( services * 1000 / (again_ms > 0 ? again_ms : 1) )) services/s"
echo "  peak RSS:       $(peak_rss_mb) MB"
echo "  targets: ≥ 2,000 services/s, peak RSS ≤ 700 MB"
