package dev.moments.adapter.persistence;

import dev.moments.application.port.out.RecordedEvent;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.fixtures.Fixtures;
import dev.moments.domain.fixtures.MomentBuilder;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.Digests;
import dev.moments.domain.shared.Money;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Stores the rows a PostgreSQL-specific test starts from, each with fresh ids, through the adapters themselves. */
@Singleton
public class TestData {

    static final Instant AT = Fixtures.NOW;

    @Inject
    PostgresPartnerRepository partners;
    @Inject
    PostgresRewardRepository rewards;
    @Inject
    PostgresMomentRepository moments;
    @Inject
    PostgresBudgetLedger ledger;
    @Inject
    PostgresAwardRepository awards;
    @Inject
    PostgresEventLog events;
    @Inject
    PostgresProgressRepository progress;
    @Inject
    PostgresUserProfileRepository profiles;
    @Inject
    QuarkusTransactionRunner transactions;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    static Money usd(String amount) {
        return Fixtures.usd(amount);
    }

    <T> T tx(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    void txRun(Runnable work) {
        tx(() -> {
            work.run();
            return null;
        });
    }

    TransactionRunner runner() {
        return transactions;
    }

    Partner partner() {
        Partner partner = new Partner(new PartnerId(unique("ptn_")), "Acme Games", Fixtures.USD, AT);
        txRun(() -> partners.insert(partner));
        return partner;
    }

    Reward reward(Partner partner) {
        Reward reward = new Reward(new RewardId(unique("rwd_")), partner.id(), "Store credit", RewardKind.CREDIT,
                usd("5.00"), Set.of("US"), FulfillmentProvider.SANDBOX, null, null, AT);
        txRun(() -> rewards.insert(reward));
        return reward;
    }

    Moment moment(Partner partner, MomentBuilder builder, Money total, Money costPerAction) {
        Reward reward = reward(partner);
        Moment moment = builder.id(unique("mom_")).partner(partner.id()).rewards(reward.id()).build();
        txRun(() -> {
            moments.insert(moment);
            ledger.open(Budget.open(moment.id(), total, null, costPerAction), AT);
        });
        return moment;
    }

    Moment moment(Partner partner, String total, String costPerAction) {
        return moment(partner, MomentBuilder.aMoment(), usd(total), usd(costPerAction));
    }

    static Award award(Moment moment, String userId, int completion) {
        return new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), userId, null, completion,
                AwardStatus.EARNED, usd("10.00"), false, unique("evt-"), Digests.sha256Hex(unique("token")), AT,
                AT, AT.plus(Duration.ofDays(30)), AT);
    }

    static RecordedEvent event(Partner partner, String eventId) {
        return new RecordedEvent(partner.id(), eventId, "f".repeat(64), "order.completed", "u-1", AT, AT, null);
    }
}
