package dev.moments.adapter.persistence;

import dev.moments.application.port.out.AwardEmails;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps the award e-mails in PostgreSQL ({@code award_emails}), in plain SQL. */
@ApplicationScoped
@StoreOutages
public class PostgresAwardEmails implements AwardEmails {

    @Override
    public void insertAll(List<NewEmail> emails) {
        // batch: the e-mails of a relayed batch; an award that has one keeps it (the relay may offer an event again)
        Sql.batch("insert into award_emails (award_id, partner_id, moment_id, recipient, status, attempts,"
                        + " next_attempt_at, created_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?)"
                        + " on conflict (award_id) do nothing",
                emails.stream().map(email -> new Object[] {email.awardId().value(), email.partnerId().value(),
                        email.momentId().value(), email.recipient(), email.at(), email.at()}).toList());
    }

    @Override
    public List<Due> takeDue(Instant now, Instant leaseUntil, String token, int limit) {
        // lock: the due e-mails, SKIP LOCKED so that instances take different ones; then their lease, in one statement
        return Sql.list("""
                update award_emails set lease_until = ?, lease_token = ?, attempts = attempts + 1
                where award_id in (select award_id from award_emails
                                   where status = 'PENDING' and next_attempt_at <= ?
                                     and (lease_until is null or lease_until <= ?)
                                   order by next_attempt_at limit ? for update skip locked)
                returning award_id, partner_id, moment_id, recipient, attempts""",
                row -> new Due(new AwardId(row.getString("award_id")), new PartnerId(row.getString("partner_id")),
                        new MomentId(row.getString("moment_id")), row.getString("recipient"), row.getInt("attempts"),
                        token),
                leaseUntil, token, now, now, limit);
    }

    @Override
    public boolean renew(AwardId awardId, String token, Instant leaseUntil) {
        // conditional update: only the lease's holder renews it
        return Sql.update("update award_emails set lease_until = ? where award_id = ? and lease_token = ?"
                + " and status = 'PENDING'", leaseUntil, awardId.value(), token) == 1;
    }

    @Override
    public void finish(AwardId awardId, String token, Status status, Instant at, String error) {
        // conditional update: only under the lease that sent it
        Sql.update("update award_emails set status = ?, lease_until = null, lease_token = null, last_error = ?,"
                + " sent_at = case when ? = 'SENT' then cast(? as timestamptz) end"
                + " where award_id = ? and lease_token = ? and status = 'PENDING'",
                status.name(), error, status.name(), at, awardId.value(), token);
    }

    @Override
    public void retryAt(AwardId awardId, String token, Instant nextAttemptAt, String error) {
        // conditional update: only under the lease that tried
        Sql.update("update award_emails set next_attempt_at = ?, lease_until = null, lease_token = null,"
                + " last_error = ? where award_id = ? and lease_token = ? and status = 'PENDING'", nextAttemptAt,
                error, awardId.value(), token);
    }

    @Override
    public Optional<State> find(AwardId awardId) {
        return Sql.first("select award_id, recipient, status, attempts, next_attempt_at, last_error, sent_at"
                        + " from award_emails where award_id = ?",
                row -> new State(new AwardId(row.getString("award_id")), row.getString("recipient"),
                        Status.valueOf(row.getString("status")), row.getInt("attempts"),
                        Sql.instant(row, "next_attempt_at"), row.getString("last_error"), Sql.instant(row, "sent_at")),
                awardId.value());
    }
}
