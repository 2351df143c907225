package dev.moments.adapter.rest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
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
@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {

    /** The deepest nesting of a request body; a trigger of four nested all/any levels needs about 15. */
    static final int MAX_NESTING_DEPTH = 64;
    /** The longest object key anywhere in a body. */
    static final int MAX_NAME_LENGTH = 1_000;
    /** The longest string anywhere in a body (a where expression is at most 1,000, an event string 8,192). */
    static final int MAX_STRING_LENGTH = 100_000;
    /** The most characters of one number. */
    static final int MAX_NUMBER_LENGTH = 100;
    /**
     * The most tokens of one document: a backstop above the largest legal body (a batch of 250,000 values), so that
     * no body can build a tree larger than that.
     */
    static final long MAX_TOKENS = 2_000_000;

    @Override
    public void customize(ObjectMapper mapper) {
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
    }

    /**
     * Applied after every other customizer, Quarkus's own registration of the JSR-310 module included: of two modules
     * with a deserializer for one type, the one registered last is asked first, and that must be ours.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
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
