#!/bin/sh
# Monitoring transport benchmark (Kafka and in-process): see bench/README.md.
# Usage: bench/kafka.sh [events, default 1000000] [payload bytes, default 200] [partitions, default 12]
set -e
cd "$(dirname "$0")/.."
# NB: the test classpath: the broker is the tests' KRaft broker (transport.KafkaBroker), from the Kafka jars
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-kafka-classpath.txt -DincludeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-kafka-classpath.txt)"
rm -rf bench/target/kafka-classes
mkdir -p bench/target/kafka-classes
javac -proc:none -encoding UTF-8 -d bench/target/kafka-classes -cp "$CP" bench/src/main/java/vn/khien/bench/KafkaTransportBench.java
exec java -Xmx512m -XX:+UseG1GC $BENCH_JAVA_OPTS -cp "bench/target/kafka-classes:$CP" vn.khien.bench.KafkaTransportBench "$@"
