package dev.moments.adapter.rest.security;

import static dev.moments.adapter.rest.Samples.databaseDown;
import static dev.moments.adapter.rest.Samples.page;
import static dev.moments.adapter.rest.TestCredentials.ADMIN_TOKEN;
import static dev.moments.adapter.rest.TestCredentials.PARTNER;
import static dev.moments.adapter.rest.TestCredentials.PARTNER_KEY;
import static dev.moments.adapter.rest.TestCredentials.anonymously;
import static dev.moments.adapter.rest.TestCredentials.asOperator;
import static dev.moments.adapter.rest.TestCredentials.asPartner;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.application.port.in.AuthenticatePartnerUseCase.Caller;
import dev.moments.application.port.in.GetRewardQuery;
import dev.moments.application.port.in.ManageCodesUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Scope;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bearer mechanism over HTTP: who is let in where, what a refusal looks like, and what authentication costs. The
 * key lookup is a mock here, so every answer 401 is the mechanism's and not a database's.
 */
@QuarkusTest
class BearerAuthenticationTest {

    @InjectMock
    AuthenticatePartnerUseCase authenticator;

    @InjectMock
    GetRewardQuery rewards;

    @InjectMock
    ManageCodesUseCase codes;

    @InjectMock
    RedeemUseCase redeem;

    @BeforeEach
    void acmeHoldsItsKey() {
        when(authenticator.caller(anyString())).thenReturn(Optional.empty());
        when(authenticator.caller(PARTNER_KEY))
                .thenReturn(Optional.of(new Caller(PARTNER, new ApiKeyId("key_acme"), Scope.ALL)));
        when(rewards.list(any(), any())).thenReturn(page(List.of()));
        when(codes.codesAvailable(any(), any())).thenReturn(Map.of());
    }

    private static ValidatableResponse isTheContracts401(ValidatableResponse response, String detail) {
        return response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("detail", equalTo(detail));
    }

    @Test
    void aPartnerOperationWithoutCredentialsIs401_andNoKeyIsLookedUp() {
        isTheContracts401(anonymously().get("/v1/rewards").then(), "a valid partner API key is required");
        verifyNoInteractions(authenticator, rewards);
    }

    @Test
    void anOperatorsOperationWithoutCredentialsIs401() {
        isTheContracts401(anonymously().get("/admin/v1/partners/ptn_acme").then(), "the admin token is required");
    }

    @Test
    void anUnknownKeyIs401() {
        isTheContracts401(anonymously().auth().oauth2("mk_guess").get("/v1/rewards").then(),
                "a valid partner API key is required");
        verifyNoInteractions(rewards);
    }

    @Test
    void anotherSchemeThanBearerOrAnEmptyBearerIs401() {
        isTheContracts401(anonymously().header("Authorization", "Basic YWNtZTpzZWNyZXQ=").get("/v1/rewards").then(),
                "a valid partner API key is required");
        isTheContracts401(anonymously().header("Authorization", "Bearer   ").get("/v1/rewards").then(),
                "a valid partner API key is required");
    }

    @Test
    void theAdminTokenOnAPartnerOperationIsAWrongKey_401Not403() {
        isTheContracts401(asOperator().get("/v1/rewards").then(), "a valid partner API key is required");
        verifyNoInteractions(authenticator, rewards);
    }

    @Test
    void aPartnerKeyOnAnOperatorsOperationIsAWrongKey_401Not403() {
        isTheContracts401(asPartner().get("/admin/v1/partners/ptn_acme").then(), "the admin token is required");
    }

    @Test
    void aValidKeyServesThePartnerItBelongsTo_withOneLookUpPerRequest() {
        asPartner().get("/v1/rewards").then().statusCode(200);

        // the resource asks for the partner twice (the page, then the pools' counts): the key is read once
        verify(authenticator, times(1)).caller(PARTNER_KEY);
        verify(rewards).list(eq(PARTNER), any());
        verify(codes).codesAvailable(eq(PARTNER), any());
    }

    @Test
    void theSchemeIsReadInAnyCase() {
        anonymously().header("Authorization", "bearer " + PARTNER_KEY).get("/v1/rewards").then().statusCode(200);
    }

    @Test
    void aDatabaseOutageWhileTheKeyIsLookedUpIs503WithRetryAfter_not401() {
        when(authenticator.caller(PARTNER_KEY)).thenThrow(databaseDown());

        asPartner().get("/v1/rewards").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/unavailable"));
        verifyNoInteractions(rewards);
    }

    @Test
    void theRedemptionApiIsPublic_andAStrayAuthorizationHeaderIsNeverRead() {
        when(redeem.preview("tok")).thenThrow(new NotFoundException("award", "link"));

        anonymously().get("/api/redeem/tok").then().statusCode(404).body("type", equalTo("/problems/not-found"));
        anonymously().auth().oauth2("mk_garbage").get("/api/redeem/tok").then().statusCode(404);
        anonymously().auth().oauth2(ADMIN_TOKEN).get("/api/redeem/tok").then().statusCode(404);
        verifyNoInteractions(authenticator);
    }
}
