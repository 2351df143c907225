#!/usr/bin/env bash
# Events/s through the queue moments.events (messages of 100 events) next to REST batches of 100, in one run of one
# service. Prints a table; asserts nothing but exits non-zero when an award is missing or the service failed.
#
#   bash bench/queue.sh [--no-build] [--events 20000] [--batch 100] [--clients 4]
#
# Needs PostgreSQL on 127.0.0.1:5432 and RabbitMQ on 127.0.0.1:5672 (guest/guest). Uses the schema moments_bench_queue
# (emptied at start) and the broker's queue moments.events (emptied at start).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --events|--batch|--clients) ARGS+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n 2,8p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

ADMIN_TOKEN=bench-admin-token-0123456789
source bench/service.sh
WORK=$(mktemp -d /tmp/moments-queue-bench.XXXXXX)
trap 'service_stop; echo "(service log kept in $WORK)"' EXIT
trap 'exit 130' INT TERM

service_build "$BUILD"
rabbitmqctl -q purge_queue moments.events > /dev/null 2>&1 || true
service_start moments_bench_queue MOMENTS_RATE_LIMIT_PER_KEY=1000000

# the RabbitMQ client the service itself ships with
CP=$(ls bootstrap/target/quarkus-app/lib/main/com.rabbitmq.amqp-client-*.jar | head -1)
CP=$CP:$(ls bootstrap/target/quarkus-app/lib/main/org.slf4j.slf4j-api-*.jar 2>/dev/null | head -1)
phase "load"
java -cp "$CP" bench/QueueBench.java --url "$URL" --admin "$ADMIN_TOKEN" "${ARGS[@]}" | tee "$WORK/queue.out"
