-- Variants (A/B of price and rewards inside one moment): the moment's variants as JSON
-- ([{"name", "weight", "costPerAction"?, "rewards": [...]}], in the moment's currency), the variant a treatment user
-- was given at their first reach, and the variant an award was paid under (its price and its rewards).
alter table moments add column variants jsonb check (variants is null or jsonb_typeof(variants) = 'array');
alter table user_progress add column variant text;
alter table awards add column variant text;
