-- Referral moments (trigger kind "referral"): who referred whom, as the first event naming a referrer told (the
-- first one is kept: inserts do nothing on conflict), and the time it named them, from which the referral's window
-- counts.
create table referrals (
    partner_id  text        not null,
    user_id     text        not null,
    referrer_id text        not null check (referrer_id <> user_id),
    referred_at timestamptz not null,
    primary key (partner_id, user_id)
);

-- The devices users were seen on, kept for partners with referral moments: a referrer seen on a device of their
-- referee is refused (SELF_REFERRAL).
create table user_devices (
    partner_id text not null,
    user_id    text not null,
    device_id  text not null,
    primary key (partner_id, user_id, device_id)
);
create index user_devices_device_idx on user_devices (partner_id, device_id);

-- A referral's awards name both sides; each side is paid once per referee and moment.
alter table awards add column referrer text, add column referee text,
    add constraint awards_referral_sides check ((referrer is null) = (referee is null));
create unique index awards_referral_once_idx on awards (moment_id, referee, user_id) where referee is not null;
