package dev.moments.application.service;

import dev.moments.application.port.in.ChangeMomentStatusUseCase;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreateMomentUseCase;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Defines moments, moves them through their lifecycle and tops up their budgets. */
public final class MomentService implements CreateMomentUseCase, ChangeMomentStatusUseCase, TopUpBudgetUseCase,
        GetMomentQuery {

    private final MomentRepository moments;
    private final RewardRepository rewards;
    private final PartnerRepository partners;
    private final BudgetLedger ledger;
    private final CompiledExpressions expressions;
    private final ListeningMoments listening;
    private final BudgetFollower follower;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public MomentService(MomentRepository moments, RewardRepository rewards, PartnerRepository partners,
                         BudgetLedger ledger, CompiledExpressions expressions, ListeningMoments listening,
                         IdGenerator ids, Clock clock, TransactionRunner transactions) {
        this.moments = moments;
        this.rewards = rewards;
        this.partners = partners;
        this.ledger = ledger;
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
        Budget budget = budget(id, command.budget(), partner.currency());
        List<RewardId> rewardIds = rewardIds(command.rewards());
        Moment moment = new Moment(id, partner.id(), command.name(), command.trigger(), command.audience(),
                schedule(command, now), rewardIds, command.limits(),
                command.holdoutPercent() == null ? 0 : command.holdoutPercent(), command.messages(),
                MomentStatus.DRAFT, now, now);
        moment.trigger().expressions().forEach(expressions::validate);
        if (moment.audience().where() != null) {
            expressions.validate("audience.where", moment.audience().where());
        }
        checkRewards(partner.id(), rewardIds, budget);
        return transactions.run(() -> {
            moments.insert(moment);
            ledger.open(budget, now);
            return view(moment, now);
        });
    }

    @Override
    public MomentView change(PartnerId partnerId, MomentId momentId, LifecycleAction action) {
        MomentView result = transactions.run(() -> {
            Instant now = clock.now();
            moments.find(partnerId, momentId).orElseThrow(() -> new NotFoundException("moment", momentId));
            ledger.lock(momentId);
            Moment current = moments.find(partnerId, momentId).orElseThrow(() -> new NotFoundException("moment", momentId));
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
        listening.changed(partnerId);
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
        listening.changed(partnerId);
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

    private MomentView view(Moment moment, Instant now) {
        Budget budget = ledger.find(moment.id()).orElseThrow();
        return new MomentView(moment, budget, ledger.state(moment.id(), moment.schedule().timezone(), now));
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

    /** Every reward must be the partner's, cost no more than the price per action, and be in the budget's currency. */
    private void checkRewards(PartnerId partnerId, List<RewardId> rewardIds, Budget budget) {
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
                throw new InvalidValueException(field, "reward " + reward.id() + " costs " + reward.cost()
                        + ", more than the costPerAction " + budget.costPerAction());
            }
        }
    }
}
