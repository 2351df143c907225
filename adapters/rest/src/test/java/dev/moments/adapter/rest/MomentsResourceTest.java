package dev.moments.adapter.rest;

import static dev.moments.adapter.rest.Samples.databaseDown;
import static dev.moments.adapter.rest.Samples.moment;
import static dev.moments.adapter.rest.TestCredentials.PARTNER;
import static dev.moments.adapter.rest.TestCredentials.anonymously;
import static dev.moments.adapter.rest.TestCredentials.asPartner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.moments.application.port.in.ChangeMomentStatusUseCase;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreateMomentUseCase;
import dev.moments.application.port.in.EditMomentUseCase;
import dev.moments.application.port.in.GetMomentQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.TopUpBudgetUseCase;
import dev.moments.domain.moment.InvalidTransitionException;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentNotEditableException;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.shared.InvalidValueException;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** {@code /v1/moments}: what each use-case answer becomes over HTTP. */
@QuarkusTest
class MomentsResourceTest {

    static final String SPEND_MOMENT = """
            {"name": "Spend at least $25 in one order",
             "trigger": {"kind": "event", "event": "order.completed", "where": "event.total >= 25"},
             "budget": {"currency": "USD", "total": "100.00", "costPerAction": "10.00"},
             "rewards": ["rwd_1"]}""";

    @InjectMock
    CreateMomentUseCase createMoment;

    @InjectMock
    GetMomentQuery moments;

    @InjectMock
    ChangeMomentStatusUseCase lifecycle;

    @InjectMock
    TopUpBudgetUseCase topUp;

    @InjectMock
    EditMomentUseCase editMoment;

    @Test
    void aDefinedMomentIs201WithItsLocation_definedForTheCallingPartner() {
        when(createMoment.create(any())).thenReturn(moment("mom_1", MomentStatus.DRAFT));

        asPartner().body(SPEND_MOMENT).post("/v1/moments").then()
                .statusCode(201)
                .header("Location", endsWith("/v1/moments/mom_1"))
                .body("id", equalTo("mom_1"))
                .body("status", equalTo("DRAFT"))
                .body("budget.costPerAction", equalTo("10.00"))
                .body("budgetState.remaining", equalTo("100.00"));

        ArgumentCaptor<CreateMomentCommand> command = ArgumentCaptor.forClass(CreateMomentCommand.class);
        verify(createMoment).create(command.capture());
        assertThat(command.getValue().partnerId()).isEqualTo(PARTNER);
        assertThat(command.getValue().name()).isEqualTo("Spend at least $25 in one order");
    }

    @Test
    void aBodyThatIsNotJsonIs400MalformedJson_andNothingIsDefined() {
        asPartner().body("moment: spend $25").post("/v1/moments").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"))
                .body("status", equalTo(400));
        verifyNoInteractions(createMoment);
    }

    @Test
    void aFieldOfTheWrongJsonTypeIs400NamingTheField() {
        asPartner().body("{\"name\": 42}").post("/v1/moments").then()
                .statusCode(400)
                .body("type", equalTo("/problems/invalid-value"))
                .body("errors[0].field", equalTo("name"));
        verifyNoInteractions(createMoment);
    }

    @Test
    void aValueTheUseCaseRefusesIs422NamingTheField() {
        when(createMoment.create(any())).thenThrow(new InvalidValueException("budget.costPerAction",
                "a reward costs more than costPerAction"));

        asPartner().body(SPEND_MOMENT).post("/v1/moments").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-value"))
                .body("errors[0].field", equalTo("budget.costPerAction"))
                .body("errors[0].message", equalTo("a reward costs more than costPerAction"));
    }

    @Test
    void aMomentIsReadWithItsBudgetState() {
        when(moments.get(PARTNER, new MomentId("mom_1"))).thenReturn(moment("mom_1", MomentStatus.LIVE));

        asPartner().get("/v1/moments/mom_1").then()
                .statusCode(200)
                .body("status", equalTo("LIVE"))
                .body("budgetState.spent", equalTo("0.00"));
    }

    @Test
    void aMomentThePartnerDoesNotHaveIs404() {
        when(moments.get(PARTNER, new MomentId("mom_other"))).thenThrow(new NotFoundException("moment", "mom_other"));

        asPartner().get("/v1/moments/mom_other").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("detail", equalTo("moment mom_other not found"));
    }

    @Test
    void aLaunchTheStatusDoesNotAllowIs409() {
        when(lifecycle.change(PARTNER, new MomentId("mom_1"), LifecycleAction.LAUNCH))
                .thenThrow(new InvalidTransitionException(MomentStatus.FINISHED, "launch"));

        asPartner().post("/v1/moments/mom_1/launch").then()
                .statusCode(409)
                .body("type", equalTo("/problems/invalid-transition"));
    }

    @Test
    void anEditOfALiveMomentIs409NotEditable() {
        when(editMoment.edit(eq(PARTNER), eq(new MomentId("mom_1")), any()))
                .thenThrow(new MomentNotEditableException(MomentStatus.LIVE));

        asPartner().contentType("application/merge-patch+json").body("{\"name\": \"Renamed\"}")
                .patch("/v1/moments/mom_1").then()
                .statusCode(409)
                .body("type", equalTo("/problems/not-editable"));
    }

    @Test
    void aTopUpWhileTheDatabaseIsDownIs503WithRetryAfter() {
        when(topUp.topUp(PARTNER, new MomentId("mom_1"), "50.00")).thenThrow(databaseDown());

        asPartner().body("{\"amount\": \"50.00\"}").post("/v1/moments/mom_1/budget/top-up").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/unavailable"));
    }

    @Test
    void withoutAnApiKeyEveryOperationIs401() {
        anonymously().body(SPEND_MOMENT).post("/v1/moments").then().statusCode(401);
        anonymously().get("/v1/moments/mom_1").then().statusCode(401);
        anonymously().post("/v1/moments/mom_1/launch").then().statusCode(401);
        verifyNoInteractions(createMoment, moments, lifecycle);
    }
}
