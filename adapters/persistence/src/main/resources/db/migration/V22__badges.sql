-- Badges (POST /v1/badges, GET /v1/users/{userId}/badges): earned once per user when their events complete the
-- badge's trigger (stored as a moment's). No money moves.

create table badges (
    id         text        primary key,
    partner_id text        not null references partners (id) on delete cascade,
    name       text        not null check (length(name) between 1 and 200),
    image_url  text        check (length(image_url) <= 2000),
    trigger    jsonb       not null,
    created_at timestamptz not null
);
create index badges_partner_idx on badges (partner_id, created_at);

-- A user's progress towards a badge (the trigger's state, as user_progress keeps a moment's), and once earned, when
-- and by which event: locked by the evaluation of the user's events, earned once.
create table badge_progress (
    badge_id   text        not null references badges (id) on delete cascade,
    user_id    text        not null,
    partner_id text        not null,
    state      jsonb       not null,
    earned_at  timestamptz,
    event_id   text,
    primary key (badge_id, user_id)
);
create index badge_progress_earned_idx on badge_progress (partner_id, user_id, earned_at) where earned_at is not null;
