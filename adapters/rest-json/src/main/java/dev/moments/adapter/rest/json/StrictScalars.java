package dev.moments.adapter.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.moments.domain.shared.Text;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * The deserializers of the scalars the API reads from JSON strings only: text (well-formed Unicode without NUL,
 * else 422), times (RFC 3339, e.g. {@code 2026-11-25T10:00:00Z}) and durations (ISO-8601, e.g. {@code P45D}). A
 * number, a boolean or an empty string where one of these is expected is refused (400), never converted.
 */
final class StrictScalars {

    private StrictScalars() {
    }

    /** Any JSON string; anything else is refused. */
    static final class TextValue extends StdScalarDeserializer<String> {

        TextValue() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, String.class, "expected a string");
            }
            return checked(parser, parser.getText());
        }
    }

    /** An object key: well-formed Unicode, no NUL. */
    static final class TextKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(context.getParser(), key);
        }
    }

    /**
     * A value written as a string and parsed from it: a time ({@link #TIME}, RFC 3339 with its offset) or a duration
     * ({@link #DURATION}, ISO-8601 such as {@code PT24H} or {@code P45D}).
     */
    static final class Parsed<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> parse;
        private final String what;

        Parsed(Class<T> type, Function<String, T> parse, String what) {
            super(type);
            this.parse = parse;
            this.what = what;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = string(parser, handledType());
            try {
                return parse.apply(text);
            } catch (DateTimeException | ArithmeticException e) {
                throw InvalidFormatException.from(parser, "not " + what, text, handledType());
            }
        }
    }

    /** A JSON number, exactly, with an exponent of at most {@link PlainJson#MAX_EXPONENT}. */
    static final class NumberValue extends StdScalarDeserializer<BigDecimal> {

        NumberValue() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw MismatchedInputException.from(parser, BigDecimal.class, "expected a number");
            }
            return PlainJson.number(parser, parser.getDecimalValue());
        }
    }

    /** RFC 3339 times, read as instants. */
    static final Parsed<Instant> TIME = new Parsed<>(Instant.class, text -> OffsetDateTime.parse(text).toInstant(),
            "an RFC 3339 time");

    /** ISO-8601 durations. */
    static final Parsed<Duration> DURATION = new Parsed<>(Duration.class, Duration::parse, "an ISO-8601 duration");

    private static String string(JsonParser parser, Class<?> type) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw MismatchedInputException.from(parser, type, "expected a string");
        }
        return checked(parser, parser.getText());
    }

    private static String checked(JsonParser parser, String text) throws JsonMappingException {
        if (text.indexOf('\u0000') >= 0) {
            throw new UnacceptableValueException(parser, "text must not contain the NUL character (U+0000)");
        }
        if (!Text.isWellFormed(text)) {
            throw new UnacceptableValueException(parser, "text must be well-formed Unicode (it holds a lone surrogate)");
        }
        return text;
    }
}
