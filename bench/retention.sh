#!/usr/bin/env bash
# Measures retention (issue 18): loads 100,000 people past their retention (unless told otherwise,
# e.g. `bench/retention.sh 20000`), each with every personal field encrypted and one referral
# rejected in 2025 with its timeline, a reason and a message, straight through JDBC into an embedded
# Derby database (or PostgreSQL at 127.0.0.1:5432 with `bench/retention.sh 100000 -Ppostgresql`);
# then measures submissions (person, draft, consent, submit: four transactions, one every 50 ms)
# while idle and again while the retention run anonymises everyone in batches of 500 with a pause of
# 100 ms after each (the defaults; `-Dbatch=N -Dpause=MS` after the count for others), in the same JVM.
# Prints the people anonymised per second and the submissions' p50 and p99 idle and during the run.
# Targets: ≥ 1,000 people/s; submission p99 during the run ≤ 2 × idle.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
shift || true
echo "load before: $(uptime)"
./mvnw -q -pl core -am test "$@" -Dtest=RetentionScaleMeasure -Dsurefire.failIfNoSpecifiedTests=false -Dn="$n" \
    2>&1 | grep -E '^(loaded|retention|submission)'
echo "load after:  $(uptime)"
echo "targets: ≥ 1,000 people/s; submission p99 during the run ≤ 2 × idle"
