package dev.moments.domain.award;

import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.referral.Referral;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * A user's completion of a moment as the award policies see it: the facts each policy may ask for. A policy asks
 * only for what it needs, when it needs it (the user's last award only when the moment has a cooldown, the budget only
 * for a LIVE moment), so implementations may read lazily: one answers from the state a paying transaction holds under
 * its locks, another from a plain read for a preview or an explanation.
 */
public interface Candidate {

    /** The moment as it stands, its status included. */
    Moment moment();

    /** When the decision is taken: the cooldown counts from here. */
    Instant now();

    /** When the completion happened: the schedule must contain it (an event's {@code occurredAt}; else now). */
    Instant completedAt();

    /** The user who completed the moment. */
    String userId();

    /** The user's device, or {@code null} if unknown. */
    String deviceId();

    /** Whether the partner flags the user as a test user (only they are evaluated in TEST). */
    boolean testUser();

    /** Whether the user is in the moment's audience (country, platform, segments and condition). */
    boolean inAudience();

    /**
     * Whether the partner's blocklist names the user (or, for a referral, the other side), their device, the client
     * address or the user's e-mail address.
     */
    default boolean blocked() {
        return false;
    }

    /** How many awards of the moment the user holds. */
    int awardsOfUser();

    /** When the user last earned the moment, if ever. */
    Optional<Instant> lastAwardOfUser();

    /** How many awards of the moment the user's device holds (asked only when there is a device). */
    int awardsOnDevice();

    /** The client address the user completed from (an event's {@code context.ip}), or {@code null} if unknown. */
    default String ip() {
        return null;
    }

    /**
     * How many awards of the moment were earned from the user's client address within the moment's
     * {@code limits.perIp.within} before now (asked only when there is an address and a limit).
     */
    default int awardsFromIp() {
        return 0;
    }

    /** When the user's account was created (their {@code createdAt} attribute), if known. */
    default Optional<Instant> accountCreatedAt() {
        return Optional.empty();
    }

    /** The moment's budget as it stands (asked only for a LIVE moment). */
    Budget budget();

    /**
     * What the completion costs (asked only for a LIVE moment): the budget's price per action, or the price of the
     * user's variant.
     */
    default Money price() {
        return budget().costPerAction();
    }

    /** What the moment has charged today, in its time zone (asked only when its budget has a daily cap). */
    Money chargedToday();

    /**
     * For a referral moment: the referral of the user who completed it (its referee), if someone referred them. The
     * award is then the referrer's, or with {@link #toReferee} the referee's: {@link #awardsOfUser} and
     * {@link #lastAwardOfUser} are that user's.
     */
    default Optional<Referral> referral() {
        return Optional.empty();
    }

    /** Whether the award decided is the referee's own (the moment rewards the referee too), not the referrer's. */
    default boolean toReferee() {
        return false;
    }

    /** Whether the referrer was seen on a device of the referee (asked only of a referral within its window). */
    default boolean referrerSharesDevice() {
        return false;
    }

    /**
     * Whether the moment already paid this referral to the user the award is for (asked only of a referral within its
     * window): a referee's referral pays each side once.
     */
    default boolean referralPaid() {
        return false;
    }

    /** How much the partner's monthly cap still allows this month, or empty without a cap. */
    Optional<Money> monthlyRoom();
}
