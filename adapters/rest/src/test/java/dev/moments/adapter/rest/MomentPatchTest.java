package dev.moments.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.moments.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The merge itself, and what a patch is refused for before the moment is even read. */
class MomentPatchTest {

    private final ObjectMapper json = configured(new ObjectMapper());

    /** Read as the service reads: unknown fields ignored, decimals exact. */
    private static ObjectMapper configured(ObjectMapper mapper) {
        new JacksonConfig().customize(mapper);
        return mapper;
    }

    private JsonNode read(String text) throws JsonProcessingException {
        return json.readTree(text);
    }

    /** The examples of RFC 7396, appendix A: target, patch, result. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":\"b\"}                  | {\"a\":\"c\"}                      | {\"a\":\"c\"}",
        "{\"a\":\"b\"}                  | {\"b\":\"c\"}                      | {\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"}                  | {\"a\":null}                       | {}",
        "{\"a\":\"b\",\"b\":\"c\"}      | {\"a\":null}                       | {\"b\":\"c\"}",
        "{\"a\":[\"b\"]}                | {\"a\":\"c\"}                      | {\"a\":\"c\"}",
        "{\"a\":\"c\"}                  | {\"a\":[\"b\"]}                    | {\"a\":[\"b\"]}",
        "{\"a\":{\"b\":\"c\"}}          | {\"a\":{\"b\":\"d\",\"c\":null}}   | {\"a\":{\"b\":\"d\"}}",
        "{\"a\":[{\"b\":\"c\"}]}        | {\"a\":[1]}                        | {\"a\":[1]}",
        "[\"a\",\"b\"]                  | [\"c\",\"d\"]                      | [\"c\",\"d\"]",
        "{\"a\":\"b\"}                  | [\"c\"]                            | [\"c\"]",
        "{\"a\":\"foo\"}                | null                               | null",
        "{\"a\":\"foo\"}                | \"bar\"                            | \"bar\"",
        "{\"e\":null}                   | {\"a\":1}                          | {\"e\":null,\"a\":1}",
        "[1,2]                          | {\"a\":\"b\",\"c\":null}           | {\"a\":\"b\"}",
        "{}                             | {\"a\":{\"bb\":{\"ccc\":null}}}    | {\"a\":{\"bb\":{}}}"})
    void mergesAsRfc7396Says(String target, String patch, String result) throws JsonProcessingException {
        JsonNode before = read(target);
        assertThat(MomentPatch.merge(before, read(patch))).isEqualTo(read(result));
        assertThat(before).as("the target is left as it was").isEqualTo(read(target));
    }

    @Test
    void aBudgetTotalIsRefusedWhateverItsValue() {
        for (String total : new String[] {"\"5000.00\"", "null"}) {
            assertThatThrownBy(() -> MomentPatch.of(read("{\"budget\":{\"total\":" + total + "}}"), json))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("top-up")
                    .extracting("field").isEqualTo("budget.total");
        }
    }

    @Test
    void aMissingBodyIsRefusedAndAValueOfTheWrongTypeIsABadRequestNamingIt() {
        assertThatThrownBy(() -> MomentPatch.of(null, json)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("body");
        assertThatThrownBy(() -> MomentPatch.of(read("null"), json)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> MomentPatch.of(read("{\"rewards\":\"rwd_1\",\"holdoutPercent\":\"x\"}"), json))
                .isInstanceOf(MismatchedInputException.class);
    }
}
