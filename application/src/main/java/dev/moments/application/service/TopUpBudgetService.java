package dev.moments.application.service;

import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.TopUpBudgetUseCase;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Money;
import java.time.Instant;

/** Adds money to a moment's budget, in any status; an EXHAUSTED moment that can pay again goes LIVE. */
public final class TopUpBudgetService implements TopUpBudgetUseCase {

    private final BudgetLedger ledger;
    private final MomentViews views;
    private final BudgetFollower follower;
    private final ListeningMoments listening;
    private final Clock clock;
    private final Transactions transactions;

    public TopUpBudgetService(BudgetLedger ledger, MomentViews views, BudgetFollower follower,
                              ListeningMoments listening, Clock clock, TransactionRunner transactions) {
        this.ledger = ledger;
        this.views = views;
        this.follower = follower;
        this.listening = listening;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public MomentView topUp(PartnerId partnerId, MomentId momentId, String amount) {
        MomentView toppedUp = transactions.run(() -> {
            Instant now = clock.now();
            views.found(partnerId, momentId);
            Budget budget = ledger.find(momentId).orElseThrow();
            Money money = MomentDefinitions.parse("amount", amount, budget.total().currency());
            budget.topUp(money); // validates positivity and currency before touching the store
            ledger.topUp(momentId, money, now);
            // Re-read after the write: the store serialises budget writes, so this sees every committed reservation.
            return views.view(follower.follow(partnerId, momentId, now).moment(), now);
        });
        // after the commit, also when this top-up joined a larger transaction (an idempotent request): a reload of the
        // index before the commit would read the moment still EXHAUSTED and keep that for its whole max age
        transactions.afterCommit(() -> listening.changed(partnerId));
        return toppedUp;
    }
}
