#!/usr/bin/env bash
# JMH benchmark of in-process pass verification: the PassVerifier path (Bouncy Castle) for ES256 and SM2 codes, and
# the JDK's own SHA256withECDSA on the same bytes (src/test/java/org/gridlink/passes/PassVerifyBenchmark.java).
# Usage: bench/passes/run.sh [JMH options; default: -wi 2 -i 3 -f 1 -t 1 -w 3s -r 5s]
# Machine-readable results: target/bench/passes.json. The HTTP half of the issue's benchmark (POST
# /api/v1/passes/verify at 64 connections) is not built yet.
set -euo pipefail

cd "$(dirname "$0")/../.."
mkdir -p target/bench

if [[ $# -eq 0 ]]; then
  set -- -wi 2 -i 3 -f 1 -t 1 -w 3s -r 5s
fi

mvn -B -q -Dstyle.color=never test-compile
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt

java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  org.openjdk.jmh.Main 'org.gridlink.passes.PassVerifyBenchmark' \
  -rf json -rff target/bench/passes.json "$@"
