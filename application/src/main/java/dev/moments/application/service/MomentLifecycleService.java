package dev.moments.application.service;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.in.ChangeMomentStatusUseCase;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.events.MomentStatusChanged;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;

/**
 * Moves a moment through its lifecycle at the partner's word (test, launch, pause, resume, finish), under its budget
 * lock so no payment runs meanwhile, and tells of it ({@code moment.status_changed}).
 */
public final class MomentLifecycleService implements ChangeMomentStatusUseCase {

    private final MomentRepository moments;
    private final BudgetLedger ledger;
    private final MomentViews views;
    private final ListeningMoments listening;
    private final DomainEventOutbox outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public MomentLifecycleService(MomentRepository moments, BudgetLedger ledger, MomentViews views,
                                  ListeningMoments listening, DomainEventOutbox outbox, IdGenerator ids, Clock clock,
                                  TransactionRunner transactions) {
        this.moments = moments;
        this.ledger = ledger;
        this.views = views;
        this.listening = listening;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public MomentView change(PartnerId partnerId, MomentId momentId, LifecycleAction action) {
        MomentView result = transactions.run(() -> {
            Instant now = clock.now();
            Moment current = views.locked(partnerId, momentId);
            boolean canPay = ledger.find(momentId).orElseThrow().canPayOneAction();
            Moment changed = switch (action) {
                case TEST -> current.test(now);
                case LAUNCH -> current.launch(canPay, now);
                case PAUSE -> current.pause(now);
                case RESUME -> current.resume(canPay, now);
                case FINISH -> current.finish(now);
            };
            if (!moments.updateStatus(changed, current.status())) {
                throw new ConcurrentWriteException("moment " + momentId + " changed meanwhile", null);
            }
            outbox.raise(new MomentStatusChanged(changed, current.status(), now), ids);
            return views.view(changed, now);
        });
        transactions.afterCommit(() -> listening.changed(partnerId));
        return result;
    }
}
