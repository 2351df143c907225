package dev.moments.adapter.rest;

import static dev.moments.adapter.rest.TestCredentials.PARTNER;
import static dev.moments.adapter.rest.TestCredentials.asOperator;
import static dev.moments.adapter.rest.TestCredentials.asPartner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.moments.application.port.in.IdempotencyKeyReusedException;
import dev.moments.application.port.in.IdempotentRequestUseCase;
import dev.moments.application.port.in.IdempotentRequestUseCase.IdempotentRequest;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The {@code Idempotency-Key} of creating requests: whose key it is, and the refusals before any use case runs. */
@QuarkusTest
class IdempotentCreationsTest {

    @InjectMock
    IdempotentRequestUseCase idempotency;

    private IdempotentRequest handled() {
        ArgumentCaptor<IdempotentRequest> request = ArgumentCaptor.forClass(IdempotentRequest.class);
        verify(idempotency).handle(request.capture(), any());
        return request.getValue();
    }

    @Test
    void aPartnersKeysAreItsOwn_andAKeyReusedForAnotherRequestIs422() {
        when(idempotency.handle(any(), any())).thenThrow(new IdempotencyKeyReusedException());

        asPartner().header("Idempotency-Key", "order-1").body(RewardsResourceTest.CREDIT).post("/v1/rewards").then()
                .statusCode(422)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        assertThat(handled().scope()).isEqualTo(PARTNER.value());
        assertThat(handled().key()).isEqualTo("order-1");
    }

    @Test
    void theOperatorsKeysShareOneScope() {
        when(idempotency.handle(any(), any())).thenThrow(new IdempotencyKeyReusedException());

        asOperator().header("Idempotency-Key", "partner-1").body("{\"name\": \"Acme\", \"currency\": \"USD\"}")
                .post("/admin/v1/partners").then()
                .statusCode(422);
        assertThat(handled().scope()).isEqualTo("admin");
    }

    @Test
    void aKeyWithASpaceIs400NamingTheHeader_andNothingIsCreated() {
        asPartner().header("Idempotency-Key", "order 1").body(RewardsResourceTest.CREDIT).post("/v1/rewards").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        verifyNoInteractions(idempotency);
    }
}
