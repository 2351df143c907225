package dev.moments.domain.award;

import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Review;
import dev.moments.domain.shared.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something noticed about a completion when it was paid, kept with its award: how close it came to one of the
 * moment's limits (the velocity counts at decision time), or the rule that sent it to review. A partner reads them on
 * the award, in the explanation and in the console, to see which payments were borderline.
 *
 * @param rule {@code perUser}, {@code perDevice}, {@code perIp} or {@code review}
 * @param count for a limit: the awards it counted, this one included; else {@code null}
 * @param limit for a limit: the most it allows; else {@code null}
 * @param detail the signal in words
 */
public record RiskSignal(String rule, Integer count, Integer limit, String detail) {

    /** The rule of a completion held for review. */
    public static final String REVIEW = "review";

    public RiskSignal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether a limit was near: at least the second award it counted, and more than half of what it allows. */
    public boolean near() {
        return count != null && limit != null && count >= 2 && count * 2 > limit;
    }

    /**
     * What a completion the policies let through would record: the counts of the device and client-address limits the
     * moment sets (always: they are the velocity at decision time), the user's limit when it was near, and the review
     * rule when the price is above it. Asks the candidate only what the policies asked already.
     */
    public static List<RiskSignal> assess(Candidate candidate) {
        List<RiskSignal> signals = new ArrayList<>();
        Limits limits = candidate.moment().limits();
        if (limits.perUser() > 1) {
            RiskSignal user = counted("perUser", candidate.awardsOfUser() + 1, limits.perUser(), "of the user");
            if (user.near()) {
                signals.add(user);
            }
        }
        if (limits.perDevice() != null && candidate.deviceId() != null) {
            signals.add(counted("perDevice", candidate.awardsOnDevice() + 1, limits.perDevice(), "of the device"));
        }
        if (limits.perIp() != null && candidate.ip() != null) {
            signals.add(counted("perIp", candidate.awardsFromIp() + 1, limits.perIp().max(),
                    "from the client address within " + iso(limits.perIp().within())));
        }
        if (limits.review() != null) {
            review(limits.review(), candidate.price()).ifPresent(signals::add);
        }
        return List.copyOf(signals);
    }

    /** The signal of a completion at {@code price} that the review rule holds, if it does. */
    public static Optional<RiskSignal> review(Review review, Money price) {
        return review.holds(price) ? Optional.of(new RiskSignal(REVIEW, null, null, "the price "
                + price.toDecimalString() + " is above review.above "
                + new Money(review.above(), price.currency()).toDecimalString())) : Optional.empty();
    }

    /** Whether the signals send the award to review. */
    public static boolean heldForReview(List<RiskSignal> signals) {
        return signals.stream().anyMatch(signal -> signal.rule().equals(REVIEW));
    }

    /** A duration as partners write it: {@code P1D} rather than {@code PT24H} when it is whole days. */
    private static String iso(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private static RiskSignal counted(String rule, int count, int limit, String whose) {
        return new RiskSignal(rule, count, limit, "award " + count + " of at most " + limit + " " + whose);
    }
}
