package dev.moments.application.port.out.contract;

import dev.moments.domain.fixtures.Fixtures;
import dev.moments.domain.fixtures.MomentBuilder;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.Money;
import dev.moments.domain.webhook.WebhookEndpoint;
import dev.moments.domain.webhook.WebhookId;
import dev.moments.domain.webhook.WebhookSecret;
import java.util.Base64;
import java.util.List;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every port contract needs: the ports under test, transactions, and fresh partners and moments with unique
 * ids, so contracts can run against a database that keeps earlier runs' rows.
 */
public abstract class ContractSupport {

    protected static final Instant AT = Fixtures.NOW;

    /** The implementation under test. */
    protected abstract Ports ports();

    protected <T> T tx(Supplier<T> work) {
        return ports().transactions().inTransaction(work);
    }

    protected void txRun(Runnable work) {
        tx(() -> {
            work.run();
            return null;
        });
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    protected Partner givenPartner() {
        Partner partner = new Partner(new PartnerId(unique("ptn_")), "Acme Games", Fixtures.USD, AT);
        txRun(() -> ports().partners().insert(partner));
        return partner;
    }

    protected Reward givenReward(Partner partner) {
        Reward reward = new Reward(new RewardId(unique("rwd_")), partner.id(), "Store credit", RewardKind.CREDIT,
                Fixtures.usd("5.00"), Set.of("US", "CA"), FulfillmentProvider.SANDBOX, "Five dollars of credit",
                "https://example.com/credit.png", AT);
        txRun(() -> ports().rewards().insert(reward));
        return reward;
    }

    /** A moment of the partner, with a budget of {@code total} paying {@code costPerAction}. */
    protected Moment givenMoment(Partner partner, MomentBuilder builder, String total, String costPerAction) {
        Reward reward = givenReward(partner);
        Moment moment = builder.id(unique("mom_")).partner(partner.id()).rewards(reward.id()).build();
        txRun(() -> {
            ports().moments().insert(moment);
            ports().ledger().open(Budget.open(moment.id(), usd(total), null, usd(costPerAction)), AT);
        });
        return moment;
    }

    protected Moment givenMoment(Partner partner) {
        return givenMoment(partner, MomentBuilder.aMoment(), "100.00", "10.00");
    }

    protected static Money usd(String amount) {
        return Fixtures.usd(amount);
    }

    /** An enabled endpoint of the partner, subscribed to {@code events}. */
    protected WebhookEndpoint givenEndpoint(Partner partner, List<String> events) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(new WebhookId(unique(WebhookId.PREFIX)), partner.id(),
                "https://hooks.example.com/" + UUID.randomUUID(), events, "the partner's", secret(), AT);
        txRun(() -> ports().webhookEndpoints().insert(endpoint));
        return endpoint;
    }

    /** A new random webhook secret. */
    protected static WebhookSecret secret() {
        byte[] key = UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return new WebhookSecret(WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key));
    }
}
