-- Moments: what a moment's report reads, each kept as events arrive so a report never scans the events.

-- What the partner measures beside the trigger: the outcomes followed (today revenue, as
-- {"revenue":{"events":[...],"value":"<CEL>"}}) and what one incremental action is worth to it.
alter table moments add column outcomes jsonb check (outcomes is null or jsonb_typeof(outcomes) = 'object');
alter table moments add column expected_value_per_action numeric(19,4) check (expected_value_per_action > 0);
alter table moments add column expected_value_currency text check (expected_value_currency ~ '^[A-Z]{3}$');
alter table moments add constraint moments_expected_value_check
    check ((expected_value_per_action is null) = (expected_value_currency is null));

-- Per reached user: when an event first counted towards the trigger, and the revenue of their events since the reach.
alter table user_progress add column progressed_at timestamptz;
alter table user_progress add column revenue numeric(19,4) not null default 0;

-- Every completion of a trigger, paid or not (control users and refused completions too), for the report's counts and
-- daily series. Written once, never changed.
create table completions (
    moment_id   text        not null,
    user_id     text        not null,
    completion  integer     not null check (completion >= 1),
    partner_id  text        not null,
    holdout     boolean     not null,
    occurred_at timestamptz not null,
    primary key (moment_id, user_id, completion)
);
create index completions_time_idx on completions (moment_id, occurred_at);

-- When each user was last seen (the latest occurredAt of any of their events): retention is a reached user seen again
-- n days or more after the reach.
create table user_activity (
    partner_id   text        not null,
    user_id      text        not null,
    last_seen_at timestamptz not null,
    primary key (partner_id, user_id)
);

-- Awards of a moment by the time they were earned (the report's period and daily series).
create index awards_moment_earned_idx on awards (moment_id, earned_at) where not test;
