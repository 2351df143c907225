#!/usr/bin/env bash
# The hostile requests of findings 1-3 of issue 10 against a freshly started service, while another tenant keeps
# sending events: prints each attack's answers and slowest time, the service's peak resident memory, and the other
# tenant's latencies. Asserts nothing.
#
#   bash bench/attacks.sh [--no-build] [--rounds 5] [--parallel 1] [--heap JAVA_HEAP_OPTION]
#   --parallel N: each attack sent by N clients at once
#   --heap: e.g. -Xmx512m to start the service with a heap limit (default: the JVM's own default)
#
# Loopback only; the service uses its own schema moments_attacks (emptied at start).
set -euo pipefail

cd "$(dirname "$0")/.."

BUILD=1
ROUNDS=5
PARALLEL=1
HEAP=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --parallel) PARALLEL=$2; shift 2 ;;
    --heap) HEAP=("$2"); shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

ADMIN_TOKEN=attacks-admin-token-0123456789
source bench/service.sh
WORK=$(mktemp -d /tmp/moments-attacks.XXXXXX)
trap 'rc=$?; service_stop; echo "(service log kept in $WORK)"; exit $rc' EXIT
trap 'exit 130' INT TERM

service_build "$BUILD"
service_start moments_attacks MOMENTS_RATE_LIMIT_PER_KEY=1000000 -- "${HEAP[@]}"
phase "attacks: $PARALLEL client(s), $ROUNDS rounds each, while another tenant sends an event every 20 ms"
java bench/Attacks.java --url "$URL" --admin "$ADMIN_TOKEN" --app-pid "$APP_PID" --rounds "$ROUNDS" \
  --parallel "$PARALLEL"
