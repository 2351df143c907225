package dev.moments.adapter.rest;

import static dev.moments.adapter.rest.Samples.page;
import static dev.moments.adapter.rest.Samples.reward;
import static dev.moments.adapter.rest.TestCredentials.PARTNER;
import static dev.moments.adapter.rest.TestCredentials.RIVAL;
import static dev.moments.adapter.rest.TestCredentials.RIVAL_KEY;
import static dev.moments.adapter.rest.TestCredentials.anonymously;
import static dev.moments.adapter.rest.TestCredentials.asPartner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.CreateRewardUseCase;
import dev.moments.application.port.in.GetRewardQuery;
import dev.moments.application.port.in.ManageCodesUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** {@code /v1/rewards}: the catalog and its code pools. */
@QuarkusTest
class RewardsResourceTest {

    static final String CREDIT = """
            {"name": "Store credit", "kind": "CREDIT", "cost": "5.00", "currency": "USD",
             "fulfillment": {"provider": "sandbox"}}""";

    @InjectMock
    CreateRewardUseCase createReward;

    @InjectMock
    GetRewardQuery rewards;

    @InjectMock
    ManageCodesUseCase codes;

    @Test
    void anAddedRewardIs201WithItsLocation() {
        when(createReward.create(any())).thenReturn(reward("rwd_1"));

        asPartner().body(CREDIT).post("/v1/rewards").then()
                .statusCode(201)
                .header("Location", endsWith("/v1/rewards/rwd_1"))
                .body("id", equalTo("rwd_1"))
                .body("cost", equalTo("5.00"))
                .body("fulfillment.provider", equalTo("sandbox"));

        ArgumentCaptor<CreateRewardCommand> command = ArgumentCaptor.forClass(CreateRewardCommand.class);
        verify(createReward).create(command.capture());
        assertThat(command.getValue().partnerId()).isEqualTo(PARTNER);
    }

    @Test
    void anUnknownKindIs422NamingTheField() {
        when(createReward.create(any())).thenThrow(new InvalidValueException("kind", "unknown kind GOLD"));

        asPartner().body(CREDIT.replace("CREDIT", "GOLD")).post("/v1/rewards").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void theCatalogIsListedWithEachPoolsFreeCodes() {
        when(rewards.list(eq(PARTNER), any())).thenReturn(page(List.of(reward("rwd_1"))));
        when(codes.codesAvailable(eq(PARTNER), anyList())).thenReturn(Map.of(new RewardId("rwd_1"), 7L));

        asPartner().get("/v1/rewards").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].codesAvailable", equalTo(7))
                .body("next", nullValue());
    }

    @Test
    void aLimitThatIsNotANumberIs422NamingIt() {
        asPartner().get("/v1/rewards?limit=lots").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("limit"));
        verifyNoInteractions(rewards);
    }

    @Test
    void anotherPartnersRewardIsNotFound_404() {
        when(rewards.get(RIVAL, new RewardId("rwd_1"))).thenThrow(new NotFoundException("reward", "rwd_1"));

        anonymously().auth().oauth2(RIVAL_KEY).get("/v1/rewards/rwd_1").then()
                .statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void codesForARewardOfAnotherProviderAre422() {
        when(codes.addCodes(eq(PARTNER), eq(new RewardId("rwd_1")), any()))
                .thenThrow(new InvalidValueException("rewardId", "rwd_1 is not delivered from a code pool"));

        asPartner().body("{\"codes\": [\"A-1\", \"A-2\"]}").post("/v1/rewards/rwd_1/codes").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("rewardId"));
    }

    @Test
    void withoutAnApiKeyTheCatalogIsClosed_401() {
        anonymously().get("/v1/rewards").then().statusCode(401);
        anonymously().body(CREDIT).post("/v1/rewards").then().statusCode(401);
        verifyNoInteractions(rewards, createReward);
    }
}
