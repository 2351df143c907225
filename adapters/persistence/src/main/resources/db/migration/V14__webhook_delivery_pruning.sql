-- Finished deliveries (and their attempts, by cascade) are deleted after moments.webhooks.retention, oldest first.
create index webhook_deliveries_finished_idx on webhook_deliveries (created_at) where status <> 'PENDING';
