package dev.moments.domain.trigger;

import dev.moments.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * "Refer a friend": completes when a referred user (the referee) completes {@code of}, within {@code within} of being
 * referred. The progress is the referee's, on {@code of}; who is paid is decided when it completes: the referrer,
 * and with {@code rewardReferee} the referee too ({@link dev.moments.domain.referral.Referral}). A referral is a
 * moment's whole trigger: it neither nests in {@code all}/{@code any} nor holds another referral or a direct trigger.
 *
 * @param within how long after being referred the referee's completion still pays, or {@code null} for no limit
 * @param rewardReferee whether the referee is awarded as well as the referrer (each award at the moment's price)
 */
public record ReferralTrigger(Trigger of, Duration within, boolean rewardReferee) implements Trigger {

    public ReferralTrigger {
        if (of == null) {
            throw new InvalidValueException("of", "a referral needs the trigger the referee completes");
        }
        if (of instanceof ReferralTrigger || of instanceof DirectTrigger) {
            throw new InvalidValueException("of.kind", "a referral's referee completes events: "
                    + of.kind() + " cannot be its trigger");
        }
        Windows.within(within, false);
    }

    @Override
    public String kind() {
        return "referral";
    }

    @Override
    public Set<String> eventTypes() {
        return of.eventTypes();
    }

    @Override
    public void collectExpressions(String path, Map<String, String> into) {
        of.collectExpressions(path + ".of", into);
    }

    /**
     * The trigger whose progress is evaluated: a referral's referee completes {@code of}; any other trigger is its own.
     * An edit that keeps it (a referral's window or {@code rewardReferee} changed) keeps the users' progress.
     */
    public static Trigger evaluated(Trigger trigger) {
        return trigger instanceof ReferralTrigger referral ? referral.of() : trigger;
    }
}
