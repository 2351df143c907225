package dev.moments.adapter.rest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.moments.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads JSON strictly, as a money service must: every decimal exactly (as BigDecimal, never through a double), a
 * duplicate key, trailing tokens after the document or a value of the wrong JSON type are refused rather than
 * guessed at (no {@code true} read as {@code "true"}, no {@code 1.5} read as 1, no number read as a duration or a
 * time), every string is well-formed Unicode without NUL, and the parser itself stops early on documents too deep or
 * with names, strings or numbers too long.
 */
public final class StrictJson {

    /** The deepest nesting of a request body; a trigger of four nested all/any levels needs about 15. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The longest object key anywhere in a body. */
    public static final int MAX_NAME_LENGTH = 1_000;
    /** The longest string anywhere in a body (a where expression is at most 1,000, an event string 8,192). */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** The most characters of one number. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /**
     * The most tokens of one document: a backstop above the largest legal body (a batch of 250,000 values), so that
     * no body can build a tree larger than that.
     */
    public static final long MAX_TOKENS = 2_000_000;

    private StrictJson() {
    }

    /** A new mapper that reads as the service reads request bodies. */
    public static ObjectMapper mapper() {
        return configure(new ObjectMapper());
    }

    /** Makes {@code mapper} read strictly, as {@link StrictJson} describes; returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxTokenCount(MAX_TOKENS)
                .build());
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, fail(type, LogicalType.Integer, LogicalType.Float))
                    .setCoercion(CoercionInputShape.Float, fail(type, LogicalType.Float))
                    .setCoercion(CoercionInputShape.Boolean, fail(type, LogicalType.Boolean))
                    .setCoercion(CoercionInputShape.String, fail(type, LogicalType.Textual))
                    .setCoercion(CoercionInputShape.EmptyString, fail(type, LogicalType.Textual));
        }
        mapper.registerModule(new SimpleModule("moments-strict-scalars")
                .addDeserializer(String.class, new StrictScalars.TextValue())
                .addDeserializer(BigDecimal.class, new StrictScalars.NumberValue())
                .addDeserializer(Instant.class, StrictScalars.TIME)
                .addDeserializer(Duration.class, StrictScalars.DURATION)
                .addKeyDeserializer(String.class, new StrictScalars.TextKey()));
        return mapper;
    }

    /**
     * A request body read as the HTTP API reads it: an empty or {@code null} body is refused as a missing one.
     *
     * @throws JsonProcessingException for a body that is not JSON or has the wrong shape (see {@link Problems})
     */
    public static <T> T readBody(ObjectMapper mapper, String body, Class<T> type) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw new InvalidValueException("body", "a JSON body is required");
        }
        return RequestBodies.require(mapper.readValue(body, type));
    }

    /** Fails a coercion unless the target type is one of {@code natural}, the types the input already is. */
    private static CoercionAction fail(LogicalType target, LogicalType... natural) {
        for (LogicalType type : natural) {
            if (type == target) {
                return CoercionAction.TryConvert;
            }
        }
        return CoercionAction.Fail;
    }
}
