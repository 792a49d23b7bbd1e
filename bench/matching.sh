#!/usr/bin/env bash
# Measures matching over a generated national directory (50,000 services unless told otherwise, e.g.
# `bench/matching.sh -p services=100000`), and taking the directory's snapshot from a database, then
# prints the figures the targets are set on: match p95 with every exclusion and its reasons (≤ 10 ms),
# match p95 without (≤ 1 ms), and the snapshot's rebuild time. JMH options pass through, e.g.
# `bench/matching.sh -wi 2 -i 3 -f 1` for a shorter run. Core is installed into a repository under
# bench/matching/target, falling back to ~/.m2 for the rest, so the shared local repository is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD/bench/matching/target/repository"
results="$PWD/bench/matching/target/jmh-result.json"
maven=(./mvnw -q "-Dmaven.repo.local=$repo" "-Dmaven.repo.local.tail=$HOME/.m2/repository")
"${maven[@]}" install -pl core -am -DskipTests
"${maven[@]}" -f bench/matching/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
load_before=$(uptime)
java -cp "bench/matching/target/classes:$(cat bench/matching/target/classpath.txt)" org.openjdk.jmh.Main \
    -p services=50000 -rf json -rff "$results" "$@" 'org\.waypoint\.bench\.matching\..*'
echo
echo "Summary"
echo "  load before: $load_before"
echo "  load after:  $(uptime)"
jq -r '.[] | (.benchmark | sub(".*\\."; "")) as $name | .params.services as $n |
  if .mode == "sample" then
    "  \($name) at \($n) services: p95 \(.primaryMetric.scorePercentiles["95.0"] * 1000 | round / 1000) ms, p50 \(.primaryMetric.scorePercentiles["50.0"] * 1000 | round / 1000) ms, p99 \(.primaryMetric.scorePercentiles["99.0"] * 1000 | round / 1000) ms"
  else
    "  \($name) at \($n) services: \(.primaryMetric.score | round) ms a snapshot (mean of \(.measurementIterations)), \(.primaryMetric.scorePercentiles["0.0"] | round)-\(.primaryMetric.scorePercentiles["100.0"] | round) ms, p95 \(.primaryMetric.scorePercentiles["95.0"] | round) ms"
  end' "$results"
echo "  targets: matchWithExclusions p95 ≤ 10 ms, matchOnly p95 ≤ 1 ms; a change on every instance within 2 s: refreshAfterOneChange + the 1 s poll"
