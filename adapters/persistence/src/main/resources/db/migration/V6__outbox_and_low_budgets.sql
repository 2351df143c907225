-- Domain events written in the transaction of the change they describe; a relay publishes them later and sets
-- published_at. Rows are never updated otherwise.
create table outbox (
    id           text        primary key,
    partner_id   text        not null,
    type         text        not null,
    data         jsonb       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

create index outbox_unpublished_idx on outbox (created_at) where published_at is null;
create index outbox_partner_idx on outbox (partner_id, created_at);

-- Whether budget.low was raised for the budget's current crossing of 80% used; a top-up below it clears the mark.
alter table budgets add column low_alerted boolean not null default false;
