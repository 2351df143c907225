-- awards_partner_user_idx (partner_id, user_id, id) serves every query by partner that this index served, so this
-- one only cost an index entry on every award written.
drop index awards_partner_idx;
