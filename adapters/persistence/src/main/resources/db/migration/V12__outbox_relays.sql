-- The outbox has two readers, each with its own mark on every row: the broker relay (published_at, to the exchange
-- moments.domain-events) and the webhook relay (webhooks_at, into the partners' webhook deliveries).
alter table outbox add column webhooks_at timestamptz;

-- Each relay reads its unmarked rows in the order they were written.
drop index outbox_unpublished_idx;
create index outbox_unpublished_idx on outbox (seq) where published_at is null;
create index outbox_webhooks_pending_idx on outbox (seq) where webhooks_at is null;
-- The pruning job deletes what both passed on, oldest first.
create index outbox_relayed_idx on outbox (created_at) where published_at is not null and webhooks_at is not null;

-- A relay's lease: the transaction that locks its row (FOR UPDATE SKIP LOCKED) relays; the others skip their turn.
create table outbox_relays (
    relay text primary key
);
insert into outbox_relays (relay) values ('BROKER'), ('WEBHOOKS');
