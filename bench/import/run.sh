#!/usr/bin/env bash
# Bulk import benchmark: our residents import of N generated rows vs a raw PostgreSQL COPY of the same stored rows
# into the same table, in the same run (see src/test/java/org/gridlink/residents/ResidentImportBenchmark.java).
# Usage: bench/import/run.sh [postgres|h2] [rows; default 1000000]
# PostgreSQL: 127.0.0.1:5432, user postgres (trust), database test; the run drops and recreates schema bench_import.
# Output: target/bench/import-<db>.txt. Not part of `mvn verify` (the class is not a test).
set -euo pipefail

cd "$(dirname "$0")/../.."
mkdir -p target/bench
db="${1:-postgres}"
rows="${2:-1000000}"

mvn -B -q -Dstyle.color=never test-compile
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt

{
  echo "# $(date -u +%FT%TZ) $(nproc) CPUs, $(grep MemTotal /proc/meminfo), $(java -version 2>&1 | head -1)"
  [[ "$db" == postgres ]] && psql -h 127.0.0.1 -U postgres -d test -Atc 'SELECT version()' 2>/dev/null || true
  java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    org.gridlink.residents.ResidentImportBenchmark "$db" "$rows"
} 2>&1 | tee "target/bench/import-$db.txt"
