package dev.moments.application.service;

import dev.moments.application.port.out.PartnerSpending;
import dev.moments.domain.shared.Money;
import java.util.Optional;

/** A partner's monthly cap as it stands under the partner's lock, and what the paying transaction charged against it. */
final class PartnerMonth {

    private final PartnerSpending.Cap cap;
    private Money chargedHere;

    /** @param cap the cap as read under the lock, or {@code null} for a partner without one */
    PartnerMonth(PartnerSpending.Cap cap) {
        this.cap = cap;
    }

    /** What the cap still allows, this transaction's charges counted; empty without a cap. */
    Optional<Money> room() {
        if (cap == null) {
            return Optional.empty();
        }
        Money left = cap.limit().minus(cap.charged());
        return Optional.of(chargedHere == null ? left : left.minus(chargedHere));
    }

    /** Books a charge in memory (only a capped partner's month counts). */
    void charge(Money price) {
        if (cap != null) {
            chargedHere = chargedHere == null ? price : chargedHere.plus(price);
        }
    }

    /** What this transaction charged against the cap, or {@code null}. */
    Money chargedHere() {
        return chargedHere;
    }
}
