-- Whether an award's user may be e-mailed about it: false when the event that earned it said
-- "notify": { "email": false }; asked when an award held for review is approved, and award.earned is raised then.
alter table awards add column notify_email boolean not null default true;
