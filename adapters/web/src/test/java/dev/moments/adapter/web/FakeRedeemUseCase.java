package dev.moments.adapter.web;

import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.partner.Branding;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The redemption use case as the page sees it, in memory: links set up by each test, claims recorded; a claim moves
 * the link to CLAIMED (a code reward is delivered at once with its code, anything else is pending), or throws what
 * the test asked for.
 */
@ApplicationScoped
public class FakeRedeemUseCase implements RedeemUseCase {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final RewardId FIGURE = new RewardId("rwd_figure");
    static final RewardId GIFT_CODE = new RewardId("rwd_code");
    static final RewardId SOLD_OUT = new RewardId("rwd_soldout");
    static final String CODE = "GIFT-7Q2K-99XZ";

    private final Map<String, Redemption> links = new ConcurrentHashMap<>();
    private final List<Claim> claims = new ArrayList<>();
    private volatile RuntimeException nextClaimFails;
    private volatile RuntimeException previewFails;
    private volatile Map.Entry<String, Redemption> linkAfterFailure;

    void reset() {
        links.clear();
        synchronized (claims) {
            claims.clear();
        }
        nextClaimFails = null;
        previewFails = null;
        linkAfterFailure = null;
    }

    void put(String token, Redemption redemption) {
        links.put(token, redemption);
    }

    void failNextClaim(RuntimeException failure) {
        nextClaimFails = failure;
    }

    /** The next claim fails, and the link then looks like {@code after} (a code pool that just ran dry). */
    void failNextClaim(RuntimeException failure, String token, Redemption after) {
        nextClaimFails = failure;
        linkAfterFailure = Map.entry(token, after);
    }

    void failPreviews(RuntimeException failure) {
        previewFails = failure;
    }

    List<Claim> claims() {
        synchronized (claims) {
            return List.copyOf(claims);
        }
    }

    @Override
    public Redemption preview(String token) {
        if (previewFails != null) {
            throw previewFails;
        }
        Redemption redemption = links.get(token);
        if (redemption == null) {
            throw new NotFoundException("redemption", "link");
        }
        return redemption;
    }

    @Override
    public Claimed claim(String token, Claim claim) {
        Redemption before = preview(token);
        RuntimeException failure = nextClaimFails;
        if (failure != null) {
            nextClaimFails = null;
            if (linkAfterFailure != null) {
                links.put(linkAfterFailure.getKey(), linkAfterFailure.getValue());
                linkAfterFailure = null;
            }
            throw failure;
        }
        synchronized (claims) {
            claims.add(claim);
        }
        Option option = before.options().stream().filter(o -> o.rewardId().equals(claim.rewardId())).findFirst()
                .orElseThrow();
        boolean code = option.kind() == RewardKind.DIGITAL_CODE;
        Delivery delivery = new Delivery(option.rewardId(), option.name(), option.kind(),
                code ? FulfillmentStatus.FULFILLED : FulfillmentStatus.PENDING, code ? CODE : null, null, NOW);
        AwardStatus status = code ? AwardStatus.FULFILLED : AwardStatus.CLAIMED;
        links.put(token, new Redemption(before.awardId(), State.CLAIMED, status, before.redeemableAt(),
                before.expiresAt(), before.announcement(), before.confirmation(), before.options(), delivery,
                before.branding()));
        return new Claimed(before.awardId(), status, delivery);
    }

    // ---- fixtures

    static List<Option> options() {
        return List.of(
                new Option(FIGURE, "Collectible figure", RewardKind.PHYSICAL, Money.of("8.00", "USD"),
                        "A hand-painted figure, shipped to you.", "https://images.example.com/figure.png", true, null),
                new Option(GIFT_CODE, "$5 gift card", RewardKind.DIGITAL_CODE, Money.of("5.00", "USD"),
                        "A code for the store.", null, true, null),
                new Option(SOLD_OUT, "Sticker pack", RewardKind.DIGITAL_CODE, Money.of("1.00", "USD"),
                        "Gone already.", "javascript:alert(1)", false, "OUT_OF_CODES"));
    }

    static final Branding ACME = new Branding(new PartnerId("ptn_acme"), "Acme Games",
            "https://cdn.acme.example/logo.svg", "#7A1FA2", "help@acme.example");

    /** The link as it would be for a partner with {@link #ACME}'s branding. */
    static Redemption branded(Redemption redemption) {
        return new Redemption(redemption.awardId(), redemption.state(), redemption.status(),
                redemption.redeemableAt(), redemption.expiresAt(), redemption.announcement(),
                redemption.confirmation(), redemption.options(), redemption.delivery(), ACME);
    }

    /** The link with only its first reward to pick. */
    static Redemption withOneOption(Redemption redemption) {
        return new Redemption(redemption.awardId(), redemption.state(), redemption.status(),
                redemption.redeemableAt(), redemption.expiresAt(), redemption.announcement(),
                redemption.confirmation(), redemption.options().subList(0, 1), redemption.delivery(),
                redemption.branding());
    }

    static Redemption open() {
        return new Redemption(new AwardId("awd_open"), State.OPEN, AwardStatus.EARNED, NOW,
                Instant.parse("2026-12-25T10:00:00Z"), "You earned a reward for your second order!",
                "Enjoy it!", options(), null, null);
    }

    static Redemption notYet() {
        return new Redemption(new AwardId("awd_later"), State.NOT_YET_REDEEMABLE, AwardStatus.EARNED,
                Instant.parse("2026-11-26T09:30:00Z"), Instant.parse("2026-12-25T10:00:00Z"), null, null, options(),
                null, null);
    }

    static Redemption claimed(FulfillmentStatus status, String code) {
        return new Redemption(new AwardId("awd_claimed"), State.CLAIMED,
                status == FulfillmentStatus.FULFILLED ? AwardStatus.FULFILLED : AwardStatus.FULFILLING, NOW,
                Instant.parse("2026-12-25T10:00:00Z"), "You earned a reward!", "Enjoy it!", options(),
                new Delivery(GIFT_CODE, "$5 gift card", RewardKind.DIGITAL_CODE, status, code, null, NOW), null);
    }

    static Redemption expired() {
        return new Redemption(new AwardId("awd_expired"), State.EXPIRED, AwardStatus.EXPIRED, NOW,
                Instant.parse("2026-11-20T08:00:00Z"), null, null, options(), null, null);
    }

    static Redemption cancelled() {
        return new Redemption(new AwardId("awd_cancelled"), State.CANCELLED, AwardStatus.CANCELLED, NOW,
                null, null, null, options(), null, null);
    }
}
