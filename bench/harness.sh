#!/usr/bin/env bash
# Moments open-loop harness: the packaged service driven at constant arrival rates (bench/OpenLoop.java, latency from
# each request's due time, HdrHistogram) in three scenarios — single events on many moments and many users, single
# events on one hot moment, batches of 100 on the hot moment — and, in the same run, pgbench at the same concurrency
# doing what each scenario cannot do faster than: a single-row INSERT of an event-sized row, a 100-row INSERT, and the
# hot row's conditional UPDATE. Prints one table: throughput, p50/p99/p99.9, the ratios, CPU per event (service and
# PostgreSQL), statements per event (when PostgreSQL preloads pg_stat_statements), the highest rate that holds
# p99 ≤ 25 ms, the JVM's start time and its RSS under load. Asserts nothing.
#
#   bash bench/harness.sh [--no-build] [--seconds 15] [--connections 8] [--hot-connections 32] [--no-search]
#                         [--java '-Xmx160m -XX:+UseSerialGC']   (the service's JVM options; default: none)
#
# Throughput is measured by offering more than the service can take (--saturate requests/s, in-flight capped at the
# scenario's connections × 16), so the achieved rate is its capacity; latency by offering half the highest rate that
# held p99 ≤ 25 ms (found by doubling from 100/s, then halving the gap three times, 8 s a step).
# Loopback only; its own schemas: moments_bench_harness (the service's, emptied at start) and bench_scratch (pgbench's).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
SECONDS_RUN=15
CONNECTIONS=8
HOT_CONNECTIONS=32
SEARCH=1
SATURATE=4000
JAVA_OPTS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --seconds) SECONDS_RUN=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --hot-connections) HOT_CONNECTIONS=$2; shift 2 ;;
    --no-search) SEARCH=0; shift ;;
    --saturate) SATURATE=$2; shift 2 ;;
    --java) read -r -a JAVA_OPTS <<<"$2"; shift 2 ;;
    -h|--help) sed -n 2,16p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

ADMIN_TOKEN=bench-admin-token-0123456789
source bench/service.sh

WORK=$(mktemp -d /tmp/moments-harness.XXXXXX)
cleanup() {
  local rc=$?
  service_stop
  psql_q -c 'drop schema if exists bench_scratch cascade' >/dev/null 2>&1 || true
  echo "(service log and raw output kept in $WORK)"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

HDR=$(hdr_jar)

service_build "$BUILD"
service_start moments_bench_harness MOMENTS_RATE_LIMIT_PER_KEY=100000000 -- "${JAVA_OPTS[@]}"
START_S=$(sed -nE 's/.* started in ([0-9.]+)s\..*/\1/p' "$WORK/app.log" | head -1)

# CPU seconds (utime + stime) of the service and of every postgres process, the machine's busy and idle ticks, and
# the service's RSS in MB.
cpu_sample() {
  local pg=0 t
  for p in $(pgrep -x postgres 2>/dev/null); do t=$(ticks "$p"); pg=$((pg + ${t%.*})); done
  echo "$(ticks "$APP_PID") $pg $(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat)"
}
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status"; }
# Statements per event, when PostgreSQL preloads pg_stat_statements (shared_preload_libraries; a restart): every
# statement the database ran during the measured phase, the background jobs' too, divided by the events.
STATEMENTS=0
if psql_q -At -c "show shared_preload_libraries" | grep -q pg_stat_statements; then
  psql_q -c "create extension if not exists pg_stat_statements" >/dev/null && STATEMENTS=1
fi
statements_reset() { [ "$STATEMENTS" = 1 ] && psql_q -At -c "select pg_stat_statements_reset()" >/dev/null || true; }
statements_read() { # file: total calls, then the statements by calls
  [ "$STATEMENTS" = 1 ] || return 0
  psql_q -At -F ' | ' -c "select calls, left(regexp_replace(query, '\s+', ' ', 'g'), 160) from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database())
      and query not like '%pg_stat_statements%' order by calls desc" >"$1"
}
HZ=$(getconf CLK_TCK)

# One open-loop run; its RESULT lines, plus cpu_service_ms / cpu_postgres_ms per event and rss_mb, in $WORK/$1.out.
run() {
  local name=$1; shift
  local before="" after="" rss=0
  java -Xss512k -XX:TieredStopAtLevel=1 -cp "$HDR" bench/OpenLoop.java --url "$URL" --admin "$ADMIN_TOKEN" "$@" \
    | while IFS= read -r line; do
        case "$line" in
          "MEASURE start") cpu_sample >"$WORK/$name.cpu0"; statements_reset ;;
          "MEASURE end") cpu_sample >"$WORK/$name.cpu1"; rss_mb >"$WORK/$name.rss"; statements_read "$WORK/$name.sql" ;;
          *) echo "$line" ;;
        esac
      done >"$WORK/$name.out"
  read -r s0 p0 b0 i0 <"$WORK/$name.cpu0"
  read -r s1 p1 b1 i1 <"$WORK/$name.cpu1"
  local events
  events=$(sed -n 's/^RESULT events=//p' "$WORK/$name.out")
  awk -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v b=$((b1 - b0)) -v i=$((i1 - i0)) -v n="$events" -v hz="$HZ" 'BEGIN {
    if (n > 0) { printf "RESULT cpu_service_ms=%.3f\nRESULT cpu_postgres_ms=%.3f\nRESULT cpu_other_ms=%.3f\n",
      s * 1000 / hz / n, p * 1000 / hz / n, (b - s - p) * 1000 / hz / n }
    if (b + i > 0) printf "RESULT machine_busy_pct=%.0f\n", 100 * b / (b + i) }' \
    >>"$WORK/$name.out"
  echo "RESULT rss_mb=$(cat "$WORK/$name.rss")" >>"$WORK/$name.out"
  if [ -s "$WORK/$name.sql" ]; then
    awk -F ' [|] ' -v n="$events" '{ c += $1 } END { if (n > 0) printf "RESULT statements_per_event=%.2f\n", c / n }' \
      "$WORK/$name.sql" >>"$WORK/$name.out"
  fi
}
# Before a latency phase: waits until the relays have passed on every domain event the runs before wrote and no
# autovacuum worker is busy (at most 3 minutes each), then checkpoints, so the phase pays for its own events'
# background work, not for the backlog, the vacuum or the dirty pages of a saturated run before it.
settle() {
  local left busy
  for _ in $(seq 1 360); do
    left=$(psql_q -At -c "select count(*) from moments_bench_harness.outbox where published_at is null or webhooks_at is null")
    [ "$left" = 0 ] && break
    sleep 0.5
  done
  for _ in $(seq 1 360); do
    busy=$(psql_q -At -c "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")
    [ "$busy" = 0 ] && break
    sleep 0.5
  done
  [ "$left" = 0 ] || echo "the outbox still holds $left unrelayed rows" >&2
  psql_q -c checkpoint >/dev/null 2>&1 || echo "(checkpoint needs a superuser; skipped)" >&2
}
get() { sed -n "s/^RESULT $2=//p" "$WORK/$1.out" | tail -1; }

# The highest rate (requests/s) whose p99 stays ≤ 25 ms: double from 100/s, then bisect three times.
search() {
  local name=$1; shift
  local low=0 high=100 p99 step=0
  while :; do
    settle
    run "$name-search-$step" --rate "$high" --seconds 8 --warmup-s 3 "$@"
    p99=$(get "$name-search-$step" p99_ms); step=$((step + 1))
    if awk -v p="$p99" 'BEGIN { exit !(p <= 25) }' && [ "$(get "$name-search-$((step - 1))" errors)" = 0 ]; then
      low=$high; high=$((high * 2))
      [ "$high" -le 12800 ] || break
    else
      break
    fi
  done
  for _ in 1 2 3; do
    local mid=$(( (low + high) / 2 ))
    [ "$mid" -gt "$low" ] || break
    settle
    run "$name-search-$step" --rate "$mid" --seconds 8 --warmup-s 3 "$@"
    p99=$(get "$name-search-$step" p99_ms); step=$((step + 1))
    if awk -v p="$p99" 'BEGIN { exit !(p <= 25) }'; then low=$mid; else high=$mid; fi
  done
  echo "$low"
}

declare -A MAX
phase "saturation runs ($SECONDS_RUN s each, offered $SATURATE requests/s; batches ${SATURATE}/100)"
run many-sat --scenario many --rate "$SATURATE" --seconds "$SECONDS_RUN" --max-in-flight $((CONNECTIONS * 16))
run hot-sat --scenario hot --rate "$SATURATE" --seconds "$SECONDS_RUN" --max-in-flight $((HOT_CONNECTIONS * 16))
run batch-sat --scenario batch --rate $((SATURATE / 100 + 1)) --seconds "$SECONDS_RUN" --max-in-flight "$HOT_CONNECTIONS"
if [ "$SEARCH" = 1 ]; then
  phase "the highest rates that hold p99 ≤ 25 ms"
  MAX[many]=$(search many --scenario many --max-in-flight $((CONNECTIONS * 16)) | tail -1)
  MAX[hot]=$(search hot --scenario hot --max-in-flight $((HOT_CONNECTIONS * 16)) | tail -1)
  phase "latency at half those rates ($SECONDS_RUN s each)"
  settle
  run many-half --scenario many --rate $(( ${MAX[many]} / 2 > 0 ? ${MAX[many]} / 2 : 1 )) --seconds "$SECONDS_RUN" \
    --max-in-flight $((CONNECTIONS * 16))
  settle
  run hot-half --scenario hot --rate $(( ${MAX[hot]} / 2 > 0 ? ${MAX[hot]} / 2 : 1 )) --seconds "$SECONDS_RUN" \
    --max-in-flight $((HOT_CONNECTIONS * 16))
  BATCH_HALF=$(awk -v r="$(get batch-sat requests_per_s)" 'BEGIN { h = int(r / 2); print (h > 0 ? h : 1) }')
  settle
  run batch-half --scenario batch --rate "$BATCH_HALF" --seconds "$SECONDS_RUN" --max-in-flight "$HOT_CONNECTIONS"
fi

phase "pgbench: what each scenario cannot beat ($SECONDS_RUN s each)"
psql_q >/dev/null <<'SQL'
drop schema if exists bench_scratch cascade;
create schema bench_scratch;
create table bench_scratch.events (partner_id text not null, event_id text not null, fingerprint text not null,
  type text not null, user_id text not null, occurred_at timestamptz not null, received_at timestamptz not null,
  outcome jsonb, primary key (partner_id, event_id));
create table bench_scratch.bench_budget (id int primary key, total numeric, reserved numeric, spent numeric);
insert into bench_scratch.bench_budget values (1, 1000000000000, 0, 0);
SQL
cat >"$WORK/insert1.sql" <<'SQL'
insert into bench_scratch.events values ('ptn_bench', md5(random()::text || clock_timestamp()::text), md5(random()::text),
  'app.action', 'u-' || (random() * 100000)::int, now(), now(), '{"awards":[],"progress":[{"momentId":"mom_x","complete":false,"current":"1","target":"1000"}],"holdout":[]}');
SQL
cat >"$WORK/insert100.sql" <<'SQL'
insert into bench_scratch.events select 'ptn_bench', md5(random()::text || clock_timestamp()::text || g), md5(random()::text),
  'order.completed', 'u-' || (random() * 100000)::int, now(), now(), '{"awards":["awd_x"],"progress":[],"holdout":[]}'
  from generate_series(1, 100) g;
SQL
cat >"$WORK/update.sql" <<'SQL'
update bench_scratch.bench_budget set reserved = reserved + 1 where id = 1 and total - reserved - spent >= 1;
SQL
pgb() { # name script clients
  "$PGBENCH" -n -c "$3" -j 2 -T "$SECONDS_RUN" -f "$WORK/$2" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_DB" \
    >"$WORK/pgbench-$1.out" 2>&1 || true
  sed -nE 's/^tps = ([0-9.]+) \((without initial connection time|excluding connections establishing)\).*/\1/p' \
    "$WORK/pgbench-$1.out" | head -1 | awk '{ printf "%.1f", $1 }'
}
PG_INSERT1=$(pgb insert1 insert1.sql "$CONNECTIONS")
PG_INSERT100=$(pgb insert100 insert100.sql "$HOT_CONNECTIONS")
PG_UPDATE=$(pgb update update.sql "$HOT_CONNECTIONS")
psql_q -c 'drop schema if exists bench_scratch cascade' >/dev/null

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.3f", a / b; else print "n/a" }'; }
row() { # label run events/s-or-requests/s comparison-label comparison-tps
  printf '| %s | %s | %s / %s / %s | %s | %s %s | %s | %s / %s / %s | %s | %s |\n' "$1" "$3" "$(get "$2" p50_ms)" \
    "$(get "$2" p99_ms)" "$(get "$2" p999_ms)" "$(get "$2" errors)" "$4" "$5" "$(ratio "$3" "$5")" \
    "$(get "$2" cpu_service_ms)" "$(get "$2" cpu_postgres_ms)" "$(get "$2" cpu_other_ms)" \
    "$(get "$2" machine_busy_pct)" "$(get "$2" statements_per_event)"
}
{
  echo
  echo "Moments open-loop harness — $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), service JVM: ${JAVA_OPTS[*]:-defaults}, $CONNECTIONS / $HOT_CONNECTIONS pgbench clients"
  echo
  echo "| run | events/s | p50 / p99 / p99.9 ms (saturated: queueing, by design) | errors | PostgreSQL alone (tps) | ratio | CPU ms per event, service / PostgreSQL / rest (load generator) | machine busy % | statements per event |"
  echo "|---|---|---|---|---|---|---|---|---|"
  row "single events, many moments, saturated" many-sat "$(get many-sat events_per_s)" "single-row INSERT" "$PG_INSERT1"
  row "single events, one hot moment, saturated" hot-sat "$(get hot-sat events_per_s)" "conditional UPDATE" "$PG_UPDATE"
  row "batches of 100, one hot moment, saturated" batch-sat "$(get batch-sat events_per_s)" "conditional UPDATE" "$PG_UPDATE"
  if [ "$SEARCH" = 1 ]; then
    row "many moments at half of ${MAX[many]}/s (highest with p99 ≤ 25 ms)" many-half "$(get many-half events_per_s)" "single-row INSERT" "$PG_INSERT1"
    row "hot moment at half of ${MAX[hot]}/s (highest with p99 ≤ 25 ms)" hot-half "$(get hot-half events_per_s)" "conditional UPDATE" "$PG_UPDATE"
    row "batches at half the saturated rate (p99 per request)" batch-half "$(get batch-half events_per_s)" "conditional UPDATE" "$PG_UPDATE"
  fi
  echo
  echo "pgbench 100-row INSERT: $PG_INSERT100 tps ($(awk -v t="$PG_INSERT100" 'BEGIN { printf "%.0f", t * 100 }') rows/s);"\
       "JVM start: ${START_S:-?} s; service RSS at the end of the runs: $(get many-sat rss_mb) / $(get hot-sat rss_mb) / $(get batch-sat rss_mb) MB (many / hot / batch)"
} | tee "$WORK/table.md"
