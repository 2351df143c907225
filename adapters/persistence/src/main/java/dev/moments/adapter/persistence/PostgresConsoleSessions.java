package dev.moments.adapter.persistence;

import dev.moments.application.port.out.ConsoleSessions;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Keeps the console's sessions in {@code console_sessions}, in the caller's transaction. */
@ApplicationScoped
@StoreOutages
public class PostgresConsoleSessions implements ConsoleSessions {

    private static final String INSERT = "insert into console_sessions (id_digest, partner_id, api_key_id, csrf_token,"
            + " created_at, expires_at) values (?, ?, ?, ?, ?, ?)";

    private static final String FIND = "select id_digest, partner_id, api_key_id, csrf_token, created_at, expires_at"
            + " from console_sessions where id_digest = ?";

    private static final String DELETE = "delete from console_sessions where id_digest = ?";

    /** The oldest first; rows another transaction holds are skipped (two sign-ins at once do not wait). */
    private static final String DELETE_EXPIRED = "delete from console_sessions where id_digest in (select id_digest"
            + " from console_sessions where expires_at < ? order by expires_at limit ? for update skip locked)";

    @Override
    public void insert(StoredSession session) {
        // per-event path: a console sign-in, like the API key of every request (the table has no entity)
        Sql.insert("console session", INSERT, session.digest(), session.partnerId().value(),
                session.apiKeyId().value(), session.csrfToken(), session.createdAt(), session.expiresAt());
    }

    @Override
    public Optional<StoredSession> find(String digest) {
        // per-event path: every console page reads its session, like the API key of every request
        return Sql.first(FIND, rows -> new StoredSession(rows.getString("id_digest"),
                new PartnerId(rows.getString("partner_id")), new ApiKeyId(rows.getString("api_key_id")),
                rows.getString("csrf_token"), Sql.instant(rows, "created_at"), Sql.instant(rows, "expires_at")),
                digest);
    }

    @Override
    public void delete(String digest) {
        // per-event path: a sign-out, or a session found expired or with a revoked key
        Sql.update(DELETE, digest);
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        // lock: SKIP LOCKED, so concurrent sign-ins do not wait for each other
        return Sql.update(DELETE_EXPIRED, now, limit);
    }
}
