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
# Each phase's wall-clock time, and the server's CPU seconds and GC seconds over it, with the load
# average at its start and end: on two shared cores the wall clock swings two-fold, the CPU far less.
# JFR=file.jfr records the applying phase with Java Flight Recorder's profiling settings.
run() {
    local phase=$1 dry=$2 start end cpu0 cpu1 gc0 gc1 load0
    load0=$(load1)
    cpu0=$(cpu_seconds)
    gc0=$(gc_seconds)
    start=$(date +%s%N)
    curl -s -o "$data/report.json" -w '%{http_code}' -X POST "$base/api/v1/directory/imports?dryRun=$dry" \
        -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' --data-binary "@$file" > "$data/status"
    end=$(date +%s%N)
    cpu1=$(cpu_seconds)
    gc1=$(gc_seconds)
    echo "$(( (end - start) / 1000000 )) $(echo "$cpu1 - $cpu0" | bc) $(echo "$gc1 - $gc0" | bc) $load0 $(load1)" > "$data/$phase"
}
# "<ms> ms, CPU <s> s (GC <s> s), load <start>→<end>" of a phase.
figures() {
    read -r ms cpu gc l0 l1 < "$data/$1"
    echo "$ms ms, CPU $cpu s (GC $gc s), load $l0→$l1"
}
ms() {
    cut -d' ' -f1 "$data/$1"
}
run dry true
echo "dry run:  HTTP $(cat "$data/status"), $(figures dry), $(jq -c '{new, changed, unchanged, skipped}' "$data/report.json")"
if [[ -n "${JFR:-}" ]]; then
    jcmd "$java_pid" JFR.start name=apply settings=profile filename="$(realpath -m "$JFR")" > /dev/null
fi
run apply false
if [[ -n "${JFR:-}" ]]; then
    jcmd "$java_pid" JFR.stop name=apply > /dev/null
fi
echo "applied:  HTTP $(cat "$data/status"), $(figures apply), $(jq -c '{new, changed, unchanged, skipped, applied}' "$data/report.json")"
run again false
echo "again:    HTTP $(cat "$data/status"), $(figures again), $(jq -c '{new, changed, unchanged, skipped, applied}' "$data/report.json")"
dry_ms=$(ms dry)
apply_ms=$(ms apply)
again_ms=$(ms again)
sleep 1
kill "$sampler" 2>/dev/null || true
echo
echo "Summary ($services services, heap ${WAYPOINT_HEAP:-256m}, load $(uptime | sed 's/.*load average: //'))"
echo "  import applied: $(( services * 1000 / (apply_ms > 0 ? apply_ms : 1) )) services/s ($apply_ms ms, parse + compare + write in one transaction)"
echo "  dry run:        $(( services * 1000 / (dry_ms > 0 ? dry_ms : 1) )) services/s; re-import (all unchanged): $(( services * 1000 / (again_ms > 0 ? again_ms : 1) )) services/s"
echo "  peak RSS:       $(peak_rss_mb) MB"
echo "  targets: ≥ 2,000 services/s, peak RSS ≤ 700 MB"
