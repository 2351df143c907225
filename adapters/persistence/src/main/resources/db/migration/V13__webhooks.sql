-- Partners' webhook endpoints (Standard Webhooks), with their signing secrets: the current one and, for 24 hours after
-- a rotation, the previous one. Secrets are kept as the partner was shown them (whsec_<base64>): every delivery is
-- signed with them.
create table webhook_endpoints (
    id                    text        primary key,
    partner_id            text        not null references partners (id),
    url                   text        not null check (length(url) between 1 and 2000),
    events                text[]      not null check (cardinality(events) >= 1),
    enabled               boolean     not null,
    description           text        check (length(description) <= 500),
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    check ((previous_secret is null) = (previous_secret_until is null))
);
-- a partner's endpoints, listed in id order; the fan-out reads the enabled ones of a few partners
create index webhook_endpoints_partner_idx on webhook_endpoints (partner_id, id);

-- One event for one endpoint. seq is the order the fan-out wrote them in, which is the outbox's order: an endpoint's
-- deliveries of one award (award_id) are sent one at a time in it. The event is copied (the outbox is pruned).
-- A delivery is leased for sending (leased_until, lease_token) so instances never send the same one at once.
create table webhook_deliveries (
    seq              bigserial   not null unique,
    id               text        primary key,
    partner_id       text        not null,
    endpoint_id      text        not null references webhook_endpoints (id) on delete cascade,
    event_id         text        not null,
    type             text        not null,
    award_id         text,
    data             jsonb       not null,
    event_created_at timestamptz not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz,
    leased_until     timestamptz,
    lease_token      text,
    created_at       timestamptz not null,
    check ((status = 'PENDING') = (next_attempt_at is not null))
);
-- what is due, oldest first
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at, seq) where status = 'PENDING';
-- an earlier unfinished delivery of the same award to the same endpoint holds the later ones back
create index webhook_deliveries_award_idx on webhook_deliveries (endpoint_id, award_id, seq)
    where status = 'PENDING' and award_id is not null;
-- the partner's delivery log of an endpoint, newest first
create index webhook_deliveries_log_idx on webhook_deliveries (partner_id, endpoint_id, seq);

-- Every attempt: when, the receiver's status (none when it did not answer), how long it took, why it failed.
create table webhook_attempts (
    seq          bigserial   primary key,
    delivery_id  text        not null references webhook_deliveries (id) on delete cascade,
    attempted_at timestamptz not null,
    status_code  integer,
    duration_ms  bigint      not null check (duration_ms >= 0),
    error        text        check (length(error) <= 500)
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, seq);
