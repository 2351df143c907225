-- Idempotency-Key: the first response to each creating request sent with a key, per scope (a partner's id, or
-- 'admin' for the operators), so a retry gets that response again. A row is inserted (claimed) and completed in the
-- transaction of the creation itself: a concurrent request with the key waits on the primary key until that
-- transaction ends, and a failed creation rolls the row back with everything else.
create table idempotency_keys (
    scope        text        collate "C" not null,
    key          text        collate "C" not null check (length(key) between 1 and 255),
    -- SHA-256 of the request (method, path, canonical body), to tell a retry from another request under the key
    fingerprint  text        not null,
    created_at   timestamptz not null,
    -- the response, set in the claiming transaction; its body is sealed (it may hold an API key or a redemption link)
    status       integer     check (status between 100 and 599),
    content_type text,
    body         bytea,
    location     text,
    primary key (scope, key)
);

-- the retention job deletes the oldest keys first, in batches
create index idempotency_keys_created_idx on idempotency_keys (created_at);
