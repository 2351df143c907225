package dev.moments.domain.referral;

import dev.moments.domain.award.Refusal;
import dev.moments.domain.trigger.ReferralTrigger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user (the referee) was referred by another (the referrer), as the first event that named a referrer told; later
 * events cannot change it, and a user never refers themself.
 *
 * @param referredAt the {@code occurredAt} of the event that first named the referrer: the referral's window counts
 *     from here
 */
public record Referral(String referee, String referrer, Instant referredAt) {

    public Referral {
        Objects.requireNonNull(referee, "referee");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(referredAt, "referredAt");
        if (referee.equals(referrer)) {
            throw new IllegalArgumentException("a user does not refer themself");
        }
    }

    /** The referral an event names, if it names one: none when the user names themself or no one. */
    public static Optional<Referral> named(String userId, Object referredBy, Instant occurredAt) {
        return referredBy instanceof String referrer && !referrer.isEmpty() && !referrer.equals(userId)
                ? Optional.of(new Referral(userId, referrer, occurredAt)) : Optional.empty();
    }

    /** When the referee's completion stops paying, or {@code null} if the referral never runs out. */
    public Instant expiresAt(ReferralTrigger trigger) {
        return trigger.within() == null ? null : referredAt.plus(trigger.within());
    }

    /**
     * Why a completion at {@code completedAt} does not pay this referral, on top of the moment's other rules: too
     * late. The rules a paid referral meets are {@link dev.moments.domain.award.AwardPolicy#REFERRAL}'s.
     */
    public Optional<Refusal> expiredAt(ReferralTrigger trigger, Instant completedAt) {
        Instant expiresAt = expiresAt(trigger);
        return expiresAt != null && completedAt.isAfter(expiresAt) ? Optional.of(Refusal.REFERRAL_EXPIRED)
                : Optional.empty();
    }

    /**
     * The user an award of this referral is for: the referrer, or with {@code toReferee} (the moment rewards the
     * referee too) the referee.
     */
    public String payee(boolean toReferee) {
        return toReferee ? referee : referrer;
    }
}
