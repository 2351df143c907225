-- Velocity rules (limits.perIp, limits.minAccountAge): the moment's limits, and the client address each award was
-- earned from, kept as the SHA-256 of its canonical form (never the address itself) and counted per window.
alter table moments add column per_ip_max integer check (per_ip_max between 1 and 10000),
    add column per_ip_within text, add column min_account_age text,
    add constraint moments_per_ip_whole check ((per_ip_max is null) = (per_ip_within is null));
alter table awards add column ip_key text check (ip_key is null or length(ip_key) = 64);
create index awards_ip_idx on awards (moment_id, ip_key, earned_at) where ip_key is not null;
