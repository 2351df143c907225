package dev.moments.application.service;

import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.events.BudgetExhausted;
import dev.moments.domain.events.MomentStatusChanged;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;

/**
 * Keeps a moment's status in step with its budget after money moved: a LIVE moment that cannot pay one more action
 * becomes EXHAUSTED (and says so: {@code moment.status_changed}, {@code budget.exhausted}), an EXHAUSTED one that can
 * pay again goes LIVE. Reads the moment and the budget as they stand (callers hold the budget lock), changes the
 * status by compare-and-set and tells the index of listening moments. The one place every payment, release, settle,
 * refund and top-up follows the budget.
 */
public final class BudgetFollower {

    /** The moment after following its budget, and whether this call changed its status. */
    record Followed(Moment moment, boolean changed) {
    }

    private final MomentRepository moments;
    private final BudgetLedger ledger;
    private final ListeningMoments listening;
    private final DomainEventOutbox outbox;
    private final IdGenerator ids;

    public BudgetFollower(MomentRepository moments, BudgetLedger ledger, ListeningMoments listening,
                          DomainEventOutbox outbox, IdGenerator ids) {
        this.moments = moments;
        this.ledger = ledger;
        this.listening = listening;
        this.outbox = outbox;
        this.ids = ids;
    }

    Followed follow(PartnerId partnerId, MomentId momentId, Instant now) {
        Moment current = moments.find(partnerId, momentId).orElseThrow();
        Budget budget = ledger.find(momentId).orElseThrow();
        Moment followed = current.followBudget(budget.canPayOneAction(), now);
        if (followed == current || !moments.updateStatus(followed, current.status())) {
            return new Followed(current, false);
        }
        listening.changed(partnerId);
        outbox.raise(new MomentStatusChanged(followed, current.status(), now), ids);
        if (followed.status() == MomentStatus.EXHAUSTED) {
            outbox.raise(new BudgetExhausted(followed, budget, now), ids);
        }
        return new Followed(followed, true);
    }
}
