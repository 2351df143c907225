package dev.moments.adapter.rest;

import static dev.moments.adapter.rest.TestCredentials.anonymously;
import static dev.moments.adapter.rest.TestCredentials.asOperator;
import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.USD;
import static dev.moments.domain.fixtures.Fixtures.usd;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreatePartnerUseCase;
import dev.moments.application.port.in.CreatePartnerUseCase.PartnerCreated;
import dev.moments.application.port.in.GetPartnerQuery;
import dev.moments.application.port.in.ManageApiKeysUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.PartnerView;
import dev.moments.application.port.in.SetMonthlyCapUseCase;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.Scope;
import dev.moments.domain.shared.InvalidValueException;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** {@code /admin/v1/partners}: the operator's API over HTTP. */
@QuarkusTest
class AdminPartnersResourceTest {

    static final Partner ACME = new Partner(new PartnerId("ptn_acme"), "Acme Games", USD, NOW);

    @InjectMock
    CreatePartnerUseCase createPartner;

    @InjectMock
    ManageApiKeysUseCase keys;

    @InjectMock
    GetPartnerQuery partners;

    @InjectMock
    SetMonthlyCapUseCase caps;

    @Test
    void aRegisteredPartnerIs201WithItsKeyShownOnce() {
        when(createPartner.create(new CreatePartnerCommand("Acme Games", "USD", null)))
                .thenReturn(new PartnerCreated(ACME, new ApiKeyId("key_1"), "mk_secret", null));

        asOperator().body("{\"name\": \"Acme Games\", \"currency\": \"USD\"}").post("/admin/v1/partners").then()
                .statusCode(201)
                .header("Location", endsWith("/admin/v1/partners/ptn_acme"))
                .body("id", equalTo("ptn_acme"))
                .body("apiKey", equalTo("mk_secret"))
                .body("keyId", equalTo("key_1"));
    }

    @Test
    void anUnknownCurrencyIs422NamingIt() {
        when(createPartner.create(any())).thenThrow(new InvalidValueException("currency", "unknown currency XYZ"));

        asOperator().body("{\"name\": \"Acme Games\", \"currency\": \"XYZ\"}").post("/admin/v1/partners").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("currency"));
    }

    @Test
    void aPartnerIsReadWithItsCapAndThisMonthsCharges() {
        when(partners.get(new PartnerId("ptn_acme"))).thenReturn(new PartnerView(ACME, usd("1500.00"),
                YearMonth.of(2026, 11), usd("20.00")));

        asOperator().get("/admin/v1/partners/ptn_acme").then()
                .statusCode(200)
                .body("monthlyCap", equalTo("1500.00"))
                .body("chargedThisMonth", equalTo("20.00"));
    }

    @Test
    void aCapChangeWithoutTheCapIs422NamingIt_andNothingChanges() {
        asOperator().body("{}").patch("/admin/v1/partners/ptn_acme").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("monthlyCap"));
        verifyNoInteractions(caps);
    }

    @Test
    void aNullCapRemovesIt() {
        when(caps.setMonthlyCap(new PartnerId("ptn_acme"), null)).thenReturn(new PartnerView(ACME, null,
                YearMonth.of(2026, 11), usd("0.00")));

        asOperator().body("{\"monthlyCap\": null}").patch("/admin/v1/partners/ptn_acme").then()
                .statusCode(200)
                .body("monthlyCap", nullValue());
    }

    @Test
    void aKeyForAnUnknownPartnerIs404() {
        when(keys.issue(new PartnerId("ptn_unknown"), Scope.ALL))
                .thenThrow(new NotFoundException("partner", "ptn_unknown"));

        asOperator().post("/admin/v1/partners/ptn_unknown/keys").then()
                .statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void aRevokedKeyIs204() {
        asOperator().delete("/admin/v1/partners/ptn_acme/keys/key_1").then().statusCode(204);
        verify(keys).revoke(new PartnerId("ptn_acme"), new ApiKeyId("key_1"));
    }

    @Test
    void withoutTheAdminTokenNothingIsRegistered_401() {
        anonymously().body("{\"name\": \"Acme Games\", \"currency\": \"USD\"}").post("/admin/v1/partners").then()
                .statusCode(401)
                .body("detail", equalTo("the admin token is required"));
        anonymously().delete("/admin/v1/partners/ptn_acme/keys/key_1").then().statusCode(401);
        verifyNoInteractions(createPartner, keys);
    }
}
