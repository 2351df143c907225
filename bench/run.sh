#!/usr/bin/env bash
# Moments benchmark: one hot moment drained by 32 concurrent clients, next to pgbench running the bare
# conditional UPDATE that every award needs. Prints a table; asserts nothing but exits non-zero when the budget was
# overspent (or does not add up) or the service failed.
#
#   bash bench/run.sh [--no-build] [--awards 10000] [--events awards+2000] [--clients 32] [--warmup 800] [--pgbench-s 15]
#                     [--batch 1] [--engagement 0] [--profile]
#   --batch N: each client sends N events per request to POST /v1/events/batch (1: one event per POST /v1/events)
#   --engagement N: N point rules and N badges on the hot event type as well (each event earns N entries, N badges)
#   --profile: Java Flight Recording of the service, kept with the raw output
#
# Loopback only: the service listens on 127.0.0.1:<free port>, PostgreSQL is 127.0.0.1:5432 (user postgres).
# Uses its own schemas: moments_bench (the service's, emptied at start) and bench_scratch (pgbench's, dropped at end).
# All load comes from one API key: the service gets MOMENTS_RATE_LIMIT_PER_KEY=1000000 so the benchmark measures the
# engine, not the rate limit (default 1000 requests/s per key); the limiter still runs on every request.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
AWARDS=10000
EVENTS=
CLIENTS=32
WARMUP=800
PGBENCH_S=15
PROFILE=0
BATCH=1
ENGAGEMENT=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --awards) AWARDS=$2; shift 2 ;;
    --events) EVENTS=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --pgbench-s) PGBENCH_S=$2; shift 2 ;;
    --profile) PROFILE=1; shift ;;
    --batch) BATCH=$2; shift 2 ;;
    --engagement) ENGAGEMENT=$2; shift 2 ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
EVENTS=${EVENTS:-$((AWARDS + 2000))}   # the budget runs out, then 2000 more events are refused

ADMIN_TOKEN=bench-admin-token-0123456789
source bench/service.sh

WORK=$(mktemp -d /tmp/moments-bench.XXXXXX)
SCRATCH=0
cleanup() {
  local rc=$?
  service_stop
  if [ "$SCRATCH" = 1 ]; then
    psql_q -c 'drop schema if exists bench_scratch cascade' >/dev/null 2>&1 || true
  fi
  echo "(service log and raw output kept in $WORK)"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Build if needed, then start the service on its own schema (emptied at start: it belongs to the bench alone).
service_build "$BUILD"
JFR_OPT=()
[ "$PROFILE" = 1 ] && JFR_OPT=("-XX:FlightRecorderOptions:stackdepth=256" "-XX:StartFlightRecording=filename=$WORK/service.jfr,settings=profile,jdk.ExecutionSample#period=2ms,dumponexit=true")
service_start moments_bench MOMENTS_RATE_LIMIT_PER_KEY=1000000 -- "${JFR_OPT[@]}"

# 2. Drain one hot moment.
phase "load: $EVENTS events for a budget of $AWARDS awards from $CLIENTS clients, $BATCH per request (+ $WARMUP warm-up events)"
set +e
java -Xss512k -XX:TieredStopAtLevel=1 bench/LoadGen.java --url "$URL" --admin "$ADMIN_TOKEN" \
  --awards "$AWARDS" --events "$EVENTS" --clients "$CLIENTS" --warmup "$WARMUP" --deadline-s 100 \
  --app-pid "$APP_PID" --batch "$BATCH" --engagement "$ENGAGEMENT" \
  | tee "$WORK/loadgen.out"
LG_RC=${PIPESTATUS[0]}
set -e
if [ "$LG_RC" != 0 ]; then
  echo "load generator failed (exit $LG_RC); last lines of the service log:" >&2
  tail -n 40 "$WORK/app.log" >&2
  exit 2
fi
r() { sed -n "s/^RESULT $1=//p" "$WORK/loadgen.out" | tail -1; }
MOMENT=$(r moment)

# What the database itself holds for the hot moment.
read -r DB_AWARDS DB_RESERVED < <(psql_q -At -F ' ' -c \
  "select (select count(*) from moments_bench.awards where moment_id = '$MOMENT'),
          (select coalesce(sum(amount), 0)::numeric(19,2) from moments_bench.budget_ledger
            where moment_id = '$MOMENT' and kind = 'RESERVE')")

# 3. pgbench: the bare single-row conditional UPDATE, on a scratch table.
phase "pgbench: bare conditional UPDATE, 32 clients, ${PGBENCH_S} s"
SCRATCH=1
psql_q >/dev/null <<'SQL'
drop schema if exists bench_scratch cascade;
create schema bench_scratch;
create table bench_scratch.bench_budget (id int primary key, total numeric, reserved numeric, spent numeric);
insert into bench_scratch.bench_budget values (1, 1000000000000, 0, 0);
SQL
cat >"$WORK/update.sql" <<'SQL'
update bench_scratch.bench_budget set reserved = reserved + 1 where id = 1 and total - reserved - spent >= 1;
SQL
set +e
"$PGBENCH" -n -c 32 -j 2 -T "$PGBENCH_S" -f "$WORK/update.sql" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_DB" \
  >"$WORK/pgbench.out" 2>&1
PB_RC=$?
set -e
grep -E '^(number of transactions actually processed|latency average|tps)' "$WORK/pgbench.out" || cat "$WORK/pgbench.out"
psql_q -c 'drop schema if exists bench_scratch cascade' >/dev/null
SCRATCH=0
# PostgreSQL 14+: "(without initial connection time)"; older: "(excluding connections establishing)".
PG_TPS=$(sed -nE 's/^tps = ([0-9.]+) \((without initial connection time|excluding connections establishing)\).*/\1/p' \
  "$WORK/pgbench.out" | head -1)
if [ "$PB_RC" = 0 ] && [ -n "$PG_TPS" ]; then
  PG_TPS=$(awk -v t="$PG_TPS" 'BEGIN { printf "%.1f", t }')
else
  echo "pgbench failed (exit $PB_RC); its output:" >&2; cat "$WORK/pgbench.out" >&2; PG_TPS=n/a
fi

# 4. The verdict and the table.
B=$AWARDS
REPORTED=$(r awards_reported)
RESERVED=$(r reserved)
REMAINING=$(r remaining)
ERRORS=$(r errors)
OVERSPEND=$(awk -v b="$B" -v rep="$REPORTED" -v db="$DB_AWARDS" -v res="$RESERVED" 'BEGIN {
  o = rep - b; if (db - b > o) o = db - b; if (res - b > o) o = res - b; if (o < 0) o = 0; printf "%d", o }')
BUDGET_OK=$(awk -v b="$B" -v res="$RESERVED" -v rem="$REMAINING" -v led="$DB_RESERVED" -v db="$DB_AWARDS" \
  -v rep="$REPORTED" 'BEGIN { print (res == b && rem == 0 && led == b && db == b && rep == b) ? "yes" : "NO" }')
RATIO=$(awk -v a="$(r awards_per_s)" -v t="$PG_TPS" 'BEGIN { if (t + 0 > 0) printf "%.3f", a / t; else print "n/a" }')

{
  echo
  echo "Moments benchmark — $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), B = $B awards at 1.00, $(r events) events, $(r clients) clients, $(r batch) event(s) per request, $ENGAGEMENT point rules and badges"
  echo
  echo "| metric | value |"
  echo "|---|---|"
  echo "| engine awards/s (until the B-th award, $(r award_window_s) s) | $(r awards_per_s) |"
  echo "| engine events/s (all $(r events) events) | $(r requests_per_s) |"
  echo "| latency p50 / p99, all requests (ms) | $(r p50_ms) / $(r p99_ms) |"
  echo "| latency p50 / p99, while the budget lasted (ms) | $(r award_phase_p50_ms) / $(r award_phase_p99_ms) |"
  echo "| awards reported / in the database / budget B | $REPORTED / $DB_AWARDS / $B |"
  echo "| budgetState reserved / remaining (service) | $RESERVED / $REMAINING |"
  echo "| RESERVE ledger sum (database) | $DB_RESERVED |"
  echo "| HTTP errors | $ERRORS |"
  echo "| **overspend** | **$OVERSPEND** |"
  echo "| pgbench tps, bare conditional UPDATE (32 clients) | $PG_TPS |"
  echo "| ratio engine awards/s ÷ pgbench tps | $RATIO |"
  [ -z "$(r cpu_share)" ] || echo "| CPU share during the load (machine) | $(r cpu_share) |"
  [ -z "$(r cpu_ms_per_request)" ] || echo "| CPU ms per event | $(r cpu_ms_per_request) |"
  echo
  echo "overspend: $OVERSPEND"
  echo "budget adds up (reported = rows = ledger = reserved = $B.00, remaining 0.00): $BUDGET_OK"
} | tee "$WORK/table.md"

if [ "$OVERSPEND" != 0 ] || [ "$BUDGET_OK" != yes ]; then exit 1; fi
if [ "$ERRORS" != 0 ] || ! kill -0 "$APP_PID" 2>/dev/null; then echo "the service failed" >&2; exit 2; fi
exit 0
