#!/usr/bin/env bash
# Measures matching over a generated directory (50,000 services unless told otherwise, e.g.
# `bench/matching.sh -p services=100000`). JMH SampleTime: the figure to read is p0.95 per benchmark.
# Core is installed into a repository under bench/matching/target, falling back to ~/.m2 for the
# rest, so the shared local repository is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD/bench/matching/target/repository"
maven=(./mvnw -q -o "-Dmaven.repo.local=$repo" "-Dmaven.repo.local.tail=$HOME/.m2/repository")
"${maven[@]}" install -pl core -am -DskipTests
"${maven[@]}" -f bench/matching/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "bench/matching/target/classes:$(cat bench/matching/target/classpath.txt)" org.openjdk.jmh.Main \
    -p services=50000 "$@" MatchingBenchmark
