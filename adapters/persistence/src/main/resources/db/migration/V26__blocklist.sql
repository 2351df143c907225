-- Each partner's blocklist (POST /v1/blocklist): completions by a user, on a device, from a client address or of a
-- user whose e-mail address is listed are refused (BLOCKED). A client address is kept as awards.ip_key keeps it
-- (the SHA-256 of its canonical form), an e-mail address as the SHA-256 of its lower-cased form.
create table blocklist (
    id         text        primary key,
    partner_id text        not null references partners (id) on delete cascade,
    kind       text        not null check (kind in ('USER', 'DEVICE', 'IP', 'EMAIL')),
    key        text        not null check (length(key) between 1 and 200),
    reason     text        check (length(reason) <= 500),
    created_at timestamptz not null,
    unique (partner_id, kind, key)
);

-- The unclaimed awards of a blocked device or client address (POST /v1/blocklist/{id}/cancel-awards); a user's are
-- found by awards_partner_user_idx.
create index awards_unclaimed_device_idx on awards (partner_id, device_id)
    where status in ('EARNED', 'PENDING_REVIEW') and device_id is not null;
create index awards_unclaimed_ip_idx on awards (partner_id, ip_key)
    where status in ('EARNED', 'PENDING_REVIEW') and ip_key is not null;
