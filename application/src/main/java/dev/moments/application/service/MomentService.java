package dev.moments.application.service;

import dev.moments.application.port.in.ChangeMomentStatusUseCase;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreateMomentUseCase;
import dev.moments.application.port.in.EditMomentUseCase;
import dev.moments.application.port.in.GetMomentQuery;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.TopUpBudgetUseCase;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.Page;
import dev.moments.application.port.out.PageRequest;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Defines and edits moments, moves them through their lifecycle and tops up their budgets. */
public final class MomentService implements CreateMomentUseCase, EditMomentUseCase, ChangeMomentStatusUseCase,
        TopUpBudgetUseCase, GetMomentQuery {

    private final MomentRepository moments;
    private final RewardRepository rewards;
    private final PartnerRepository partners;
    private final BudgetLedger ledger;
    private final ProgressRepository progress;
    private final CompiledExpressions expressions;
    private final ListeningMoments listening;
    private final BudgetFollower follower;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public MomentService(MomentRepository moments, RewardRepository rewards, PartnerRepository partners,
                         BudgetLedger ledger, ProgressRepository progress, CompiledExpressions expressions,
                         ListeningMoments listening, IdGenerator ids, Clock clock, TransactionRunner transactions) {
        this.moments = moments;
        this.rewards = rewards;
        this.partners = partners;
        this.ledger = ledger;
        this.progress = progress;
        this.expressions = expressions;
        this.listening = listening;
        this.follower = new BudgetFollower(moments, ledger, listening);
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public MomentView create(CreateMomentCommand command) {
        Instant now = clock.now();
        Partner partner = partners.find(command.partnerId())
                .orElseThrow(() -> new NotFoundException("partner", command.partnerId()));
        MomentId id = new MomentId(ids.next(MomentId.PREFIX));
        Defined defined = define(id, partner, command, null, now);
        return transactions.run(() -> {
            moments.insert(defined.moment());
            ledger.open(defined.budget(), now);
            return view(defined.moment(), now);
        });
    }

    @Override
    public MomentView edit(PartnerId partnerId, MomentId momentId, Edit edit) {
        MomentView edited = transactions.run(() -> {
            Instant now = clock.now();
            // under the lock no launch, resume or payment runs until this transaction ends: the status checked here
            // is the one the edit applies to
            Moment current = locked(partnerId, momentId);
            current.requireEditable();
            Budget budget = ledger.find(momentId).orElseThrow();
            CreateMomentCommand definition = edit.definition(
                    new MomentView(current, budget, ledger.state(momentId, current.schedule().timezone(), now)));
            checkTotalAndCurrency(definition.budget(), budget);
            Partner partner = partners.find(partnerId).orElseThrow(() -> new NotFoundException("partner", partnerId));
            Defined next = define(momentId, partner, definition, current, now);
            // every refusal comes before the first write (the in-memory ports do not roll back)
            repriceOrRefuse(next, now);
            if (!moments.update(next.moment())) {
                throw new ConcurrentWriteException("moment " + momentId + " changed meanwhile", null);
            }
            if (!next.moment().trigger().equals(current.trigger())) {
                progress.restartAll(momentId, next.moment().trigger());
            }
            return view(next.moment(), now);
        });
        transactions.afterCommit(() -> listening.changed(partnerId));
        return edited;
    }

    @Override
    public MomentView change(PartnerId partnerId, MomentId momentId, LifecycleAction action) {
        MomentView result = transactions.run(() -> {
            Instant now = clock.now();
            Moment current = locked(partnerId, momentId);
            boolean canPay = ledger.find(momentId).orElseThrow().canPayOneAction();
            Moment changed = switch (action) {
                case TEST -> current.test(now);
                case LAUNCH -> current.launch(canPay, now);
                case PAUSE -> current.pause(now);
                case RESUME -> current.resume(canPay, now);
                case FINISH -> current.finish(now);
            };
            if (!moments.updateStatus(changed, current.status())) {
                throw new ConcurrentWriteException(
                        "moment " + momentId + " changed meanwhile", null);
            }
            return view(changed, now);
        });
        transactions.afterCommit(() -> listening.changed(partnerId));
        return result;
    }

    @Override
    public MomentView topUp(PartnerId partnerId, MomentId momentId, String amount) {
        MomentView toppedUp = transactions.run(() -> {
            Instant now = clock.now();
            Moment before = moments.find(partnerId, momentId).orElseThrow(() -> new NotFoundException("moment", momentId));
            Budget budget = ledger.find(momentId).orElseThrow();
            Money money = parse("amount", amount, budget.total().currency());
            budget.topUp(money); // validates positivity and currency before touching the store
            ledger.topUp(momentId, money, now);
            // Re-read after the write: the store serialises budget writes, so this sees every committed reservation.
            return view(follower.follow(partnerId, momentId, now).moment(), now);
        });
        // after the commit, also when this top-up joined a larger transaction (an idempotent request): a reload of the
        // index before the commit would read the moment still EXHAUSTED and keep that for its whole max age
        transactions.afterCommit(() -> listening.changed(partnerId));
        return toppedUp;
    }

    @Override
    public MomentView get(PartnerId partnerId, MomentId id) {
        Moment moment = moments.find(partnerId, id).orElseThrow(() -> new NotFoundException("moment", id));
        return view(moment, clock.now());
    }

    @Override
    public Page<MomentView> list(PartnerId partnerId, PageRequest page) {
        Instant now = clock.now();
        return moments.list(partnerId, page).map(moment -> view(moment, now));
    }

    /**
     * The partner's moment, read again under its budget lock: the lock every writer of a moment's status or money
     * takes first (a lifecycle change or an edit before it changes the moment, a payment before it reads the status).
     * Another partner's moment is not found, and not locked.
     */
    private Moment locked(PartnerId partnerId, MomentId momentId) {
        moments.find(partnerId, momentId).orElseThrow(() -> new NotFoundException("moment", momentId));
        ledger.lock(momentId);
        return moments.find(partnerId, momentId).orElseThrow(() -> new NotFoundException("moment", momentId));
    }

    private MomentView view(Moment moment, Instant now) {
        Budget budget = ledger.find(moment.id()).orElseThrow();
        return new MomentView(moment, budget, ledger.state(moment.id(), moment.schedule().timezone(), now));
    }

    /** A moment and its budget as a definition makes them, having passed every check. */
    private record Defined(Moment moment, Budget budget) {
    }

    /**
     * The moment and budget {@code command} defines, after every check a definition must pass, the same for a new
     * moment and an edited one: its parts, its conditions, and its rewards against its price.
     *
     * @param before the moment being edited, whose status and creation time the result keeps; {@code null} for a new
     *               one, a DRAFT
     */
    private Defined define(MomentId id, Partner partner, CreateMomentCommand command, Moment before, Instant now) {
        Budget budget = budget(id, command.budget(), partner.currency());
        List<RewardId> rewardIds = rewardIds(command.rewards());
        Moment moment = new Moment(id, partner.id(), command.name(), command.trigger(), command.audience(),
                schedule(command, now), rewardIds, command.limits(),
                command.holdoutPercent() == null ? 0 : command.holdoutPercent(), command.messages(),
                before == null ? MomentStatus.DRAFT : before.status(), before == null ? now : before.createdAt(), now);
        moment.trigger().expressions().forEach(expressions::validate);
        if (moment.audience().where() != null) {
            expressions.validate("audience.where", moment.audience().where());
        }
        checkRewards(partner.id(), rewardIds, budget, before != null && before.rewards().equals(rewardIds));
        return new Defined(moment, budget);
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
        if (spec.total() != null && !parse("budget.total", spec.total(), currency).equals(budget.total())) {
            throw new InvalidValueException("budget.total", "the total changes only through a top-up, which adds to"
                    + " it; it stays " + budget.total().toDecimalString());
        }
    }

    /**
     * Gives the budget the edited price and daily cap, refusing a cap below what the moment already charged today:
     * the day's charges never exceed the cap, and what was charged stays charged.
     */
    private void repriceOrRefuse(Defined edited, Instant now) {
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

    private static Schedule schedule(CreateMomentCommand command, Instant now) {
        ZoneId zone = command.timezone() == null ? ZoneId.of("UTC") : command.timezone();
        return new Schedule(command.startsAt() == null ? now : command.startsAt(), command.endsAt(), zone);
    }

    private static Budget budget(MomentId id, CreateMomentCommand.BudgetSpec spec, Currency partnerCurrency) {
        if (spec == null) {
            throw new InvalidValueException("budget", "budget is required");
        }
        if (spec.currency() == null) {
            throw new InvalidValueException("budget.currency", "currency is required");
        }
        Currency currency;
        try {
            currency = Money.currency(spec.currency());
        } catch (InvalidValueException e) {
            throw e.under("budget");
        }
        if (!currency.equals(partnerCurrency)) {
            throw new InvalidValueException("budget.currency", "budgets are in the partner's currency, "
                    + partnerCurrency.getCurrencyCode());
        }
        Money total = parse("budget.total", required(spec.total(), "budget.total"), currency);
        Money costPerAction = parse("budget.costPerAction", required(spec.costPerAction(), "budget.costPerAction"), currency);
        Money dailyCap = spec.dailyCap() == null ? null : parse("budget.dailyCap", spec.dailyCap(), currency);
        return Budget.open(id, total, dailyCap, costPerAction);
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, field.substring(field.lastIndexOf('.') + 1) + " is required");
        }
        return value;
    }

    private static Money parse(String field, String amount, Currency currency) {
        if (amount == null) {
            throw new InvalidValueException(field, "amount is required");
        }
        try {
            return Money.of(amount, currency);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.getMessage());
        }
    }

    private static List<RewardId> rewardIds(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidValueException("rewards", "at least one reward is required");
        }
        List<RewardId> ids = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String value = given.get(i);
            if (value == null || value.isBlank()) {
                throw new InvalidValueException("rewards[" + i + "]", "not a reward id");
            }
            ids.add(new RewardId(value));
        }
        return ids;
    }

    /**
     * Every reward must be the partner's, cost no more than the price per action, and be in the budget's currency.
     * When an edit keeps the rewards ({@code sameRewards}), a reward above the price is the new price's fault, and the
     * refusal names {@code budget.costPerAction}.
     */
    private void checkRewards(PartnerId partnerId, List<RewardId> rewardIds, Budget budget, boolean sameRewards) {
        Map<RewardId, Reward> found = rewards.findAll(partnerId, rewardIds).stream()
                .collect(Collectors.toMap(Reward::id, Function.identity()));
        for (int i = 0; i < rewardIds.size(); i++) {
            Reward reward = found.get(rewardIds.get(i));
            String field = "rewards[" + i + "]";
            if (reward == null) {
                throw new InvalidValueException(field, "no reward " + rewardIds.get(i));
            }
            if (!reward.cost().currency().equals(budget.costPerAction().currency())) {
                throw new InvalidValueException(field, "reward " + reward.id() + " costs " + reward.cost()
                        + ", not in the budget's currency");
            }
            if (reward.cost().isGreaterThan(budget.costPerAction())) {
                throw new InvalidValueException(sameRewards ? "budget.costPerAction" : field, "reward " + reward.id()
                        + " costs " + reward.cost() + ", more than the costPerAction " + budget.costPerAction());
            }
        }
    }
}
