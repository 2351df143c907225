-- A budget's generation counts the changes of its moment's status or definition (lifecycle changes and edits, which
-- lock the budget row to make them: BudgetLedger.lockToChange). A payment that read the budget without its lock
-- reserves only if the generation is still the one it read, so the budget row is locked by the reservation itself,
-- the last statement of the paying transaction (docs/architecture.md, "Lock order").
alter table budgets add column generation bigint not null default 0 check (generation >= 0);
