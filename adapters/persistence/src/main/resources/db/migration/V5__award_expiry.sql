-- The expiry job finds unclaimed awards whose link expired, oldest deadline first.
create index awards_expiry_idx on awards (expires_at) where status in ('EARNED', 'PENDING_REVIEW');
