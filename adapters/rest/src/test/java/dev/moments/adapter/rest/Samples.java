package dev.moments.adapter.rest;

import static dev.moments.adapter.rest.TestCredentials.PARTNER;
import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.usd;

import dev.moments.application.port.Page;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.ExplainProgressQuery.Explanation;
import dev.moments.application.port.in.MomentView;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.fixtures.MomentBuilder;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the mocked use cases answer in the REST adapter's tests: small, valid values of the domain, all of the partner
 * {@link TestCredentials#PARTNER}. The few types of the application's out-ports the tests need are named here only.
 */
public final class Samples {

    private Samples() {
    }

    /** A page of items, the last one. */
    public static <T> Page<T> page(List<T> items) {
        return new Page<>(items, null);
    }

    /** What the persistence adapter throws while the database cannot be used. */
    public static StoreUnavailableException databaseDown() {
        return new StoreUnavailableException("the database cannot be used",
                new SQLException("Connection refused", "08001"));
    }

    /** A $5.00 sandbox credit of the catalog. */
    public static Reward reward(String id) {
        return new Reward(new RewardId(id), PARTNER, "Store credit", RewardKind.CREDIT, usd("5.00"), Set.of(),
                FulfillmentProvider.SANDBOX, null, null, NOW);
    }

    /** The builder's "spend at least $25" moment, in a status, with a fresh $100 budget at $10 an action. */
    public static MomentView moment(String id, MomentStatus status) {
        MomentId momentId = new MomentId(id);
        return new MomentView(MomentBuilder.aMoment().id(id).partner(PARTNER).status(status).build(),
                Budget.open(momentId, usd("100.00"), null, usd("10.00")),
                new BudgetState(usd("0.00"), usd("0.00"), usd("100.00"), usd("0.00")));
    }

    /** An award of a user on {@code mom_1}, $10 reserved, without its link. */
    public static AwardView award(String id, AwardStatus status) {
        return new AwardView(new Award(new AwardId(id), PARTNER, new MomentId("mom_1"), "u-1", null, 1, status,
                usd("10.00"), false, "evt-1", "digest", NOW, NOW, NOW.plusSeconds(86_400), NOW),
                Optional.empty(), "You earned a reward!");
    }

    /** A user one of three orders away from completing a LIVE {@code mom_1}, refused nothing yet. */
    public static Explanation explanation(String userId) {
        return new Explanation(new MomentId("mom_1"), userId, MomentStatus.LIVE, "count", new BigDecimal("2"),
                new BigDecimal("3"), false, 0, 0, 0, NOW, null, false, List.of("NOT_COMPLETED"), null, false,
                null, List.of());
    }
}
