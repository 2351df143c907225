#!/usr/bin/env bash
# Moments growth benchmark: does the cost of an event stay flat as a partner grows? For 10, 100 and 1,000 live
# moments per partner, and 10^4 then 10^6 known users, the packaged service takes single events at saturation
# (bench/OpenLoop.java, scenario spread: user u sends app.action.(u % moments), so each event moves one progress row
# however many moments there are) and the script prints events/s, latency and CPU per event for each, and the fall
# from the smallest to the largest. At the largest it also times a moment's report and an explain. Asserts nothing.
#
#   bash bench/growth.sh [--no-build] [--seconds 15] [--connections 8] [--moments "10 100 1000"]
#
# Known users are seeded by SQL before each run, copies of each moment's first user (made through the API): a
# progress row on their moment, a recorded event and a last-seen time each, so at 10^6 users the tables an event reads
# and writes hold a million rows more. Loopback only; schema moments_bench_growth (emptied at each start).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
SECONDS_RUN=15
CONNECTIONS=8
MOMENT_COUNTS="10 100 1000"
SATURATE=4000
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --seconds) SECONDS_RUN=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --moments) MOMENT_COUNTS=$2; shift 2 ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

ADMIN_TOKEN=bench-admin-token-0123456789
SCHEMA=moments_bench_growth
source bench/service.sh

WORK=$(mktemp -d /tmp/moments-growth.XXXXXX)
trap 'rc=$?; service_stop; echo "(service logs and raw output kept in $WORK)"; exit $rc' EXIT
trap 'exit 130' INT TERM

HDR=$(hdr_jar)
service_build "$BUILD"

HZ=$(getconf CLK_TCK)
open_loop() { java -Xss512k -XX:TieredStopAtLevel=1 -cp "$HDR" bench/OpenLoop.java --url "$URL" --admin "$ADMIN_TOKEN" "$@"; }
get() { sed -n "s/^RESULT $2=//p" "$WORK/$1.out" | tail -1; }

# Users [from, to) become known: each a copy of its moment's first user (seed-i for moment i = user % moments).
seed() {
  local from=$1 to=$2 moments=$3
  psql_q <<SQL
set search_path to $SCHEMA;
insert into user_progress (moment_id, user_id, partner_id, state, holdout, last_refusal, updated_at, reached_at,
                           progressed_at, revenue)
select t.moment_id, 'u-' || g, t.partner_id, t.state, t.holdout, t.last_refusal, t.updated_at, t.reached_at,
       t.progressed_at, t.revenue
from generate_series($from, $to - 1) g
join (select p.*, cast(substr(p.user_id, 6) as int) as i from user_progress p where p.user_id like 'seed-%') t
  on t.i = g % $moments
on conflict do nothing;
insert into events (partner_id, event_id, fingerprint, type, user_id, occurred_at, received_at, outcome)
select e.partner_id, 'known-' || g, e.fingerprint, e.type, 'u-' || g, e.occurred_at, e.received_at, e.outcome
from generate_series($from, $to - 1) g
join (select e.*, cast(substr(e.event_id, 6) as int) as i from events e where e.event_id like 'seed-%') e
  on e.i = g % $moments
on conflict do nothing;
insert into user_activity (partner_id, user_id, last_seen_at)
select (select partner_id from events limit 1), 'u-' || g, now() from generate_series($from, $to - 1) g
on conflict do nothing;
vacuum analyze user_progress;
vacuum analyze events;
vacuum analyze user_activity;
SQL
  psql_q -c checkpoint >/dev/null 2>&1 || true
}

# One saturated run of the spread scenario: RESULT lines plus CPU ms per event in $WORK/$1.out.
run() {
  local name=$1; shift
  open_loop --scenario spread --rate "$SATURATE" --seconds "$SECONDS_RUN" --warmup-s 5 \
    --max-in-flight $((CONNECTIONS * 16)) "$@" | while IFS= read -r line; do
      case "$line" in
        "MEASURE start") echo "$(ticks "$APP_PID")" >"$WORK/$name.cpu0" ;;
        "MEASURE end") echo "$(ticks "$APP_PID")" >"$WORK/$name.cpu1" ;;
        *) echo "$line" ;;
      esac
    done >"$WORK/$name.out"
  awk -v s=$(( $(cat "$WORK/$name.cpu1") - $(cat "$WORK/$name.cpu0") )) -v n="$(get "$name" events)" -v hz="$HZ" \
    'BEGIN { if (n > 0) printf "RESULT cpu_service_ms=%.3f\n", s * 1000 / hz / n }' >>"$WORK/$name.out"
}

# p50 and max of ten timed GETs (after one warm-up), in ms.
timed() {
  local key=$1 path=$2 times=()
  curl -fsS -o /dev/null -H "Authorization: Bearer $key" "$URL$path"
  for _ in $(seq 1 10); do
    times+=("$(curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $key" "$URL$path")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "p50 %.1f ms, max %.1f ms", t[5], t[NR] }'
}

ROWS=()
for moments in $MOMENT_COUNTS; do
  service_start "$SCHEMA" MOMENTS_RATE_LIMIT_PER_KEY=100000000
  phase "$moments live moments: setting up through the API"
  open_loop --scenario spread --moments "$moments" --setup-only true --rate 1 >"$WORK/setup-$moments.out"
  KEY=$(sed -n 's/^RESULT api_key=//p' "$WORK/setup-$moments.out")
  MOMENT=$(sed -n 's/^RESULT moment=//p' "$WORK/setup-$moments.out")
  for users in 10000 1000000; do
    phase "$moments moments, $users known users: seeding"
    seed "$([ "$users" = 10000 ] && echo 0 || echo 10000)" "$users" "$moments"
    phase "$moments moments, $users known users: saturated for $SECONDS_RUN s"
    run "m$moments-u$users" --moments "$moments" --users "$users" --api-key "$KEY" --moment "$MOMENT"
    ROWS+=("m$moments-u$users")
  done
  if [ "$moments" = "$(echo "$MOMENT_COUNTS" | awk '{ print $NF }')" ]; then
    FROM=$(date -u -d '-30 days' +%F)
    REPORT=$(timed "$KEY" "/v1/moments/$MOMENT/report?from=$FROM")
    EXPLAIN=$(timed "$KEY" "/v1/users/u-0/moments/$MOMENT")
    LARGEST="$moments moments, 10^6 known users: report $REPORT; explain $EXPLAIN"
  fi
  service_stop
done

{
  echo
  echo "Moments growth — $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), single events at saturation, $CONNECTIONS × 16 in flight"
  echo
  echo "| live moments | known users | events/s | p50 / p99 ms (saturated) | errors | service CPU ms per event |"
  echo "|---|---|---|---|---|---|"
  for name in "${ROWS[@]}"; do
    m=${name%%-u*}; u=${name##*-u}
    printf '| %s | %s | %s | %s / %s | %s | %s |\n' "${m#m}" "$u" "$(get "$name" events_per_s)" "$(get "$name" p50_ms)" \
      "$(get "$name" p99_ms)" "$(get "$name" errors)" "$(get "$name" cpu_service_ms)"
  done
  echo
  first=${ROWS[0]}; last=${ROWS[$(( ${#ROWS[@]} - 1 ))]}
  awk -v a="$(get "$first" events_per_s)" -v b="$(get "$last" events_per_s)" \
    'BEGIN { if (a > 0) printf "From the smallest to the largest: %+.1f%% events/s\n", (b - a) * 100 / a }'
  echo "${LARGEST:-}"
} | tee "$WORK/table.md"
