#!/usr/bin/env bash
# Measures the reports over a database of generated referrals (100,000 unless told otherwise, e.g.
# `bench/reports.sh 200000`): loads them straight through JDBC into an embedded Derby database, with
# their timelines, needs, crime marks and working times, spread over one year and 20 services, then
# reads whole reports (every figure, as the page does) for a year, a quarter, a quarter narrowed by
# crime type and by service, each as an administrator and as the referring organisation's staff, and
# prints p50, p95 and max of 20 readings after 5 warm-up ones, and each query's time for the year.
# Target: a report over 100,000 referrals in ≤ 300 ms at p95.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
echo "load before: $(uptime)"
./mvnw -q -pl core -am test -Dtest=ReportScaleMeasure -Dsurefire.failIfNoSpecifiedTests=false -Dn="$n" \
    -Djqwik.reporting.usejunitplatform=true 2>&1 | grep -E '^(loaded|report)'
echo "load after:  $(uptime)"
echo "target: ≤ 300 ms p95 for a report over 100,000 referrals"
