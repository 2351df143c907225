-- The award e-mail (messages.email of a moment) and its sending.

-- A moment's e-mail: both or neither (the domain checks lengths and placeholders).
alter table moments add column email_subject text check (length(email_subject) <= 200);
alter table moments add column email_body text check (length(email_body) <= 5000);
alter table moments add constraint moments_email_whole check ((email_subject is null) = (email_body is null));

-- A third reader of the outbox: the e-mail relay (emails_at), which turns award.earned into the e-mails below. The
-- events written before it existed are not e-mailed: they count as passed on.
alter table outbox add column emails_at timestamptz;
update outbox set emails_at = coalesce(webhooks_at, published_at, created_at);
create index outbox_emails_pending_idx on outbox (seq) where emails_at is null;
drop index outbox_relayed_idx;
create index outbox_relayed_idx on outbox (created_at)
    where published_at is not null and webhooks_at is not null and emails_at is not null;
insert into outbox_relays (relay) values ('EMAIL');

-- One e-mail per award at most (the primary key): the relay may offer an event again, the row is written once.
-- The dispatcher takes due rows under a lease (FOR UPDATE SKIP LOCKED, then lease_until and its lease_token), renews
-- the lease of each just before sending it and records the outcome only while it holds it, so two instances never
-- send one row at once; SENT once the server took it, tried again at next_attempt_at after a failed attempt, FAILED
-- after the last. An award no longer waiting for its claim when its turn comes (claimed, expired, cancelled) is
-- SKIPPED.
create table award_emails (
    award_id        text        primary key references awards (id) on delete cascade,
    partner_id      text        not null,
    moment_id       text        not null,
    recipient       text        not null check (length(recipient) <= 254),
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts        int         not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    lease_token     text,
    last_error      text        check (length(last_error) <= 1000),
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index award_emails_due_idx on award_emails (next_attempt_at) where status = 'PENDING';
create index award_emails_partner_idx on award_emails (partner_id, created_at);
