-- A partner's branding of its redemption pages (PUT /v1/branding). The domain checks the values (Branding); the
-- checks here keep the shapes the page relies on: an https logo, a #RRGGBB colour in upper case.
create table partner_brandings (
    partner_id    text        primary key references partners (id) on delete cascade,
    display_name  text        not null check (length(display_name) between 1 and 100),
    logo_url      text        check (logo_url ~* '^https://' and length(logo_url) <= 2000),
    primary_color text        check (primary_color ~ '^#[0-9A-F]{6}$'),
    support_email text        check (length(support_email) <= 254),
    updated_at    timestamptz not null default now()
);
