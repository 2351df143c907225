package dev.moments.application.service;

import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;

/** Reads a partner's moment for a use case: with its budget's state, or again under its budget lock. */
public final class MomentViews {

    private final MomentRepository moments;
    private final BudgetLedger ledger;

    public MomentViews(MomentRepository moments, BudgetLedger ledger) {
        this.moments = moments;
        this.ledger = ledger;
    }

    /** The moment with its budget and the budget's state now, in the moment's time zone. */
    MomentView view(Moment moment, Instant now) {
        Budget budget = ledger.find(moment.id()).orElseThrow();
        return new MomentView(moment, budget, ledger.state(moment.id(), moment.schedule().timezone(), now));
    }

    /**
     * The partner's moment, read again under its budget lock, to change its status or definition: the lock every
     * writer of a moment's status or money takes (a lifecycle change or an edit before it changes the moment, a
     * payment before it reads the status, or by the reservation it makes last). Taken for a change, it moves the
     * budget's generation on, so a payment that read the moment before fails its reservation and decides again under
     * the lock. Another partner's moment is not found, and not locked.
     */
    Moment locked(PartnerId partnerId, MomentId momentId) {
        found(partnerId, momentId);
        ledger.lockToChange(momentId);
        return found(partnerId, momentId);
    }

    /** The partner's moment; another partner's is not found. */
    Moment found(PartnerId partnerId, MomentId momentId) {
        return moments.find(partnerId, momentId).orElseThrow(() -> new NotFoundException("moment", momentId));
    }
}
