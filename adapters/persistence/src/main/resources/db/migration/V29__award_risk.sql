-- What was noticed about each award when it was decided (the velocity counts of its moment's limits, the rule that
-- sent it to review): [{"rule","count","limit","detail"}], or null when nothing was.
alter table awards add column risk jsonb check (risk is null or jsonb_typeof(risk) = 'array');
