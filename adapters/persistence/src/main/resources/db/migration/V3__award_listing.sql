-- Partners list a user's awards (GET /v1/awards?userId=…), paged by id.
create index awards_partner_user_idx on awards (partner_id, user_id, id);
