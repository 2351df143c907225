-- Moments: each user's progress on each moment, and what partners told about their users.
-- Same rules as V1: no foreign keys across aggregates, every instant a timestamptz.

-- One small row per (moment, user), locked (select … for update) while an event of the user is applied, so two
-- events of one user are applied one after the other. The state is the trigger evaluator's ProgressState as compact
-- jsonb, e.g. {"n":1795600860000000,"f":1795600800000000,"c":3,"l":1,"r":{"k":[{"c":2,"s":"12.50",
-- "o":[{"t":1795600800000000,"a":"5.25"},{"t":1795600860000000,"s":3}],"d":["2026-11-24","2026-11-25"]},{}]}}
-- (instants in microseconds since the epoch, decimals as exact strings, days as ISO dates, defaults left out).
create table user_progress (
    moment_id    text        not null,
    user_id      text        not null,
    partner_id   text        not null,
    state        jsonb       not null check (jsonb_typeof(state) = 'object'),
    holdout      boolean     not null,
    last_refusal text        check (length(last_refusal) between 1 and 100),
    updated_at   timestamptz not null,
    primary key (moment_id, user_id)
);

-- The user attributes partners send (the user block of events), kept so later events see earlier ones.
-- A JSON object of JSON values; numbers stay jsonb numbers.
create table user_profiles (
    partner_id text        not null,
    user_id    text        not null,
    attributes jsonb       not null check (jsonb_typeof(attributes) = 'object'),
    updated_at timestamptz not null,
    primary key (partner_id, user_id)
);
