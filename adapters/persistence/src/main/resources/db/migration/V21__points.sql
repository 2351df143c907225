-- Points and their rules (POST /v1/point-rules, GET /v1/users/{userId}/points, .../points/spend). No money moves.

create table point_rules (
    id         text        primary key,
    partner_id text        not null references partners (id) on delete cascade,
    name       text        not null check (length(name) between 1 and 200),
    event      text        not null check (length(event) between 1 and 200),
    condition  text        check (length(condition) <= 1000),
    points     text        not null check (length(points) between 1 and 1000),
    created_at timestamptz not null
);
create index point_rules_partner_idx on point_rules (partner_id, created_at);

-- The ledger: never updated. An event earns by a rule once (the unique index); a spend is a negative entry with its
-- reason.
create table point_entries (
    id         text        primary key,
    seq        bigserial   not null,
    partner_id text        not null,
    user_id    text        not null,
    points     bigint      not null check (points <> 0),
    rule_id    text,
    event_id   text,
    reason     text        check (length(reason) <= 500),
    at         timestamptz not null,
    check ((points > 0) = (rule_id is not null and event_id is not null))
);
create unique index point_entries_earned_once on point_entries (partner_id, event_id, rule_id) where points > 0;
create index point_entries_user_idx on point_entries (partner_id, user_id, seq);

-- The sum of a user's entries, kept with them in the same transactions; a spend takes points only when the balance
-- holds them (a conditional UPDATE, so concurrent spends queue on the row), and the check is the last guard.
create table point_balances (
    partner_id text   not null,
    user_id    text   not null,
    balance    bigint not null check (balance >= 0),
    primary key (partner_id, user_id)
);
