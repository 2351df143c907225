-- A user's first reach of a moment (the earliest event of a type it listens to that passed its audience while it was
-- LIVE), with the arm it put the user in (holdout): the cohorts of the moment's report.
alter table user_progress add column reached_at timestamptz;
create index user_progress_reach_idx on user_progress (moment_id, holdout, reached_at) where reached_at is not null;
