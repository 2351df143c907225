package dev.moments.application.service;

import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;

/**
 * Keeps a moment's status in step with its budget after money moved: a LIVE moment that cannot pay one more action
 * becomes EXHAUSTED, an EXHAUSTED one that can pay again goes LIVE. Reads the moment and the budget as they stand
 * (callers hold the budget lock), changes the status by compare-and-set and tells the index of listening moments.
 * The one place every payment, release, settle, refund and top-up follows the budget.
 */
final class BudgetFollower {

    /** The moment after following its budget, and whether this call changed its status. */
    record Followed(Moment moment, boolean changed) {
    }

    private final MomentRepository moments;
    private final BudgetLedger ledger;
    private final ListeningMoments listening;

    BudgetFollower(MomentRepository moments, BudgetLedger ledger, ListeningMoments listening) {
        this.moments = moments;
        this.ledger = ledger;
        this.listening = listening;
    }

    Followed follow(PartnerId partnerId, MomentId momentId, Instant now) {
        Moment current = moments.find(partnerId, momentId).orElseThrow();
        Moment followed = current.followBudget(ledger.find(momentId).orElseThrow().canPayOneAction(), now);
        if (followed == current || !moments.updateStatus(followed, current.status())) {
            return new Followed(current, false);
        }
        listening.changed(partnerId);
        return new Followed(followed, true);
    }
}
