package dev.moments.adapter.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.moments.domain.event.EventPayload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code events} of {@code POST /v1/events/batch} one by one, as plain values, each within the budget of
 * one event: a 1,001st event refuses the batch before it is read, an event over its budget is skipped and answered
 * alone ({@link PlainJson.Refused}), and the whole batch may not carry more than {@link #MAX_VALUES} values, so no
 * batch can hold more than a few tens of megabytes while it is read.
 */
public final class BatchEvents extends StdDeserializer<List<Object>> {

    /** The most events one batch may carry. */
    public static final int MAX_EVENTS = 1_000;

    /** The most values one event may carry: its payload ({@link EventPayload#MAX_VALUES}) and its own fields. */
    static final int MAX_EVENT_VALUES = EventPayload.MAX_VALUES + 50;

    /** The most values one batch may carry in all: 250 per event on average. */
    static final int MAX_VALUES = 250_000;

    public BatchEvents() {
        super(List.class);
    }

    @Override
    public List<Object> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.START_ARRAY)) {
            throw context.wrongTokenException(parser, List.class, JsonToken.START_ARRAY, "expected a list of events");
        }
        List<Object> events = new ArrayList<>();
        int values = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (events.size() == MAX_EVENTS) {
                throw new UnacceptableValueException(parser, "at most " + MAX_EVENTS + " events per batch");
            }
            PlainJson.Budget budget = new PlainJson.Budget(MAX_EVENT_VALUES, "an event carries at most "
                    + EventPayload.MAX_VALUES + " values in properties and user together");
            events.add(PlainJson.readOrSkip(parser, budget, EventPayload.MAX_DEPTH + 1)); // the event's own level
            values += budget.used();
            if (values > MAX_VALUES) {
                throw new UnacceptableValueException(parser, "a batch carries at most " + MAX_VALUES
                        + " values in all; send fewer events per batch");
            }
        }
        return events;
    }
}
