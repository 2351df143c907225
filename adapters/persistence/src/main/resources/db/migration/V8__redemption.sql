-- Redemption: code pools, claims with their deliveries, the history of every award, and refunds in the ledger.
-- Same rules as V1: no foreign keys across aggregates (a claim and its delivery are one aggregate), timestamptz.

-- A failed delivery gives the settled cost back: REFUND moves money from spent back to remaining.
alter table budget_ledger drop constraint budget_ledger_kind_check;
alter table budget_ledger add constraint budget_ledger_kind_check
    check (kind in ('TOP_UP', 'RESERVE', 'SETTLE', 'RELEASE', 'REFUND'));

-- The code pool of each `codes` reward. A code is unique in its pool and goes to one award, ever: award_id and
-- assigned_at are null while it is free. A claim takes the oldest free code with FOR UPDATE SKIP LOCKED.
create table reward_codes (
    id          bigint      generated always as identity primary key,
    reward_id   text        not null,
    partner_id  text        not null,
    code        text        not null check (length(code) between 1 and 200),
    added_at    timestamptz not null,
    award_id    text,
    assigned_at timestamptz,
    constraint reward_codes_code_unique unique (reward_id, code),
    constraint reward_codes_assignment_check check ((award_id is null) = (assigned_at is null))
);

-- free codes of a reward, oldest first: what assignment and the count read
create index reward_codes_free_idx on reward_codes (reward_id, id) where award_id is null;
-- one code per award
create unique index reward_codes_award_unique on reward_codes (award_id) where award_id is not null;

-- Whether codes.low was raised for the pool's current crossing of the low mark; adding codes clears it.
alter table rewards add column codes_low_alerted boolean not null default false;

-- One claim per award: the reward picked and what the user gave. Kept apart from `awards` so the award row (the
-- Award aggregate every payment writes) stays as it is and the personal data (address, e-mail) sits in one table.
create table claims (
    award_id   text        primary key,
    partner_id text        not null,
    reward_id  text        not null,
    shipping   jsonb       check (shipping is null or jsonb_typeof(shipping) = 'object'),
    email      text        check (length(email) <= 254),
    claimed_at timestamptz not null
);

-- The delivery of each claim by its provider (docs/fulfillment.md). A pending http delivery is submitted again at
-- next_attempt_at by the retry job.
create table fulfillments (
    award_id        text        primary key references claims (award_id),
    provider        text        not null check (provider in ('SANDBOX', 'CODES', 'HTTP', 'WEBHOOK')),
    status          text        not null check (status in ('PENDING', 'SUBMITTED', 'FULFILLED', 'FAILED', 'CANCELLED')),
    reference       text        check (length(reference) <= 500),
    code            text        check (length(code) <= 1000),
    reason          text        check (length(reason) <= 2000),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz,
    updated_at      timestamptz not null
);

create index fulfillments_due_idx on fulfillments (provider, next_attempt_at) where status = 'PENDING';

-- Every status an award took, in order, with when and why; appended in the transaction of the change.
create table award_history (
    award_id text        not null,
    seq      bigint      generated always as identity,
    status   text        not null
        check (status in ('EARNED', 'PENDING_REVIEW', 'CLAIMED', 'FULFILLING', 'FULFILLED', 'FAILED', 'EXPIRED',
                          'CANCELLED')),
    at       timestamptz not null,
    reason   text,
    primary key (award_id, seq)
);

-- Awards made before this migration: earned, then their current status if they moved since.
insert into award_history (award_id, status, at) select id, 'EARNED', earned_at from awards order by id;
insert into award_history (award_id, status, at, reason)
select id, status, updated_at, 'recorded when the history began' from awards where status <> 'EARNED' order by id;
