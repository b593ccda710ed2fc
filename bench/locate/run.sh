#!/usr/bin/env bash
# JMH benchmark of grid location (GridLocator's STR-tree vs a linear scan over the 1,291 demo grids).
# Usage: bench/locate/run.sh [JMH options; default: -wi 2 -i 3 -f 1 -t 1]
# Compiles main and test classes (the JMH annotation processor runs on the test sources), resolves the test
# classpath once, then runs org.openjdk.jmh.Main on it. Machine-readable results: target/bench/locate.json.
set -euo pipefail

cd "$(dirname "$0")/../.."
mkdir -p target/bench

if [[ $# -eq 0 ]]; then
  set -- -wi 2 -i 3 -f 1 -t 1
fi

mvn -B -q -Dstyle.color=never test-compile
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt

java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  org.openjdk.jmh.Main 'org\.gridlink\.jurisdiction\.GridLocateBenchmark\.' \
  -rf json -rff target/bench/locate.json "$@"
