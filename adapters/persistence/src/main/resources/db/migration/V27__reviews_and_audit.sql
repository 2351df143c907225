-- The review queue (a moment's "review": completions paid more than review_above wait in PENDING_REVIEW until the
-- partner approves or rejects them, or review_auto_reject_after passes) and the audit log.
alter table moments add column review_above numeric(19,4) check (review_above >= 0),
    add column review_auto_reject_after text,
    add constraint moments_review_whole check ((review_above is null) = (review_auto_reject_after is null));

-- GET /v1/reviews (oldest first) and the job that rejects those nobody decided on in time.
create index awards_pending_review_idx on awards (partner_id, earned_at, id) where status = 'PENDING_REVIEW';
create index awards_review_due_idx on awards (earned_at) where status = 'PENDING_REVIEW';

-- Who changed what, and when: a partner's configuration changes, the admin's actions on it and review decisions.
create table audit_log (
    id         text        primary key,
    partner_id text        not null references partners (id) on delete cascade,
    at         timestamptz not null,
    actor      text        not null check (length(actor) between 1 and 200),
    action     text        not null check (length(action) between 1 and 300),
    target     text        check (length(target) <= 200),
    detail     text        check (length(detail) <= 1000)
);
create index audit_log_partner_idx on audit_log (partner_id, at desc, id desc);
