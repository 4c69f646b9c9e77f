#!/bin/sh
# Sigma detection throughput: see bench/README.md.
# Usage: bench/sigma.sh [events per pass, default 10000000]
set -e
cd "$(dirname "$0")/.."
# NB: includeScope, not mdep.includeScope, which Maven ignores: the test jars would be on the classpath
./mvnw -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -DincludeScope=runtime
CP="target/classes:$(cat target/bench-classpath.txt)"
rm -rf bench/target/sigma-classes
mkdir -p bench/target/sigma-classes
javac -proc:none -encoding UTF-8 -d bench/target/sigma-classes -cp "$CP" bench/src/main/java/vn/khien/bench/SigmaBench.java
exec java -Xmx512m -XX:ActiveProcessorCount=1 $BENCH_JAVA_OPTS -Dbench.samples="${BENCH_SAMPLES:-../shared/samples}" \
  -cp "bench/target/sigma-classes:$CP" vn.khien.bench.SigmaBench "$@"
