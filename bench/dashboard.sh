#!/bin/sh
# The oversight's dashboard and reports at province size on H2 and PostgreSQL: see bench/README.md, "Dashboard".
# Usage: bench/dashboard.sh [h2|postgres] [findings on PostgreSQL, default 10000000]
set -e
cd "$(dirname "$0")/.."
# NB: includeScope, not mdep.includeScope, which Maven ignores: the test jars would be on the classpath
./mvnw -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -DincludeScope=runtime
CP="target/classes:$(cat target/bench-classpath.txt)"
rm -rf bench/target/classes
mkdir -p bench/target/classes
javac -proc:none -encoding UTF-8 -d bench/target/classes -cp "$CP" $(find bench/src/main/java -name '*.java')
# NB: the harness gets the application's limits too, so that its parse-only pass is comparable with the import
exec java -Xmx256m -XX:ActiveProcessorCount=2 $BENCH_JAVA_OPTS -Dbench.appClasspath="$CP" \
  -cp "bench/target/classes:$CP" vn.khien.bench.DashboardBench "$@"
