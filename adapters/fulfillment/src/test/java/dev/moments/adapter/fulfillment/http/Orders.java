package dev.moments.adapter.fulfillment.http;

import dev.moments.application.port.out.FulfillmentGateway.Order;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.Money;

/** Orders for the tests: a figure shipped to an address, and a gift card by e-mail. */
final class Orders {

    private Orders() {
    }

    static Order figure(String awardId) {
        return new Order(new AwardId(awardId), new PartnerId("ptn_test"), "u-42", new RewardId("rwd_figure"),
                "Collectible figure", RewardKind.PHYSICAL, Money.of("8.00", "USD"),
                new ShippingAddress("Ada Lovelace", "1 Main St", null, "Springfield", "IL", "62701", "US"),
                "ada@example.com", 1);
    }

    static Order giftCard(String awardId) {
        return giftCard(awardId, 1);
    }

    static Order giftCard(String awardId, int attempt) {
        return new Order(new AwardId(awardId), new PartnerId("ptn_test"), "u-7", new RewardId("rwd_card"),
                "$5 gift card", RewardKind.DIGITAL_CODE, Money.of("5", "USD"), null, null, attempt);
    }
}
