-- Daily caps: what each moment was charged on its current calendar day (in the moment's time zone), kept on the
-- budget row so a reservation checks total and daily cap in one conditional UPDATE. The CHECK makes exceeding a cap
-- impossible whatever the application does.
alter table budgets
    add column charged_day   date,
    add column charged_today numeric(19,4) not null default 0,
    add constraint budgets_charged_today_check check (charged_today >= 0),
    add constraint budgets_daily_cap_respected_check check (daily_cap is null or charged_today <= daily_cap);
