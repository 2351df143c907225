package dev.moments.adapter.persistence;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.RecordedResponse;
import dev.moments.application.port.out.IdempotencyKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps idempotency keys in {@code idempotency_keys}, in the caller's transaction.
 *
 * <p>A claim is {@code INSERT … ON CONFLICT DO NOTHING}: while another transaction holds an uncommitted row for the
 * key, PostgreSQL makes the insert wait for that transaction's end; if it committed, nothing is inserted and the row
 * is read (a new statement, so under READ COMMITTED it sees the commit); if it rolled back, the insert goes ahead and
 * this transaction holds the key.
 */
@ApplicationScoped
@StoreOutages
public class PostgresIdempotencyKeys implements IdempotencyKeys {

    private static final String CLAIM = "insert into idempotency_keys (scope, key, fingerprint, created_at)"
            + " values (?, ?, ?, ?) on conflict (scope, key) do nothing";

    private static final String COMPLETE = "update idempotency_keys set status = ?, content_type = ?, body = ?,"
            + " location = ? where scope = ? and key = ? and status is null";

    /** The oldest keys first; keys held by another transaction (being claimed, or deleted by another instance) wait. */
    private static final String FORGET = "delete from idempotency_keys where (scope, key) in (select scope, key"
            + " from idempotency_keys where created_at < ? order by created_at limit ? for update skip locked)";

    /** A claim that finds the key, then not its row (the retention job deleted it meanwhile), tries again this often. */
    private static final int CLAIM_ATTEMPTS = 3;

    @Override
    public Optional<Used> claim(String scope, String key, String fingerprint, Instant now) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            // upsert: insert, or wait for the key's holder and do nothing
            if (Sql.update(CLAIM, scope, key, fingerprint, now) == 1) {
                return Optional.empty();
            }
            // a new statement: under READ COMMITTED it sees the row the holder committed
            Optional<Used> used = Store.find(IdempotencyKeyEntity.class, new IdempotencyKeyEntity.Key(scope, key))
                    .map(PostgresIdempotencyKeys::used);
            if (used.isPresent()) {
                return used;
            }
        }
        throw new ConcurrentWriteException("idempotency key " + key + " was deleted and claimed again meanwhile",
                null);
    }

    @Override
    public void complete(String scope, String key, RecordedResponse response) {
        // conditional update: only a claimed key without its response
        int completed = Sql.update(COMPLETE, response.status(), response.contentType(), response.body(),
                response.location(), scope, key);
        if (completed != 1) {
            throw new IllegalStateException("idempotency key " + key + " is not claimed by this transaction");
        }
    }

    @Override
    public int forgetClaimedBefore(Instant before, int limit) {
        // lock: SKIP LOCKED, so instances cleaning up at once do not wait for each other
        return Sql.update(FORGET, before, limit);
    }

    private static Used used(IdempotencyKeyEntity row) {
        if (row.status == null) {
            // a committed claim without its response: only a transaction that skipped complete() leaves one
            throw new IllegalStateException("idempotency key claimed without a response");
        }
        return new Used(row.fingerprint, new RecordedResponse(row.status, row.contentType, row.body, row.location));
    }
}
