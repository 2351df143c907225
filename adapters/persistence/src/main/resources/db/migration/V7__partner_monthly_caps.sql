-- Partner caps: an optional spending cap per UTC calendar month across all of a partner's moments, and what the
-- month on record charged against it, kept on the partner row so a charge checks and books the cap in one
-- conditional UPDATE (like a budget's daily cap). The month on record is its first day and never goes back.
-- Money is numeric(19,4) like every other amount here (currencies with three decimals fit).
-- No CHECK ties the charges to the cap: an operator may lower the cap below what the month already charged.
alter table partners
    add column monthly_cap        numeric(19,4),
    add column charged_month      date,
    add column charged_this_month numeric(19,4) not null default 0,
    add constraint partners_monthly_cap_check check (monthly_cap is null or monthly_cap > 0),
    add constraint partners_charged_this_month_check check (charged_this_month >= 0),
    add constraint partners_charged_month_check check (charged_month is null or extract(day from charged_month) = 1);
