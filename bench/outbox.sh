#!/usr/bin/env bash
# The outbox benchmark: drains 5,000 queued e-mails to a local GreenMail SMTP server and reports
# e-mails/s, then submits referrals at a light, steady rate and reports the p95 time from submission
# to SMTP acceptance. Targets: >= 100 e-mails/s, p95 <= 2 s.
#
#   bench/outbox.sh                 # on embedded Derby
#   bench/outbox.sh -Ppostgresql    # on PostgreSQL at 127.0.0.1:5432 (database test)
#
# Extra arguments go to Maven. Core is built in the same reactor, so nothing need be installed first.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
if ! ./mvnw -q -pl core,notifications test -Dtest=OutboxBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Dgroups=bench -Dbench.excluded=none "$@" >"$log" 2>&1; then
    grep -v '^\s*at ' "$log" | tail -40
    exit 1
fi
rm -f "$log"
cat notifications/target/bench/outbox.txt
