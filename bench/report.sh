#!/usr/bin/env bash
# Moments report benchmark: how long GET /v1/moments/{id}/report takes on a moment with 1,000,000 events behind it.
# Starts the packaged service on its own schema, creates a partner and a launched moment through the API, then seeds by
# SQL what a million events of 100,000 users would have left behind — the events themselves, each user's reach, arm
# (10% held out), first progress and revenue, the completions log, the awards in every status with their ledger
# entries, and the users' last-seen times — and times the report (JSON and CSV) and the list of every moment's report.
# Prints a table; asserts nothing.
#
#   bash bench/report.sh [--no-build] [--events 1000000] [--users 100000] [--runs 10]
#
# Loopback only: the service listens on 127.0.0.1:<free port>, PostgreSQL is 127.0.0.1:5432 (user postgres).
# Uses its own schema, moments_bench_report (emptied at start, kept at the end for a look with psql).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
EVENTS=1000000
USERS=100000
RUNS=10
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --events) EVENTS=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

ADMIN_TOKEN=bench-admin-token-0123456789
SCHEMA=moments_bench_report
source bench/service.sh

WORK=$(mktemp -d /tmp/moments-bench-report.XXXXXX)
cleanup() {
  local rc=$?
  service_stop
  echo "(service log kept in $WORK)"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

service_build "$BUILD"
service_start "$SCHEMA"

phase "a partner and a launched moment (count trigger, 10% holdout, revenue from orders)"
json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
PARTNER_JSON=$(curl -fsS -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Report bench","currency":"USD"}' "$URL/admin/v1/partners")
PARTNER=$(echo "$PARTNER_JSON" | json id)
KEY=$(echo "$PARTNER_JSON" | json apiKey)
api() { curl -fsS -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@"; }
REWARD=$(api -d '{"name":"Credit","kind":"CREDIT","cost":"5.00","currency":"USD","fulfillment":{"provider":"sandbox"}}' \
  "$URL/v1/rewards" | json id)
MOMENT=$(api -d "{\"name\":\"Two lessons\",\"trigger\":{\"kind\":\"count\",\"event\":\"lesson.done\",\"atLeast\":2},
  \"schedule\":{\"startsAt\":\"2026-01-01T00:00:00Z\",\"timezone\":\"Europe/Paris\"},
  \"budget\":{\"currency\":\"USD\",\"total\":\"1000000.00\",\"costPerAction\":\"5.00\"},\"rewards\":[\"$REWARD\"],
  \"holdoutPercent\":10,\"outcomes\":{\"revenue\":{\"events\":[\"order.completed\"],\"value\":\"event.total\"}},
  \"expectedValuePerAction\":\"20.00\"}" "$URL/v1/moments" | json id)
api -X POST "$URL/v1/moments/$MOMENT/launch" >/dev/null
echo "partner $PARTNER, moment $MOMENT"

phase "seeding $EVENTS events of $USERS users by SQL"
START_S=$(date +%s)
psql_q -v partner="$PARTNER" -v moment="$MOMENT" -v events="$EVENTS" -v users="$USERS" <<SQL
set search_path to $SCHEMA;
-- the events: lessons, and every tenth an order, 60 days of them
insert into events (partner_id, event_id, fingerprint, type, user_id, occurred_at, received_at, outcome)
select :'partner', 'seed-' || g, 'seed', case when g % 10 = 0 then 'order.completed' else 'lesson.done' end,
       'u-' || (g % :users), now() - interval '60 days' + g * (interval '50 days' / :events), now(), null
from generate_series(1, :events) g;
-- each user's reach over 50 days, one in ten held out (by a hash, as the engine does), two in five completed,
-- two in three progressed, revenue 0 to 75.00
insert into user_progress (moment_id, user_id, partner_id, state, holdout, last_refusal, updated_at, reached_at,
                           progressed_at, revenue)
select :'moment', 'u-' || u, :'partner',
       case when u % 5 < 2 then '{"c":1}'::jsonb else '{}'::jsonb end, abs(hashtext('arm' || u)) % 10 = 0, null, now(),
       now() - interval '60 days' + u * (interval '50 days' / :users),
       case when u % 3 > 0 then now() - interval '60 days' + u * (interval '50 days' / :users) + interval '1 hour' end,
       (u % 7) * 12.5
from generate_series(0, :users - 1) u;
insert into completions (moment_id, user_id, completion, partner_id, holdout, occurred_at)
select moment_id, user_id, 1, partner_id, holdout, reached_at + interval '2 hours' from user_progress
where moment_id = :'moment' and state ? 'c';
insert into awards (id, partner_id, moment_id, user_id, device_id, completion, status, reserved, currency, test, event_id,
                    token_digest, token_sealed, earned_at, redeemable_at, expires_at, updated_at)
select 'awd_seed_' || c.user_id, :'partner', c.moment_id, c.user_id, null, 1,
       (array['EARNED', 'CLAIMED', 'FULFILLED', 'EXPIRED'])[1 + (hashtext(c.user_id) & 3)], 5.00, 'USD', false, null,
       md5(c.user_id) || md5('t' || c.user_id), null, c.occurred_at, c.occurred_at, c.occurred_at + interval '30 days',
       c.occurred_at
from completions c where c.moment_id = :'moment' and not c.holdout;
insert into budget_ledger (moment_id, award_id, kind, amount, occurred_at)
select moment_id, id, 'RESERVE', 5.00, earned_at from awards where moment_id = :'moment';
insert into budget_ledger (moment_id, award_id, kind, amount, occurred_at)
select moment_id, id, 'SETTLE', 5.00, earned_at + interval '1 day' from awards
where moment_id = :'moment' and status in ('CLAIMED', 'FULFILLED');
-- last seen: 0 to 39 days after the reach
insert into user_activity (partner_id, user_id, last_seen_at)
select partner_id, user_id, reached_at + (abs(hashtext(user_id)) % 40) * interval '1 day'
from user_progress where moment_id = :'moment';
analyze;
select (select count(*) from events) as events, (select count(*) from user_progress) as reached,
       (select count(*) from completions) as completions, (select count(*) from awards) as awards,
       (select count(*) from budget_ledger) as ledger_entries;
SQL
echo "seeded in $(( $(date +%s) - START_S )) s"

phase "timing (one warm-up, then $RUNS runs each)"
time_it() { # label, path, accept
  local label=$1 path=$2 accept=$3 times=()
  api -H "Accept: $accept" -o /dev/null "$URL$path"
  for _ in $(seq 1 "$RUNS"); do
    times+=("$(api -H "Accept: $accept" -o "$WORK/last.out" -w '%{time_total}' "$URL$path")")
  done
  printf '%s\n' "${times[@]}" | python3 -c '
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
print("| %-44s | %7.1f | %7.1f | %7.1f | %6d |" % (sys.argv[1], t[0], t[len(t) // 2], t[-1], int(sys.argv[2])))' \
    "$label" "$(wc -c < "$WORK/last.out")"
}
echo "| request                                      | min ms  | p50 ms  | max ms  | bytes  |"
echo "|----------------------------------------------|---------|---------|---------|--------|"
ALL="from=$(date -u -d '70 days ago' +%F)"
time_it "report, every user (70 days)" "/v1/moments/$MOMENT/report?$ALL" application/json
time_it "report, the last 30 days" "/v1/moments/$MOMENT/report?from=$(date -u -d '30 days ago' +%F)" application/json
time_it "report as CSV (70 days)" "/v1/moments/$MOMENT/report?$ALL" text/csv
time_it "every moment's report (70 days)" "/v1/reports/moments?$ALL" application/json
echo
api "$URL/v1/moments/$MOMENT/report?$ALL" | python3 -c '
import json, sys
r = json.load(sys.stdin)
h = r["holdout"]
print("reached %d (treatment %d, control %d), completions %d, awards %d, spend %s, lift %.4f %s, significant %s"
      % (r["funnel"]["reached"], h["treatmentUsers"], h["controlUsers"], r["completions"], r["awards"], r["spend"],
         h["lift"], h["liftCi95"], h["significant"]))'
