package dev.moments.application.port.out;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The e-mails of awards ({@code messages.email}), at most one per award, and where each stands: written by the e-mail
 * relay, sent by the dispatcher, which takes due ones under a lease so that two instances never send one together.
 */
public interface AwardEmails {

    /** Where an award's e-mail stands. */
    enum Status { PENDING, SENT, FAILED, SKIPPED }

    /** An e-mail to write. */
    record NewEmail(AwardId awardId, PartnerId partnerId, MomentId momentId, String recipient, Instant at) {
    }

    /**
     * An e-mail taken for sending.
     *
     * @param attempt the number of this attempt, from 1
     * @param token the lease it was taken under
     */
    record Due(AwardId awardId, PartnerId partnerId, MomentId momentId, String recipient, int attempt,
               String token) {
    }

    /** An award's e-mail as stored. */
    record State(AwardId awardId, String recipient, Status status, int attempts, Instant nextAttemptAt,
                 String lastError, Instant sentAt) {
    }

    /** Writes the e-mails of awards that have none yet; an award that has one keeps it (written once). */
    void insertAll(List<NewEmail> emails);

    /**
     * Takes at most {@code limit} PENDING e-mails due at {@code now}, oldest first, skipping those another transaction
     * holds or whose lease runs, and leases them to {@code token} until {@code leaseUntil}, counting the attempt.
     */
    List<Due> takeDue(Instant now, Instant leaseUntil, String token, int limit);

    /**
     * Extends the lease of {@code token} on a PENDING e-mail to {@code leaseUntil}, just before it is sent.
     *
     * @return whether the lease was still {@code token}'s (if not, another dispatcher took the e-mail: not sent here)
     */
    boolean renew(AwardId awardId, String token, Instant leaseUntil);

    /**
     * Ends an e-mail as {@code status} (SENT, FAILED or SKIPPED) at {@code at}, with the reason of a failure, if
     * {@code token} still holds its lease.
     */
    void finish(AwardId awardId, String token, Status status, Instant at, String error);

    /**
     * Leaves an e-mail PENDING for another attempt at {@code nextAttemptAt}, with why this one failed, if
     * {@code token} still holds its lease.
     */
    void retryAt(AwardId awardId, String token, Instant nextAttemptAt, String error);

    Optional<State> find(AwardId awardId);
}
