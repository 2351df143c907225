package dev.moments.adapter.rest;

import static dev.moments.adapter.rest.Samples.award;
import static dev.moments.adapter.rest.Samples.databaseDown;
import static dev.moments.adapter.rest.TestCredentials.PARTNER;
import static dev.moments.adapter.rest.TestCredentials.anonymously;
import static dev.moments.adapter.rest.TestCredentials.asPartner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.in.RecordEventUseCase.BatchItem;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.domain.award.AwardStatus;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** {@code /v1/events}: one event, a dry run, a batch, and the refusals of each. */
@QuarkusTest
class EventsResourceTest {

    static final String ORDER = """
            {"id": "evt-1", "type": "order.completed", "userId": "u-1", "properties": {"total": 42.50}}""";

    @InjectMock
    RecordEventUseCase events;

    private static EventResult awarded(String eventId) {
        return new EventResult(eventId, false, List.of(award("awd_1", AwardStatus.EARNED)), List.of(), List.of(),
                List.of());
    }

    @Test
    void anEventIs200WithTheAwardsItEarned_recordedForTheCallingPartner() {
        when(events.record(any())).thenReturn(awarded("evt-1"));

        asPartner().body(ORDER).post("/v1/events").then()
                .statusCode(200)
                .body("eventId", equalTo("evt-1"))
                .body("duplicate", equalTo(false))
                .body("awards[0].id", equalTo("awd_1"))
                .body("awards[0].status", equalTo("EARNED"))
                .body("dryRun", nullValue());

        ArgumentCaptor<RecordEventCommand> command = ArgumentCaptor.forClass(RecordEventCommand.class);
        verify(events).record(command.capture());
        assertThat(command.getValue().partnerId()).isEqualTo(PARTNER);
        assertThat(command.getValue().properties()).containsKey("total");
    }

    @Test
    void aDryRunAsksTheDryRunAndSaysSo() {
        when(events.dryRun(any())).thenReturn(awarded("evt-1"));

        asPartner().body(ORDER).post("/v1/events?dryRun=true").then()
                .statusCode(200)
                .body("dryRun", equalTo(true));
        verify(events, never()).record(any());
    }

    @Test
    void aDryRunFlagThatIsNeitherTrueNorFalseIs400NamingIt_andNothingIsRecorded() {
        asPartner().body(ORDER).post("/v1/events?dryRun=yes").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
        verifyNoInteractions(events);
    }

    @Test
    void anEventIdUsedBeforeWithAnotherBodyIs409() {
        when(events.record(any())).thenThrow(new EventIdConflictException("evt-1"));

        asPartner().body(ORDER).post("/v1/events").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/event-id-conflict"));
    }

    @Test
    void aMissingBodyIs422NamingTheBody() {
        asPartner().post("/v1/events").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void anEventWhileTheDatabaseIsDownIs503WithRetryAfter() {
        when(events.record(any())).thenThrow(databaseDown());

        asPartner().body(ORDER).post("/v1/events").then()
                .statusCode(503)
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/unavailable"));
    }

    @Test
    void inABatchAnUnreadableEventGetsItsOwnProblem_andTheOthersAreRecorded() {
        when(events.recordAll(anyList())).thenReturn(List.of(BatchItem.of(awarded("evt-1")),
                BatchItem.failed(new EventIdConflictException("evt-3"))));

        asPartner().body("""
                {"events": [
                  {"id": "evt-1", "type": "order.completed", "userId": "u-1"},
                  {"id": "evt-2", "type": "order.completed", "userId": 7},
                  {"id": "evt-3", "type": "order.completed", "userId": "u-3"}]}""")
                .post("/v1/events/batch").then()
                .statusCode(200)
                .body("results[0].eventId", equalTo("evt-1"))
                .body("results[1].status", equalTo(400))
                .body("results[1].errors[0].field", equalTo("userId"))
                .body("results[2].status", equalTo(409))
                .body("results[2].type", equalTo("/problems/event-id-conflict"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<RecordEventCommand>> recorded = ArgumentCaptor.forClass(List.class);
        verify(events).recordAll(recorded.capture());
        assertThat(recorded.getValue()).extracting(RecordEventCommand::id).containsExactly("evt-1", "evt-3");
    }

    @Test
    void withoutAnApiKeyNoEventIsRecorded_401() {
        anonymously().body(ORDER).post("/v1/events").then().statusCode(401);
        anonymously().body("{\"events\": []}").post("/v1/events/batch").then().statusCode(401);
        verifyNoInteractions(events);
    }
}
