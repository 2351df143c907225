-- The partner console's sessions (docs/console.md). A session is known by the SHA-256 digest of its id (256 random
-- bits, the browser's cookie), never the id itself; it is bound to the API key the partner signed in with, so
-- revoking the key ends it (checked whenever the session is used); it ends at expires_at or at sign-out.
create table console_sessions (
    id_digest  text        collate "C" primary key check (id_digest ~ '^[0-9a-f]{64}$'),
    partner_id text        not null references partners (id) on delete cascade,
    api_key_id text        not null references api_keys (id) on delete cascade,
    -- the synchronizer token every form of the session carries; useless without the session's cookie
    csrf_token text        not null check (length(csrf_token) between 32 and 128),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    check (expires_at > created_at)
);

-- sign-in forgets the expired sessions, oldest first
create index console_sessions_expires_idx on console_sessions (expires_at);
create index console_sessions_key_idx on console_sessions (api_key_id);
