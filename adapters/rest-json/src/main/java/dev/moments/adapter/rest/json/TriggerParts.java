package dev.moments.adapter.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.List;

/**
 * Reads a trigger's {@code of}: a list of sub-triggers for {@code all}/{@code any}, one trigger object for
 * {@code referral}. Which shape came is kept, so each kind refuses the other's ({@link TriggerRequests}).
 */
public final class TriggerParts extends StdDeserializer<Requests.Parts> {

    public TriggerParts() {
        super(Requests.Parts.class);
    }

    @Override
    public Requests.Parts deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.START_OBJECT)) {
            return new Requests.Parts(List.of(context.readValue(parser, Requests.Trigger.class)), true);
        }
        if (parser.hasToken(JsonToken.START_ARRAY)) {
            JavaType list = context.getTypeFactory().constructCollectionType(List.class, Requests.Trigger.class);
            List<Requests.Trigger> triggers = context.readValue(parser, list);
            return new Requests.Parts(triggers, false);
        }
        return (Requests.Parts) context.handleUnexpectedToken(Requests.Parts.class, parser);
    }
}
