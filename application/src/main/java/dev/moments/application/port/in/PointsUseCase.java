package dev.moments.application.port.in;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.PointEntry;
import dev.moments.domain.points.PointRule;
import dev.moments.domain.points.PointRuleId;
import java.util.List;

/**
 * Points for everyday engagement, beside the moments: the partner's rules, which events earn them (once per event and
 * rule), and the users' balances and spends. No money moves.
 */
public interface PointsUseCase {

    /**
     * Adds a rule; it counts for events recorded from then on.
     *
     * @throws dev.moments.domain.shared.InvalidValueException when a field is malformed, an expression does not
     *                                                         compile, or the partner has the most rules already
     */
    PointRule createRule(NewRule rule);

    List<PointRule> rules(PartnerId partnerId);

    /** @throws NotFoundException when the partner has no such rule */
    PointRule rule(PartnerId partnerId, PointRuleId id);

    /** @throws NotFoundException when the partner has no such rule */
    void deleteRule(PartnerId partnerId, PointRuleId id);

    /** The user's balance and entries, newest first. */
    Points points(PartnerId partnerId, String userId, PageRequest page);

    /**
     * Spends points of the user's balance.
     *
     * @throws InsufficientPointsException when the balance does not hold them (nothing spent)
     * @throws dev.moments.domain.shared.InvalidValueException when the amount is not a whole number from 1
     */
    Spent spend(PartnerId partnerId, String userId, long amount, String reason);

    /** A rule as the partner gives it; {@code points} is a whole number or a CEL expression. */
    record NewRule(PartnerId partnerId, String name, String event, String where, String points) {
    }

    /** A user's balance and a page of their entries. */
    record Points(String userId, long balance, Page<PointEntry> entries) {
    }

    /** A spend done: its entry and the balance after it. */
    record Spent(PointEntry entry, long balance) {
    }
}
