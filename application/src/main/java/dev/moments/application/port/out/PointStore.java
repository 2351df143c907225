package dev.moments.application.port.out;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.PointEntry;
import dev.moments.domain.points.PointRule;
import dev.moments.domain.points.PointRuleId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Keeps the partners' point rules, and each user's points: an append-only ledger of entries and the balance they
 * sum to, which never goes below zero.
 */
public interface PointStore {

    /**
     * Stores a rule unless its partner keeps {@code max} already, counted under a lock of the partner's rules (so
     * concurrent creations never pass the limit together).
     *
     * @return whether it was stored
     */
    boolean insertRule(PointRule rule, int max);

    /** The partner's rules, oldest first. */
    List<PointRule> rules(PartnerId partnerId);

    Optional<PointRule> findRule(PartnerId partnerId, PointRuleId id);

    /** Deletes a rule (its entries stay); answers whether it was there. */
    boolean deleteRule(PartnerId partnerId, PointRuleId id);

    /**
     * Writes the points earned, at most one entry per (partner, event, rule): an entry already written for that
     * event by that rule is left as it is and adds nothing to the balance.
     */
    void earnAll(List<PointEntry> entries);

    /**
     * Takes {@code spend}'s points ({@code -spend.points()}) from the user's balance and writes the entry, if the
     * balance holds them; two spends of one user never take the same points.
     *
     * @return the balance after the spend, or empty when it did not hold them (nothing written)
     */
    OptionalLong spend(PointEntry spend);

    /** The user's balance: 0 for a user who never earned any. */
    long balance(PartnerId partnerId, String userId);

    /** The user's entries, newest first. */
    Page<PointEntry> entries(PartnerId partnerId, String userId, PageRequest page);
}
