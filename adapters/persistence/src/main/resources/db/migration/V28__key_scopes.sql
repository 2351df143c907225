-- What each API key may do (POST /admin/v1/partners/{id}/keys { "scopes": [...] }; keys issued before may do
-- everything), and when it was last used, written at most once a minute per key rather than per request.
alter table api_keys add column scopes text[] not null
        default '{events:write,moments:write,reports:read,awards:write}'
        check (cardinality(scopes) between 1 and 4
            and scopes <@ '{events:write,moments:write,reports:read,awards:write}'::text[]),
    add column last_used_at timestamptz;
