package dev.moments.adapter.fulfillment;

import dev.moments.application.port.out.FulfillmentGateway.Order;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.Money;

/** Orders as a claim hands them to the providers' {@code accept}. */
public final class TestOrders {

    public static final PartnerId PARTNER = new PartnerId("ptn_test");
    public static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "1 Main St", null, "Springfield",
            "IL", "62701", "US");

    private TestOrders() {
    }

    /** A code reward claimed for {@code awardId}, without address or e-mail. */
    public static Order code(String awardId, RewardId rewardId) {
        return new Order(new AwardId(awardId), PARTNER, "u-" + awardId, rewardId, "$5 gift card",
                RewardKind.DIGITAL_CODE, Money.of("5.00", "USD"), null, null, 1);
    }

    /** A physical reward shipped to {@code shipping}, with an optional e-mail. */
    public static Order figure(String awardId, ShippingAddress shipping, String email) {
        return new Order(new AwardId(awardId), PARTNER, "u-42", new RewardId("rwd_figure"), "Collectible figure",
                RewardKind.PHYSICAL, Money.of("8.00", "USD"), shipping, email, 1);
    }
}
