package dev.moments.adapter.rest;

import static dev.moments.adapter.rest.Samples.databaseDown;
import static dev.moments.adapter.rest.TestCredentials.anonymously;
import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.usd;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.application.port.in.RedeemUseCase.Claimed;
import dev.moments.application.port.in.RedeemUseCase.Option;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import dev.moments.application.port.in.RedeemUseCase.State;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.application.port.in.RedemptionRefusedException.Reason;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.partner.Branding;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /api/redeem/{token}}: the user's side, open to anyone who holds the link, never asking for a key. */
@QuarkusTest
class RedeemResourceTest {

    static final String TOKEN = "tok_open";
    static final String CLAIM = "{\"rewardId\": \"rwd_1\"}";

    @InjectMock
    RedeemUseCase redeem;

    @Test
    void anOpenLinkShowsItsOptions_withoutAnyCredentials() {
        when(redeem.preview(TOKEN)).thenReturn(new Redemption(new AwardId("awd_1"), State.OPEN, AwardStatus.EARNED,
                NOW, NOW.plusSeconds(86_400), "You earned a reward!", "On its way.",
                List.of(new Option(new RewardId("rwd_1"), "Store credit", RewardKind.CREDIT, usd("5.00"), null, null,
                        true, null)), null,
                new Branding(new PartnerId("ptn_1"), "Acme Games", null, "#1A56DB", "help@acme.example")));

        anonymously().get("/api/redeem/" + TOKEN).then()
                .statusCode(200)
                .body("branding.displayName", equalTo("Acme Games"))
                .body("branding.primaryColor", equalTo("#1A56DB"))
                .body("branding.supportEmail", equalTo("help@acme.example"))
                .body("state", equalTo("OPEN"))
                .body("award.id", equalTo("awd_1"))
                .body("rewards[0].id", equalTo("rwd_1"))
                .body("rewards[0].available", equalTo(true));
    }

    @Test
    void anUnknownLinkIs404() {
        when(redeem.preview("tok_unknown")).thenThrow(new NotFoundException("redemption link", "(hidden)"));

        anonymously().get("/api/redeem/tok_unknown").then()
                .statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void aClaimIs200WithTheAwardsNewStatus() {
        when(redeem.claim(eq(TOKEN), any())).thenReturn(new Claimed(new AwardId("awd_1"), AwardStatus.FULFILLED,
                null));

        anonymously().body(CLAIM).post("/api/redeem/" + TOKEN + "/claim").then()
                .statusCode(200)
                .body("status", equalTo("FULFILLED"));
    }

    @Test
    void aClaimWithoutARewardIs422NamingRewardId() {
        anonymously().body("{}").post("/api/redeem/" + TOKEN + "/claim").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("rewardId"));
        verifyNoInteractions(redeem);
    }

    @Test
    void aSecondClaimIs409AlreadyClaimed() {
        when(redeem.claim(eq(TOKEN), any())).thenThrow(new RedemptionRefusedException(Reason.ALREADY_CLAIMED,
                "this reward was already claimed"));

        anonymously().body(CLAIM).post("/api/redeem/" + TOKEN + "/claim").then()
                .statusCode(409)
                .body("type", equalTo("/problems/already-claimed"));
    }

    @Test
    void anExpiredLinkIs410() {
        when(redeem.claim(eq(TOKEN), any())).thenThrow(new RedemptionRefusedException(Reason.EXPIRED,
                "this link has expired"));

        anonymously().body(CLAIM).post("/api/redeem/" + TOKEN + "/claim").then()
                .statusCode(410)
                .body("type", equalTo("/problems/expired"));
    }

    @Test
    void aRewardOutOfCodesIs409WithTheReason() {
        when(redeem.claim(eq(TOKEN), any())).thenThrow(new RedemptionRefusedException(Reason.OUT_OF_CODES,
                "no code is left"));

        anonymously().body(CLAIM).post("/api/redeem/" + TOKEN + "/claim").then()
                .statusCode(409)
                .body("type", equalTo("/problems/reward-unavailable"))
                .body("reason", equalTo("OUT_OF_CODES"));
    }

    @Test
    void aClaimWhileTheDatabaseIsDownIs503WithRetryAfter() {
        when(redeem.claim(eq(TOKEN), any())).thenThrow(databaseDown());

        anonymously().body(CLAIM).post("/api/redeem/" + TOKEN + "/claim").then()
                .statusCode(503)
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/unavailable"));
    }
}
