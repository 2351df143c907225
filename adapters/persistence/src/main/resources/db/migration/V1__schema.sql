-- Moments: the whole schema. Hibernate never creates or alters tables; only Flyway does.
-- Money is numeric(19,4) beside a currency code; every instant is a timestamptz (microseconds).
-- Rows of other aggregates are referenced by id without foreign keys, so each port's store stands on its own;
-- foreign keys tie together the rows of one aggregate (partner and keys, moment and event types, budget and ledger).
-- Lists are paged by id, an opaque cursor: ids of listed tables sort byte-wise (collate "C") on every server.

-- Partners (tenants) and their API keys, stored as SHA-256 digests only.
create table partners (
    id         text        primary key,
    name       text        not null check (length(name) between 1 and 200),
    currency   text        not null check (currency ~ '^[A-Z]{3}$'),
    created_at timestamptz not null
);

create table api_keys (
    id         text        primary key,
    partner_id text        not null references partners (id),
    digest     text        not null check (digest ~ '^[0-9a-f]{64}$'),
    created_at timestamptz not null,
    revoked_at timestamptz,
    -- one indexed lookup authenticates a request
    constraint api_keys_digest_unique unique (digest)
);

create index api_keys_partner_idx on api_keys (partner_id);

-- Each partner's reward catalog.
create table rewards (
    id          text          collate "C" primary key,
    partner_id  text          not null,
    name        text          not null check (length(name) between 1 and 200),
    kind        text          not null check (kind in ('PHYSICAL', 'CREDIT', 'DIGITAL_CODE', 'COUPON')),
    cost        numeric(19,4) not null check (cost >= 0),
    currency    text          not null check (currency ~ '^[A-Z]{3}$'),
    countries   text[]        not null default '{}',
    provider    text          not null check (provider in ('SANDBOX', 'CODES', 'HTTP', 'WEBHOOK')),
    description text,
    image_url   text,
    created_at  timestamptz   not null
);

create index rewards_partner_idx on rewards (partner_id, id);

-- Moments. The trigger is jsonb, e.g. {"kind":"event","event":"order.completed","where":"event.total >= 25"};
-- the audience is jsonb {"countries":[],"platforms":[],"segments":[],"where":null}.
-- Durations are ISO-8601 text (PT24H).
create table moments (
    id              text        collate "C" primary key,
    partner_id      text        not null,
    name            text        not null check (length(name) between 1 and 200),
    status          text        not null
        check (status in ('DRAFT', 'TEST', 'LIVE', 'PAUSED', 'EXHAUSTED', 'FINISHED')),
    trigger         jsonb       not null check (jsonb_typeof(trigger) = 'object' and trigger ->> 'kind' is not null),
    audience        jsonb       not null check (jsonb_typeof(audience) = 'object'),
    starts_at       timestamptz not null,
    ends_at         timestamptz,
    timezone        text        not null,
    reward_ids      text[]      not null check (cardinality(reward_ids) between 1 and 50),
    per_user        integer     not null check (per_user between 1 and 10000),
    per_device      integer     check (per_device between 1 and 10000),
    cooldown        text,
    redeem_after    text        not null,
    claim_within    text,
    holdout_percent integer     not null check (holdout_percent between 0 and 99),
    announcement    text        check (length(announcement) <= 1000),
    confirmation    text        check (length(confirmation) <= 1000),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint moments_schedule_check check (ends_at is null or ends_at > starts_at)
);

create index moments_partner_idx on moments (partner_id, id);

-- Which event types each moment listens to: finding the moments an event can matter to is an index lookup.
create table moment_event_types (
    moment_id  text not null references moments (id) on delete cascade,
    partner_id text not null,
    event_type text not null,
    primary key (moment_id, event_type)
);

create index moment_event_types_lookup_idx on moment_event_types (partner_id, event_type);

-- One budget per moment. The CHECKs make overspending impossible whatever the application does.
create table budgets (
    moment_id       text          primary key,
    currency        text          not null check (currency ~ '^[A-Z]{3}$'),
    total           numeric(19,4) not null,
    daily_cap       numeric(19,4),
    cost_per_action numeric(19,4) not null,
    reserved        numeric(19,4) not null default 0,
    spent           numeric(19,4) not null default 0,
    constraint budgets_total_check check (total >= 0),
    constraint budgets_reserved_check check (reserved >= 0),
    constraint budgets_spent_check check (spent >= 0),
    constraint budgets_within_total_check check (reserved + spent <= total),
    constraint budgets_cost_per_action_check check (cost_per_action > 0),
    constraint budgets_daily_cap_check check (daily_cap is null or daily_cap > 0)
);

-- Every movement of a budget, never updated nor deleted.
create table budget_ledger (
    id          bigint        generated always as identity primary key,
    moment_id   text          not null references budgets (moment_id),
    award_id    text,
    kind        text          not null check (kind in ('TOP_UP', 'RESERVE', 'SETTLE', 'RELEASE')),
    amount      numeric(19,4) not null check (amount > 0),
    occurred_at timestamptz   not null
);

create index budget_ledger_moment_time_idx on budget_ledger (moment_id, occurred_at);

create function budget_ledger_immutable() returns trigger
    language plpgsql as
$$
begin
    raise exception 'budget_ledger entries are immutable';
end;
$$;

create trigger budget_ledger_no_change
    before update or delete on budget_ledger
    for each row execute function budget_ledger_immutable();

-- Awards: one per (moment, user, completion); the redemption token is kept as a digest and sealed (encrypted).
create table awards (
    id            text          primary key,
    partner_id    text          not null,
    moment_id     text          not null,
    user_id       text          not null,
    device_id     text,
    completion    integer       not null check (completion >= 1),
    status        text          not null
        check (status in ('EARNED', 'PENDING_REVIEW', 'CLAIMED', 'FULFILLING', 'FULFILLED', 'FAILED', 'EXPIRED',
                          'CANCELLED')),
    reserved      numeric(19,4) not null check (reserved >= 0),
    currency      text          not null check (currency ~ '^[A-Z]{3}$'),
    test          boolean       not null,
    event_id      text,
    token_digest  text          not null,
    token_sealed  text,
    earned_at     timestamptz   not null,
    redeemable_at timestamptz   not null,
    expires_at    timestamptz,
    updated_at    timestamptz   not null,
    constraint awards_completion_unique unique (moment_id, user_id, completion),
    constraint awards_token_digest_unique unique (token_digest)
);

create index awards_partner_idx on awards (partner_id);

-- Every event received, once per (partner, event id), with what it led to (null until evaluated).
create table events (
    partner_id  text        not null,
    event_id    text        not null,
    fingerprint text        not null,
    type        text        not null,
    user_id     text        not null,
    occurred_at timestamptz not null,
    received_at timestamptz not null,
    outcome     jsonb,
    primary key (partner_id, event_id)
);
