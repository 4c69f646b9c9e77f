#!/bin/sh
# Syslog receivers over loopback: TCP, TLS and UDP throughput and loss; see bench/README.md, "Syslog receivers".
# Usage: bench/syslog.sh [messages, default 1000000] [senders, default 4]
set -e
cd "$(dirname "$0")/.."
# NB: includeScope, not mdep.includeScope, which Maven ignores: the test jars would be on the classpath
./mvnw -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -DincludeScope=runtime
CP="target/classes:$(cat target/bench-classpath.txt)"
rm -rf bench/target/classes
mkdir -p bench/target/classes
javac -proc:none -encoding UTF-8 -d bench/target/classes -cp "$CP" $(find bench/src/main/java -name '*.java')
# a throwaway self-signed key for the TLS phase, made here and removed at the end
KEYS=$(mktemp -d "${TMPDIR:-/tmp}/khien-bench-syslog-XXXXXX")
trap 'rm -rf "$KEYS"' EXIT
PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
keytool -genkeypair -alias syslog -keyalg EC -groupname secp256r1 -validity 2 -dname "CN=localhost" \
  -storetype PKCS12 -keystore "$KEYS/syslog.p12" -storepass "$PASSWORD" -keypass "$PASSWORD" >/dev/null 2>&1
# NB: the application's limits (-Xmx256m, two processors); the senders share the JVM and the two processors
java -Xmx256m -XX:ActiveProcessorCount=2 $BENCH_JAVA_OPTS -Dbench.keystore="$KEYS/syslog.p12" \
  -Dbench.keystorePassword="$PASSWORD" -cp "bench/target/classes:$CP" vn.khien.bench.SyslogBench "$@"
