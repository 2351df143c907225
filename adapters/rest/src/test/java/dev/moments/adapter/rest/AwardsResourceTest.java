package dev.moments.adapter.rest;

import static dev.moments.adapter.rest.Samples.award;
import static dev.moments.adapter.rest.Samples.page;
import static dev.moments.adapter.rest.TestCredentials.PARTNER;
import static dev.moments.adapter.rest.TestCredentials.anonymously;
import static dev.moments.adapter.rest.TestCredentials.asPartner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.moments.application.port.in.CancelAwardUseCase;
import dev.moments.application.port.in.GetAwardQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.NotReportableException;
import dev.moments.application.port.in.ReportFulfillmentUseCase;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.InvalidAwardTransitionException;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** {@code /v1/awards}: reading, cancelling and reporting the delivery of a partner's awards. */
@QuarkusTest
class AwardsResourceTest {

    @InjectMock
    GetAwardQuery awards;

    @InjectMock
    CancelAwardUseCase cancelAward;

    @InjectMock
    ReportFulfillmentUseCase reports;

    @Test
    void anAwardIsReadWithItsReservation() {
        when(awards.get(PARTNER, new AwardId("awd_1"))).thenReturn(award("awd_1", AwardStatus.EARNED));

        asPartner().get("/v1/awards/awd_1").then()
                .statusCode(200)
                .body("id", equalTo("awd_1"))
                .body("status", equalTo("EARNED"))
                .body("reserved", equalTo("10.00"))
                .body("currency", equalTo("USD"));
    }

    @Test
    void anAwardThePartnerDoesNotHaveIs404() {
        when(awards.get(PARTNER, new AwardId("awd_x"))).thenThrow(new NotFoundException("award", "awd_x"));

        asPartner().get("/v1/awards/awd_x").then()
                .statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void anUnknownStatusFilterIs422NamingIt() {
        asPartner().get("/v1/awards?status=WON").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("status"));
        verifyNoInteractions(awards);
    }

    @Test
    void theListIsFilteredAsAsked() {
        when(awards.list(eq(PARTNER), any(), any())).thenReturn(page(List.of(award("awd_1", AwardStatus.CLAIMED))));

        asPartner().get("/v1/awards?status=CLAIMED&userId=u-1").then()
                .statusCode(200)
                .body("items[0].status", equalTo("CLAIMED"));
    }

    @Test
    void cancellingAClaimedAwardIs409() {
        when(cancelAward.cancel(PARTNER, new AwardId("awd_1")))
                .thenThrow(new InvalidAwardTransitionException(AwardStatus.CLAIMED, AwardStatus.CANCELLED));

        asPartner().post("/v1/awards/awd_1/cancel").then()
                .statusCode(409)
                .body("type", equalTo("/problems/invalid-award-transition"));
    }

    @Test
    void aDeliveryReportIsTheCallingPartnersWordOnItsAward() {
        when(reports.report(any())).thenReturn(ReportFulfillmentUseCase.Result.APPLIED);
        when(awards.get(PARTNER, new AwardId("awd_1"))).thenReturn(award("awd_1", AwardStatus.FULFILLED));

        asPartner().body("{\"status\": \"FULFILLED\", \"code\": \"GIFT-1\"}").post("/v1/awards/awd_1/fulfillment")
                .then()
                .statusCode(200)
                .body("result", equalTo("APPLIED"))
                .body("award.status", equalTo("FULFILLED"));

        ArgumentCaptor<ReportFulfillmentUseCase.Report> report =
                ArgumentCaptor.forClass(ReportFulfillmentUseCase.Report.class);
        verify(reports).report(report.capture());
        assertThat(report.getValue().partnerId()).isEqualTo(PARTNER);
        assertThat(report.getValue().status()).isEqualTo(FulfillmentStatus.FULFILLED);
        assertThat(report.getValue().code()).isEqualTo("GIFT-1");
    }

    @Test
    void aReportWithAnUnknownStatusIs422NamingIt() {
        asPartner().body("{\"status\": \"SHIPPED\"}").post("/v1/awards/awd_1/fulfillment").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("status"));
        verifyNoInteractions(reports);
    }

    @Test
    void aReportOnAnAwardNotClaimedYetIs409NotReportable() {
        when(reports.report(any())).thenThrow(new NotReportableException("award awd_1 is not claimed yet"));

        asPartner().body("{\"status\": \"FAILED\"}").post("/v1/awards/awd_1/fulfillment").then()
                .statusCode(409)
                .body("type", equalTo("/problems/not-reportable"));
    }

    @Test
    void withoutAnApiKeyNoAwardIsShown_401() {
        anonymously().get("/v1/awards/awd_1").then().statusCode(401);
        anonymously().post("/v1/awards/awd_1/cancel").then().statusCode(401);
        verifyNoInteractions(awards, cancelAward);
    }
}
