package dev.moments.adapter.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.adapter.messaging.events.EventMessage.Item;
import dev.moments.adapter.messaging.events.EventMessage.Unreadable;
import dev.moments.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A message of the queue moments.events is read as strictly as a REST body, an event at a time. */
class EventMessageTest {

    @Test
    void aSingleEventCarriesItsPartner_andReadsAsTheRestEventDoes() {
        EventMessage message = read("""
                {"partnerId": "ptn_1", "id": "evt-1", "type": "order.completed", "userId": "u-1",
                 "occurredAt": "2026-11-25T10:00:00Z", "properties": {"total": 42.50, "items": [1, "two", true]},
                 "context": {"country": "US", "testUser": true}, "user": {"plan": "free"}}""");

        assertThat(message.batch()).isFalse();
        assertThat(message.partnerId().value()).isEqualTo("ptn_1");
        var command = message.items().get(0).command();
        assertThat(command.id()).isEqualTo("evt-1");
        assertThat(command.occurredAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(command.properties()).isEqualTo(Map.of("total", new BigDecimal("42.50"),
                "items", List.of(BigDecimal.ONE, "two", true)));
        assertThat(command.context().country()).isEqualTo("US");
        assertThat(command.context().testUser()).isTrue();
        assertThat(command.user()).isEqualTo(Map.of("plan", "free"));
        assertThat(command.notifyByEmail()).as("no notify block: e-mails allowed").isTrue();
    }

    @Test
    void notifyEmailFalse_declinesTheAwardEmail_andIsPartOfTheFingerprint() {
        String event = "{\"partnerId\": \"ptn_1\", \"id\": \"e\", \"type\": \"a\", \"userId\": \"u\"";
        var quiet = read(event + ", \"notify\": {\"email\": false}}").items().get(0).command();
        var loud = read(event + ", \"notify\": {\"email\": true}}").items().get(0).command();
        var silent = read(event + "}").items().get(0).command();

        assertThat(quiet.notifyByEmail()).isFalse();
        assertThat(loud.notifyByEmail()).isTrue();
        assertThat(quiet.fingerprint()).as("another body: the same id is a conflict").isNotEqualTo(loud.fingerprint());
        assertThat(loud.fingerprint()).as("the default said out loud").isEqualTo(silent.fingerprint());
        assertThat(read(event + ", \"notify\": {\"email\": \"no\"}}").items().get(0).refused())
                .hasMessageContaining("email is true or false");
        assertThat(read(event + ", \"notify\": false}").items().get(0).refused())
                .hasMessageContaining("notify is a JSON object");
    }

    @Test
    void aBatchsEventsAreReadOneByOne_aBadOneRefusedAlone_withTheBatchsPartnerAddedToItsJson() {
        EventMessage message = read("""
                {"partnerId": "ptn_1", "events": [
                  {"id": "evt-1", "type": "a", "userId": "u-1"},
                  {"id": "evt-2", "type": "a"},
                  "not an event",
                  {"id": "evt-4", "type": "a", "userId": "u-4", "occurredAt": "yesterday"}]}""");

        assertThat(message.batch()).isTrue();
        List<Item> items = message.items();
        assertThat(items.get(0).command().userId()).isEqualTo("u-1");
        assertThat(items.get(1).refused()).isInstanceOf(InvalidValueException.class).hasMessageContaining("userId");
        assertThat(items.get(1).json().get("partnerId").asText()).isEqualTo("ptn_1");
        assertThat(items.get(2).refused()).hasMessageContaining("JSON object");
        assertThat(((InvalidValueException) items.get(3).refused()).field()).isEqualTo("occurredAt");
    }

    @Test
    void whatCannotBeReadAtAll_isRefusedWhole_withTheProblemItWouldBeOverRest() {
        assertRefused("", "malformed-json");
        assertRefused("not json", "malformed-json");
        assertRefused("[1, 2]", "malformed-json");
        assertRefused("{\"partnerId\": \"ptn_1\", \"id\": \"a\"} trailing", "malformed-json");
        assertRefused("{\"partnerId\": \"ptn_1\", \"partnerId\": \"ptn_2\"}", "malformed-json");
        assertRefused("{\"id\": \"evt-1\"}", "invalid-value");
        assertRefused("{\"partnerId\": 7}", "invalid-value");
        assertRefused("{\"partnerId\": \"" + "p".repeat(201) + "\"}", "invalid-value");
        assertRefused("{\"partnerId\": \"ptn_1\", \"events\": {}}", "invalid-value");
        assertRefused("{\"partnerId\": \"ptn_1\", \"events\": [" + "{},".repeat(1_000) + "{}]}", "invalid-value");
        assertRefused("[".repeat(100) + "]".repeat(100), "malformed-json");
    }

    @Test
    void strictScalars_noCoercion() {
        EventMessage message = read("{\"partnerId\": \"ptn_1\", \"id\": 7, \"type\": \"a\", \"userId\": \"u\"}");
        assertThat(message.items().get(0).refused()).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("id is a string");
        EventMessage flag = read("{\"partnerId\": \"ptn_1\", \"id\": \"e\", \"type\": \"a\", \"userId\": \"u\","
                + " \"context\": {\"testUser\": \"yes\"}}");
        assertThat(flag.items().get(0).refused()).hasMessageContaining("testUser");
    }

    private static void assertRefused(String body, String code) {
        assertThatThrownBy(() -> read(body)).as(body.length() > 80 ? body.substring(0, 80) : body)
                .isInstanceOf(Unreadable.class).extracting(e -> ((Unreadable) e).code()).isEqualTo(code);
    }

    private static EventMessage read(String body) {
        return EventMessage.read(body.getBytes(StandardCharsets.UTF_8));
    }
}
