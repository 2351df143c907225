package dev.moments.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A response kept under its idempotency key, to be sent again byte for byte. */
class RecordedResponseTest {

    private static RecordedResponse response(int status, String body) {
        return new RecordedResponse(status, "application/json", body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void itsStatusIsAnHttpStatus() {
        assertThat(response(100, "").status()).isEqualTo(100);
        assertThat(response(599, "").status()).isEqualTo(599);
        assertThatThrownBy(() -> response(99, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> response(600, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyA2xxIsASuccess() {
        assertThat(response(199, "").isSuccess()).isFalse();
        assertThat(response(200, "").isSuccess()).isTrue();
        assertThat(response(299, "").isSuccess()).isTrue();
        assertThat(response(300, "").isSuccess()).isFalse();
    }

    @Test
    void twoResponsesAreEqualWhenTheirBytesAre() {
        assertThat(response(201, "{\"id\":1}")).isEqualTo(response(201, "{\"id\":1}"))
                .hasSameHashCodeAs(response(201, "{\"id\":1}"))
                .isNotEqualTo(response(201, "{\"id\":2}"))
                .isNotEqualTo(response(200, "{\"id\":1}"))
                .isNotEqualTo(new RecordedResponse(201, "text/plain", "{\"id\":1}".getBytes(StandardCharsets.UTF_8),
                        null))
                .isNotEqualTo(new RecordedResponse(201, "application/json",
                        "{\"id\":1}".getBytes(StandardCharsets.UTF_8), "/v1/moments/1"));
    }

    @Test
    void itsBodyCannotBeChangedFromOutside() {
        byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
        RecordedResponse response = new RecordedResponse(200, null, bytes, null);
        bytes[0] = 'x';
        response.body()[1] = 'x';

        assertThat(response.body()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void itsTextShowsTheBodysSizeNotItsBytes_whichMayHoldSecrets() {
        String text = response(201, "{\"token\":\"secret\"}").toString();

        assertThat(text).contains("status=201", "18 bytes").doesNotContain("secret");
    }
}
