package dev.moments.application.service;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.EditMomentUseCase;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.ReferralTrigger;
import dev.moments.domain.trigger.Trigger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Edits a DRAFT or PAUSED moment under its budget lock: the edited definition passes every check a new one does, the
 * budget takes the new price and daily cap for future awards, and a new trigger starts users' progress again.
 */
public final class EditMomentService implements EditMomentUseCase {

    private final MomentRepository moments;
    private final BudgetLedger ledger;
    private final ProgressRepository progress;
    private final MomentDefinitions definitions;
    private final MomentViews views;
    private final ListeningMoments listening;
    private final Clock clock;
    private final Transactions transactions;

    public EditMomentService(MomentRepository moments, BudgetLedger ledger, ProgressRepository progress,
                             MomentDefinitions definitions, MomentViews views, ListeningMoments listening, Clock clock,
                             TransactionRunner transactions) {
        this.moments = moments;
        this.ledger = ledger;
        this.progress = progress;
        this.definitions = definitions;
        this.views = views;
        this.listening = listening;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public MomentView edit(PartnerId partnerId, MomentId momentId, Edit edit) {
        MomentView edited = transactions.run(() -> {
            Instant now = clock.now();
            // under the lock no launch, resume or payment runs until this transaction ends: the status checked here
            // is the one the edit applies to
            Moment current = views.locked(partnerId, momentId);
            current.requireEditable();
            Budget budget = ledger.find(momentId).orElseThrow();
            CreateMomentCommand definition = edit.definition(
                    new MomentView(current, budget, ledger.state(momentId, current.schedule().timezone(), now)));
            checkTotalAndCurrency(definition.budget(), budget);
            MomentDefinitions.Defined next = definitions.define(momentId, partnerId, definition, current, now);
            // every refusal comes before the first write (the in-memory ports do not roll back)
            repriceOrRefuse(next, now);
            if (!moments.update(next.moment())) {
                throw new ConcurrentWriteException("moment " + momentId + " changed meanwhile", null);
            }
            // what the users progress on: a referral's window or rewardReferee changed keeps their progress
            Trigger evaluated = ReferralTrigger.evaluated(next.moment().trigger());
            if (!evaluated.equals(ReferralTrigger.evaluated(current.trigger()))) {
                progress.restartAll(momentId, next.moment().trigger());
            }
            return views.view(next.moment(), now);
        });
        transactions.afterCommit(() -> listening.changed(partnerId));
        return edited;
    }

    /** An edit keeps the budget's money: its currency never changes, and its total only through a top-up. */
    private static void checkTotalAndCurrency(CreateMomentCommand.BudgetSpec spec, Budget budget) {
        if (spec == null) {
            return; // refused as a missing budget with the rest of the definition
        }
        Currency currency = budget.total().currency();
        if (spec.currency() != null && !spec.currency().equals(currency.getCurrencyCode())) {
            throw new InvalidValueException("budget.currency", "a budget's currency cannot change; this one is in "
                    + currency.getCurrencyCode());
        }
        if (spec.total() != null && !MomentDefinitions.parse("budget.total", spec.total(), currency).equals(budget.total())) {
            throw new InvalidValueException("budget.total", "the total changes only through a top-up, which adds to"
                    + " it; it stays " + budget.total().toDecimalString());
        }
    }

    /**
     * Gives the budget the edited price and daily cap, refusing a cap below what the moment already charged today:
     * the day's charges never exceed the cap, and what was charged stays charged.
     */
    private void repriceOrRefuse(MomentDefinitions.Defined edited, Instant now) {
        MomentId id = edited.moment().id();
        ZoneId zone = edited.moment().schedule().timezone();
        Budget budget = edited.budget();
        if (!ledger.reprice(id, budget.costPerAction(), budget.dailyCap(), LocalDate.ofInstant(now, zone))) {
            throw new InvalidValueException("budget.dailyCap", "the moment already charged "
                    + ledger.state(id, zone, now).spentToday().toDecimalString() + " today (in " + zone.getId()
                    + "), more than a dailyCap of " + budget.dailyCap().toDecimalString()
                    + "; a cap that low can be set from tomorrow");
        }
    }

}
