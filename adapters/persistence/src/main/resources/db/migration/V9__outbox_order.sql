-- Events written by one transaction often share a millisecond, and ids within a millisecond are random: a sequence
-- keeps them in the order they were written (budget.low before budget.exhausted), for readers and for delivery.
alter table outbox add column seq bigserial not null;
drop index outbox_partner_idx;
create index outbox_partner_idx on outbox (partner_id, created_at, seq);
