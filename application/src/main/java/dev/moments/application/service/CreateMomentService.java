package dev.moments.application.service;

import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreateMomentUseCase;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.moment.MomentId;
import java.time.Instant;

/** Defines a moment: checked as every definition is ({@link MomentDefinitions}), stored as a DRAFT with its budget. */
public final class CreateMomentService implements CreateMomentUseCase {

    private final MomentRepository moments;
    private final BudgetLedger ledger;
    private final MomentDefinitions definitions;
    private final MomentViews views;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public CreateMomentService(MomentRepository moments, BudgetLedger ledger, MomentDefinitions definitions,
                               MomentViews views, IdGenerator ids, Clock clock, TransactionRunner transactions) {
        this.moments = moments;
        this.ledger = ledger;
        this.definitions = definitions;
        this.views = views;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public MomentView create(CreateMomentCommand command) {
        Instant now = clock.now();
        MomentDefinitions.Defined defined = definitions.define(new MomentId(ids.next(MomentId.PREFIX)),
                command.partnerId(), command, null, now);
        return transactions.run(() -> {
            moments.insert(defined.moment());
            ledger.open(defined.budget(), now);
            return views.view(defined.moment(), now);
        });
    }
}
