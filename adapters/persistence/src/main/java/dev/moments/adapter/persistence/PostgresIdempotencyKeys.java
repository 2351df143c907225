package dev.moments.adapter.persistence;

import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.IdempotencyKeys;
import dev.moments.application.port.out.RecordedResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final String READ = "select fingerprint, status, content_type, body, location from idempotency_keys"
            + " where scope = ? and key = ?";

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
            if (Sql.update(CLAIM, scope, key, fingerprint, now) == 1) {
                return Optional.empty();
            }
            Optional<Used> used = Sql.first(READ, PostgresIdempotencyKeys::used, scope, key);
            if (used.isPresent()) {
                return used;
            }
        }
        throw new ConcurrentWriteException("idempotency key " + key + " was deleted and claimed again meanwhile",
                null);
    }

    @Override
    public void complete(String scope, String key, RecordedResponse response) {
        int completed = Sql.update(COMPLETE, response.status(), response.contentType(), response.body(),
                response.location(), scope, key);
        if (completed != 1) {
            throw new IllegalStateException("idempotency key " + key + " is not claimed by this transaction");
        }
    }

    @Override
    public int forgetClaimedBefore(Instant before, int limit) {
        return Sql.update(FORGET, before, limit);
    }

    private static Used used(ResultSet row) throws SQLException {
        int status = row.getInt("status");
        if (row.wasNull()) {
            // a committed claim without its response: only a transaction that skipped complete() leaves one
            throw new IllegalStateException("idempotency key claimed without a response");
        }
        return new Used(row.getString("fingerprint"), new RecordedResponse(status, row.getString("content_type"),
                row.getBytes("body"), row.getString("location")));
    }
}
