#!/usr/bin/env bash
# Events/s through Kafka's topic moments.events into one service (MOMENTS_MESSAGING_BROKER=kafka), on a Kafka of its
# own (the tests' one-node broker, from Maven Central's jars): one event per record and 100 events per record, with
# moments.events in 1 partition and in 6, read by --consumers consumers of the instance. Prints a table; asserts nothing but exits non-zero when an award is
# missing or the service failed.
#
#   bash bench/kafka.sh [--no-build] [--events 20000] [--consumers 1] [--partitions "1 6"] [--per-record "1 100"]
#
# Needs PostgreSQL on 127.0.0.1:5432. Uses the schema moments_bench_kafka (emptied at each start).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
EVENTS=20000
CONSUMERS=1
PARTITION_COUNTS="1 6"
PER_RECORDS="1 100"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --events) EVENTS=$2; shift 2 ;;
    --consumers) CONSUMERS=$2; shift 2 ;;
    --partitions) PARTITION_COUNTS=$2; shift 2 ;;
    --per-record) PER_RECORDS=$2; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

ADMIN_TOKEN=bench-admin-token-0123456789
source bench/service.sh
WORK=$(mktemp -d /tmp/moments-kafka-bench.XXXXXX)
KAFKA_PID=
stop_all() {
  service_stop
  if [ -n "$KAFKA_PID" ]; then kill "$KAFKA_PID" 2>/dev/null || true; wait "$KAFKA_PID" 2>/dev/null || true; fi
  KAFKA_PID=
}
trap 'stop_all; echo "(logs kept in $WORK)"' EXIT
trap 'exit 130' INT TERM

service_build "$BUILD"
if [ "$BUILD" = 1 ] || [ ! -f testing/kafka-broker/target/classes/dev/moments/testing/kafka/broker.classpath ]; then
  ./mvnw -B -q install -DskipTests -pl testing/kafka-broker
fi
BROKER_CP=testing/kafka-broker/target/classes:$(cat testing/kafka-broker/target/classes/dev/moments/testing/kafka/broker.classpath)

echo
echo "| consumers | partitions | events | events per record | events/s | publish s | total s | awards |"
echo "|---|---|---|---|---|---|---|---|"
for PARTITIONS in $PARTITION_COUNTS; do
  for PER_RECORD in $PER_RECORDS; do
    java -cp "$BROKER_CP" bench/KafkaServe.java "$WORK/kafka-$PARTITIONS-$PER_RECORD" "$PARTITIONS" \
      > "$WORK/kafka-$PARTITIONS-$PER_RECORD.out" 2>&1 &
    KAFKA_PID=$!
    for _ in $(seq 1 120); do grep -q '^SERVERS ' "$WORK/kafka-$PARTITIONS-$PER_RECORD.out" && break; sleep 0.5; done
    SERVERS=$(sed -n 's/^SERVERS //p' "$WORK/kafka-$PARTITIONS-$PER_RECORD.out")
    [ -n "$SERVERS" ] || { echo "Kafka did not start" >&2; cat "$WORK/kafka-$PARTITIONS-$PER_RECORD.out" >&2; exit 2; }
    service_start moments_bench_kafka MOMENTS_MESSAGING_BROKER=kafka KAFKA_BOOTSTRAP_SERVERS="$SERVERS" \
      MOMENTS_MESSAGING_KAFKA_CONSUMERS="$CONSUMERS" MOMENTS_RATE_LIMIT_PER_KEY=1000000 > /dev/null
    printf '| %d | %d | ' "$CONSUMERS" "$PARTITIONS"
    java -cp "$BROKER_CP" bench/KafkaBench.java --url "$URL" --admin "$ADMIN_TOKEN" --kafka "$SERVERS" \
      --events "$EVENTS" --per-record "$PER_RECORD" 2>> "$WORK/bench.err" | grep '^|' | sed 's/^| //'
    stop_all
  done
done
