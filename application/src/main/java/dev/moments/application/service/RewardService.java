package dev.moments.application.service;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.CreateRewardUseCase;
import dev.moments.application.port.in.GetRewardQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;

/** Keeps each partner's reward catalog. */
public final class RewardService implements CreateRewardUseCase, GetRewardQuery {

    /** The providers delivered without a gateway: the sandbox alone, unless told otherwise. */
    static final Set<FulfillmentProvider> SUPPORTED_PROVIDERS = EnumSet.of(FulfillmentProvider.SANDBOX);

    /** The providers this build can deliver with; the others are refused rather than accepted and never fulfilled. */
    private final Set<FulfillmentProvider> supported;

    private final RewardRepository rewards;
    private final PartnerRepository partners;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public RewardService(RewardRepository rewards, PartnerRepository partners, IdGenerator ids, Clock clock,
                         TransactionRunner transactions) {
        this(rewards, partners, ids, clock, transactions, SUPPORTED_PROVIDERS);
    }

    /** With the providers that can deliver: see {@link FulfillmentGateways#supportedProviders()}. */
    public RewardService(RewardRepository rewards, PartnerRepository partners, IdGenerator ids, Clock clock,
                         TransactionRunner transactions, Set<FulfillmentProvider> supported) {
        this.supported = Set.copyOf(supported);
        this.rewards = rewards;
        this.partners = partners;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public Reward create(CreateRewardCommand command) {
        Partner partner = partners.find(command.partnerId())
                .orElseThrow(() -> new NotFoundException("partner", command.partnerId()));
        if (command.currency() == null) {
            throw new InvalidValueException("currency", "currency is required");
        }
        // the currency first, apart: one it refuses is named as the currency, not as the cost
        Currency currency = Money.currency(command.currency());
        Money cost = withField("cost", () -> Money.of(command.cost(), currency));
        if (!cost.currency().equals(partner.currency())) {
            throw new InvalidValueException("currency", "rewards are priced in the partner's currency, "
                    + partner.currency().getCurrencyCode());
        }
        FulfillmentProvider provider = FulfillmentProvider.fromApiName(command.provider(), "fulfillment.provider");
        if (!supported.contains(provider)) {
            throw new InvalidValueException("fulfillment.provider", "provider " + provider.apiName()
                    + " is not available in this installation; use one of " + supported.stream()
                    .map(FulfillmentProvider::apiName).sorted().toList());
        }
        Reward reward = new Reward(new RewardId(ids.next(RewardId.PREFIX)), partner.id(), command.name(),
                kind(command.kind()), cost, command.countries(), provider, command.description(),
                command.imageUrl(), clock.now());
        return transactions.run(() -> {
            rewards.insert(reward);
            return reward;
        });
    }

    @Override
    public Reward get(PartnerId partnerId, RewardId id) {
        return rewards.find(partnerId, id).orElseThrow(() -> new NotFoundException("reward", id));
    }

    @Override
    public Page<Reward> list(PartnerId partnerId, PageRequest page) {
        return rewards.list(partnerId, page);
    }

    private static RewardKind kind(String kind) {
        if (kind == null) {
            throw new InvalidValueException("kind", "kind is required");
        }
        try {
            return RewardKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("kind", "unknown kind " + kind + "; expected one of "
                    + Arrays.toString(RewardKind.values()));
        }
    }

    /** Runs a parse step of an amount and names {@code field} in what it refuses of the amount. */
    static <T> T withField(String field, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidValueException e) {
            throw e.field().equals("amount") ? new InvalidValueException(field, e.getMessage()) : e;
        }
    }
}
