#!/bin/sh
# Asset import benchmark: see bench/README.md. Usage: bench/run.sh [hosts]
set -e
cd "$(dirname "$0")/.."
./mvnw -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
CP="target/classes:$(cat target/bench-classpath.txt)"
mkdir -p bench/target/classes
javac -proc:none -d bench/target/classes -cp "$CP" $(find bench/src/main/java -name '*.java')
exec java -Xmx256m $BENCH_JAVA_OPTS -XX:ActiveProcessorCount=2 -cp "bench/target/classes:$CP" vn.khien.bench.InventoryImportBench "$@"
